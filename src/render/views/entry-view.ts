import type { Located } from '../../index/site-index.js';
import type { Entry } from '../../model/types.js';
import { resolveEntry, unwrapped, type ResolvedDescription, type ResolvedEntry, type ResolvedItem } from '../../resolve/resolved-entry.js';
import { withBasePath } from '../sanitize.js';
import { uniqueId, type RenderContext } from './render-context.js';

export interface RowView {
  /** The stable, language-independent anchor: the description key path. */
  anchor: string;
  /** Unique on the page: the anchor for its first row, `anchor-2`… for the rows of later languages. */
  id: string;
  name: string;
  href: string | null;
  type: string | null;
  optional: boolean;
  /** Shown on parameters only: a property of a returned object is simply always there. */
  required: boolean;
  descriptionHtml: string;
  expanded: boolean;
  children: RowView[];
  /** `1 property`, `3 properties`: what the children disclosure says. */
  childrenLabel: string;
  extra: Record<string, unknown>;
}

export interface ItemListView {
  /** `Properties`, `Parameters` or `Returns`. */
  caption: string;
  rows: RowView[];
  /** Some row has children: the table gets an "expand all" control. */
  hasChildren: boolean;
  /** One below the entry's title. */
  headingLevel: number;
}

export interface EntryView {
  language: string;
  key: string;
  title: string;
  anchor: string;
  id: string;
  /** The entry's own page, when it is not the page being rendered. */
  href: string | null;
  /** `h2`…`h6`: one below the heading the entry's block stands under. */
  headingLevel: number;
  /** HTTP verb or method kind. */
  kind: string | null;
  /** `get`, `post`…, for colouring HTTP verbs; null for other kinds. */
  verb: string | null;
  /** Entry fields set to `true` (`paginated`, `sendsEmail`), shown as badges. */
  badges: string[];
  descriptionHtml: string;
  lists: ItemListView[];
  properties: RowView[] | null;
  parameters: RowView[] | null;
  returns: RowView[] | null;
  extra: Record<string, unknown>;
}

const httpVerbs = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/** An entry as its templates show it: every reference resolved, every description rendered. */
export function entryView(located: Located<Entry>, context: RenderContext, headingLevel = 3): EntryView {
  return resolvedEntryView(resolveEntry(located, context.page, context.site.index), context, headingLevel);
}

export function resolvedEntryView(entry: ResolvedEntry, context: RenderContext, headingLevel = 3): EntryView {
  const rows = (items: ResolvedItem[] | null, isParameters: boolean) =>
    items ? unwrapped(items).map((item) => rowView(item, context, isParameters)) : null;
  const properties = rows(entry.properties, false);
  const parameters = rows(entry.parameters, true);
  const returns = rows(entry.returns, false);
  const lists: ItemListView[] = [];
  for (const [caption, list] of [['Properties', properties], ['Parameters', parameters], ['Returns', returns]] as const) {
    if (list && list.length > 0) {
      lists.push({ caption, rows: list, hasChildren: list.some((row) => row.children.length > 0), headingLevel: Math.min(headingLevel + 1, 6) });
    }
  }
  const kind = entry.type;
  return {
    language: entry.language,
    key: entry.key,
    title: entry.title,
    anchor: entry.anchor,
    id: uniqueId(context, entry.anchor),
    headingLevel,
    href: entry.url && !isSamePage(entry.url, context.page.url) ? withBasePath(entry.url, context.site.config.basePath) : null,
    kind,
    verb: kind && httpVerbs.has(kind.toLowerCase()) ? kind.toLowerCase() : null,
    badges: entry.flags,
    descriptionHtml: describe(entry.description, context),
    lists,
    properties,
    parameters,
    returns,
    extra: entry.extra,
  };
}

function rowView(item: ResolvedItem, context: RenderContext, isParameter: boolean): RowView {
  // The row takes its id before its children do, in reading order.
  const id = uniqueId(context, item.anchor);
  const children = unwrapped(item.properties).map((child) => rowView(child, context, isParameter));
  return {
    anchor: item.anchor,
    id,
    name: item.name,
    href: item.kind === 'entry' && item.url ? withBasePath(item.url, context.site.config.basePath) : null,
    type: item.type,
    optional: item.optional,
    required: isParameter && !item.optional,
    descriptionHtml: describe(item.description, context),
    expanded: item.kind === 'property' && item.expanded,
    children,
    childrenLabel: `${children.length} ${children.length === 1 ? 'property' : 'properties'}`,
    extra: item.extra,
  };
}

function describe(description: ResolvedDescription | null, context: RenderContext): string {
  return description ? context.markdown.render(description.markdown) : '';
}

function isSamePage(url: string, pageUrl: string): boolean {
  const bare = url.replace(/[?#].*$/, '');
  return (bare.length > 1 ? bare.replace(/\/$/, '') : bare) === pageUrl;
}
