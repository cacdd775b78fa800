import { entryAnchor, entryReferenceAnchor, propertyAnchor } from '../index/anchors.js';
import type { Located, SiteIndex } from '../index/site-index.js';
import type { DescriptionValue, Entry, Item, ParsedPage, Property } from '../model/types.js';
import { resolveDescription } from './descriptions.js';
import { resolveItem } from './items.js';
import { entryRowDescription, entryRowItems, maxReferenceDepth } from './shown-items.js';

/**
 * An entry with every reference followed: what the HTML tables, the Markdown
 * copies, the search index and `polyref.json` all show. Descriptions stay
 * markdown here; each output renders them its own way.
 */
export interface ResolvedEntry {
  language: string;
  key: string;
  id: string | null;
  /** The page (and fragment) that documents it, as written; null for a shared definition. */
  url: string | null;
  title: string;
  /** HTTP verb or method kind, or the type of a shared definition. */
  type: string | null;
  /** The stable, language-independent anchor: the entry's `id`, else its key. */
  anchor: string;
  /** Entry fields set to `true` (`paginated`, `sendsEmail`), shown as badges. */
  flags: string[];
  description: ResolvedDescription | null;
  properties: ResolvedItem[] | null;
  parameters: ResolvedItem[] | null;
  returns: ResolvedItem[] | null;
  patternBefore: string | null;
  extra: Record<string, unknown>;
}

export interface ResolvedDescription {
  markdown: string;
  /** The `descriptions` key path it came from; null for literal markdown. */
  keyPath: string | null;
}

export interface ResolvedProperty {
  kind: 'property';
  key: string;
  /** `title` when given, else `key`. */
  name: string;
  /** The description key path, the same in every language; `parent.key` for literal descriptions. */
  anchor: string;
  type: string | null;
  optional: boolean;
  expanded: boolean;
  /** Children shown in place of this property (an anonymous options or result object). */
  unwrap: boolean;
  description: ResolvedDescription | null;
  properties: ResolvedItem[];
  extra: Record<string, unknown>;
}

/** An item naming a whole entry: one row that links to the entry's page. */
export interface ResolvedEntryReference {
  kind: 'entry';
  key: string;
  name: string;
  anchor: string;
  url: string | null;
  type: string | null;
  optional: boolean;
  description: ResolvedDescription | null;
  /** A shared definition has no page to link to, so its properties come along. */
  properties: ResolvedItem[];
  extra: Record<string, unknown>;
}

export type ResolvedItem = ResolvedProperty | ResolvedEntryReference;

/** Flags that mean something else than a badge. */
const notBadges = new Set(['optional']);

/**
 * `page` is where descriptions resolve first: the page being rendered, so a
 * shared entry reads as it would on that page.
 */
/**
 * The entries resolved for the page being worked on: its HTML, Markdown
 * copy, search documents and model show the same rows, resolved once. One
 * page at a time, so that it holds no more than a page's worth.
 */
let resolvedForPage: { index: SiteIndex; page: ParsedPage; entries: Map<Entry, ResolvedEntry> } | null = null;

/** Forgets what was resolved: the index may have changed since (a dev server's update keeps the index object). */
export function startResolving(): void {
  resolvedForPage = null;
}

export function resolveEntry(located: Located<Entry>, page: ParsedPage, index: SiteIndex): ResolvedEntry {
  if (resolvedForPage?.index !== index || resolvedForPage.page !== page) resolvedForPage = { index, page, entries: new Map() };
  let resolved = resolvedForPage.entries.get(located.value);
  if (!resolved) resolvedForPage.entries.set(located.value, (resolved = resolveEntryAfresh(located, page, index)));
  return resolved;
}

function resolveEntryAfresh(located: Located<Entry>, page: ParsedPage, index: SiteIndex): ResolvedEntry {
  const entry = located.value;
  const anchor = entryAnchor(entry);
  const resolver = new ItemResolver(entry.language, page, index);
  const items = (list: Item[] | null) => (list ? resolver.items(list, anchor, 0) : null);
  return {
    language: entry.language,
    key: entry.key,
    id: entry.id,
    url: entry.url,
    title: entry.title ?? entry.key,
    type: entry.type,
    anchor,
    flags: Object.entries(entry.extra)
      .filter(([name, value]) => value === true && !notBadges.has(name))
      .map(([name]) => name),
    description: resolver.describe(entry.description, page),
    properties: items(entry.properties),
    parameters: items(entry.parameters),
    returns: items(entry.returns),
    patternBefore: entry.patternBefore,
    extra: entry.extra,
  };
}

class ItemResolver {
  constructor(
    private readonly language: string,
    private readonly page: ParsedPage,
    private readonly index: SiteIndex,
  ) {}

  items(items: Item[], parentAnchor: string, depth: number): ResolvedItem[] {
    const resolved: ResolvedItem[] = [];
    for (const item of items) {
      if (item.kind === 'property') {
        resolved.push(this.property(item, parentAnchor, depth));
        continue;
      }
      if (depth >= maxReferenceDepth) continue;
      // Unresolved and ambiguous items are errors of `check`; a build never gets here with one.
      const found = resolveItem(item, this.language, this.page, this.index);
      if (!found.ok) continue;
      const target = found.target;
      resolved.push(
        target.kind === 'property'
          ? this.property(target.property, parentAnchor, depth + 1)
          : this.entryReference(target.entry, depth + 1),
      );
    }
    return resolved;
  }

  describe(description: DescriptionValue | null, page: ParsedPage = this.page): ResolvedDescription | null {
    if (!description) return null;
    if (description.kind === 'markdown') return { markdown: description.markdown, keyPath: null };
    const resolved = resolveDescription(description.keyPath, page, this.index);
    return resolved.ok ? { markdown: resolved.markdown, keyPath: description.keyPath } : null;
  }

  private property(property: Property, parentAnchor: string, depth: number): ResolvedProperty {
    const anchor = propertyAnchor(property, parentAnchor);
    return {
      kind: 'property',
      key: property.key,
      name: property.title ?? property.key,
      anchor,
      type: property.type,
      optional: property.optional,
      expanded: property.expanded,
      unwrap: property.unwrap,
      description: this.describe(property.description),
      properties: this.items(property.properties, anchor, depth),
      extra: property.extra,
    };
  }

  private entryReference(located: Located<Entry>, depth: number): ResolvedEntryReference {
    const entry = located.value;
    const description = entryRowDescription(entry);
    const anchor = entryReferenceAnchor(entry, description);
    const sharedProperties = this.items(entryRowItems(entry), anchor, depth);
    return {
      kind: 'entry',
      key: entry.key,
      name: entry.key,
      anchor,
      url: entry.url,
      type: entry.type,
      optional: entry.extra.optional === true,
      description: this.describe(description, located.page),
      properties: sharedProperties,
      extra: entry.extra,
    };
  }
}

/** Items as a reader sees them: an unwrapped property replaced by its children. */
export function unwrapped(items: ResolvedItem[]): ResolvedItem[] {
  return items.flatMap((item) => (item.kind === 'property' && item.unwrap ? unwrapped(item.properties) : [item]));
}
