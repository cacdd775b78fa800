import type { Located } from '../../index/site-index.js';
import type { DescriptionValue, Entry, Item, Property } from '../../model/types.js';
import { resolveDescription } from '../../resolve/descriptions.js';
import { resolveItem } from '../../resolve/items.js';
import { withBasePath } from '../sanitize.js';
import { uniqueId, type RenderContext } from './render-context.js';

export interface RowView {
  /** The stable, language-independent anchor: the description key path. */
  anchor: string;
  id: string;
  name: string;
  href: string | null;
  type: string | null;
  optional: boolean;
  descriptionHtml: string;
  expanded: boolean;
  children: RowView[];
  extra: Record<string, unknown>;
}

export interface EntryView {
  language: string;
  key: string;
  title: string;
  anchor: string;
  id: string;
  href: string | null;
  /** HTTP verb or method kind. */
  kind: string | null;
  /** Entry fields set to `true` (`paginated`, `sendsEmail`), shown as badges. */
  badges: string[];
  descriptionHtml: string;
  properties: RowView[] | null;
  parameters: RowView[] | null;
  returns: RowView[] | null;
  extra: Record<string, unknown>;
}

/** An entry as its templates show it: every reference resolved, every description rendered. */
export function entryView(located: Located<Entry>, context: RenderContext): EntryView {
  const entry = located.value;
  const anchor = entry.id ?? entry.key;
  const rows = (items: Item[] | null) => (items ? itemRows(items, entry, anchor, context, 0) : null);
  return {
    language: entry.language,
    key: entry.key,
    title: entry.title ?? entry.key,
    anchor,
    id: uniqueId(context, anchor),
    href: entry.url ? withBasePath(entry.url, context.site.config.basePath) : null,
    kind: entry.type,
    badges: Object.entries(entry.extra)
      .filter(([, value]) => value === true)
      .map(([name]) => name),
    descriptionHtml: describe(entry.description, context),
    properties: rows(entry.properties),
    parameters: rows(entry.parameters),
    returns: rows(entry.returns),
    extra: entry.extra,
  };
}

const maxReferenceDepth = 16;

function itemRows(items: Item[], entry: Entry, parentAnchor: string, context: RenderContext, depth: number): RowView[] {
  const rows: RowView[] = [];
  for (const item of items) {
    if (item.kind === 'property') {
      const row = propertyRow(item, entry, parentAnchor, context, depth);
      // `unwrap`: an anonymous options or result object shows its children in its place.
      if (item.unwrap) rows.push(...row.children);
      else rows.push(row);
      continue;
    }
    if (depth >= maxReferenceDepth) continue;
    const resolved = resolveItem(item, entry.language, context.page, context.site.index);
    if (!resolved.ok) continue;
    const target = resolved.target;
    if (target.kind === 'property') {
      rows.push(propertyRow(target.property, target.entry.value, parentAnchor, context, depth + 1));
    } else {
      rows.push(entryRow(target.entry, context));
    }
  }
  return rows;
}

function propertyRow(property: Property, entry: Entry, parentAnchor: string, context: RenderContext, depth: number): RowView {
  const anchor = property.description?.kind === 'reference' ? property.description.keyPath : `${parentAnchor}.${property.key}`;
  return {
    anchor,
    id: property.unwrap ? '' : uniqueId(context, anchor),
    name: property.title ?? property.key,
    href: null,
    type: property.type,
    optional: property.optional,
    descriptionHtml: describe(property.description, context),
    expanded: property.expanded,
    children: itemRows(property.properties, entry, anchor, context, depth),
    extra: property.extra,
  };
}

/** An entry named as an item: one row linking to its page. */
function entryRow(located: Located<Entry>, context: RenderContext): RowView {
  const entry = located.value;
  const anchor = entry.id ?? entry.key;
  const description = entry.description ?? selfOfDescribedObject(entry);
  return {
    anchor,
    id: uniqueId(context, anchor),
    name: entry.key,
    href: entry.url ? withBasePath(entry.url, context.site.config.basePath) : null,
    type: entry.type,
    optional: false,
    descriptionHtml: describe(description, { ...context, page: located.page }),
    expanded: false,
    children: [],
    extra: entry.extra,
  };
}

/** `(directory_group.id)` among an entry's properties → `(directory_group)`, its `self`. */
function selfOfDescribedObject(entry: Entry): DescriptionValue | null {
  for (const item of entry.properties ?? []) {
    if (item.kind === 'property' && item.description?.kind === 'reference' && item.description.keyPath.includes('.')) {
      const keyPath = item.description.keyPath.slice(0, item.description.keyPath.lastIndexOf('.'));
      return { kind: 'reference', keyPath, place: item.description.place };
    }
  }
  return null;
}

function describe(description: DescriptionValue | null, context: RenderContext): string {
  if (!description) return '';
  if (description.kind === 'markdown') return context.markdown.render(description.markdown);
  const resolved = resolveDescription(description.keyPath, context.page, context.site.index);
  return resolved.ok ? context.markdown.render(resolved.markdown) : '';
}
