import type { Located, SiteIndex } from '../index/site-index.js';
import type { DescriptionValue, Entry, Item, ItemReference, ParsedPage, Property } from '../model/types.js';
import { resolveItem } from './items.js';

/** Item references inside referenced entries are followed at most this deep, which also ends cycles. */
export const maxReferenceDepth = 16;

/** Where an entry's item references resolve: in its language, from the page that shows it. */
export interface ItemContext {
  language: string;
  page: ParsedPage;
  index: SiteIndex;
}

/** The item reference a row comes from, and the entry whose property it names. */
export interface ShownVia {
  reference: ItemReference;
  entry: Located<Entry>;
}

/** What to do with each row a list of items shows. */
export interface ShownItemVisitor {
  /** A property row: a property of the list (`via` null), or one an item reference names. */
  property(property: Property, depth: number, via: ShownVia | null): void;
  /** A row for a whole entry an item reference names. */
  entry(entry: Located<Entry>, depth: number, via: ItemReference): void;
}

/**
 * The rows a list of items shows in an entry's table, in order, one level
 * of them (the visitor goes on into their children): a property as it
 * stands; an item reference as what it resolves to, one reference deeper.
 * A reference that does not resolve shows nothing (`check` reports it), nor
 * does one past `maxReferenceDepth`. The tables, `polyref.json`, the search
 * index and the parity matrix all count rows this way.
 */
export function forEachShownItem(items: Item[], depth: number, context: ItemContext, visit: ShownItemVisitor): void {
  for (const item of items) {
    if (item.kind === 'property') {
      visit.property(item, depth, null);
      continue;
    }
    if (depth >= maxReferenceDepth) continue;
    const found = resolveItem(item, context.language, context.page, context.index);
    if (!found.ok) continue;
    if (found.target.kind === 'property') visit.property(found.target.property, depth + 1, { reference: item, entry: found.target.entry });
    else visit.entry(found.target.entry, depth + 1, item);
  }
}

/**
 * The description a row for a whole entry shows: the entry's own, else the
 * map its properties' descriptions share, its `self`: `(directory_group.id)`
 * among them → `(directory_group)`.
 */
export function entryRowDescription(entry: Entry): DescriptionValue | null {
  // An entry of the index built from facts knows it without its items being read.
  if ('rowDescription' in entry) return entry.rowDescription as DescriptionValue | null;
  if (entry.description) return entry.description;
  for (const item of entry.properties ?? []) {
    if (item.kind === 'property' && item.description?.kind === 'reference' && item.description.keyPath.includes('.')) {
      const keyPath = item.description.keyPath.slice(0, item.description.keyPath.lastIndexOf('.'));
      return { kind: 'reference', keyPath, place: item.description.place };
    }
  }
  return null;
}

/** The items a row for a whole entry brings along: a shared definition's properties, since it has no page to link to; else none. */
export function entryRowItems(entry: Entry): Item[] {
  return entry.url === null && entry.properties ? entry.properties : [];
}
