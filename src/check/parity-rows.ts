/**
 * The rows one language's entries of an `id` show, as parity matches them
 * across languages: by description key path, and by where a row stands in
 * its table (the same property, spelled `organization_id` in one language
 * and `OrganizationID` in another, stands at the same place).
 */
import type { Located } from '../index/site-index.js';
import { itemLists } from '../model/walk.js';
import type { DescriptionValue, Entry, Item, ParsedPage } from '../model/types.js';
import type { Site } from '../model/site.js';
import { resolveDescription } from '../resolve/descriptions.js';
import { entryRowDescription, entryRowItems, forEachShownItem, type ItemContext } from '../resolve/shown-items.js';

/** How a row is described: by a reference that resolves or not, by literal markdown, or not at all. */
export type RowDescription = { kind: 'resolved' | 'unresolved'; keyPath: string } | { kind: 'literal' | 'none' };

export interface LanguageRows {
  /** Key paths of the rows described by a reference that resolves, in table order. */
  keyPaths: Set<string>;
  /**
   * A row's place (`parameters/state`: its list and the names on the way
   * down, folded to lower case without `_`; an unwrapped property or a group
   * without a description of its own adds no name) → how the rows there are described.
   */
  byPlace: Map<string, RowDescription[]>;
}

/** Every row the entries show, at any depth. */
export function languageRows(entries: Array<Located<Entry>>, site: Site): LanguageRows {
  const rows: LanguageRows = { keyPaths: new Set(), byPlace: new Map() };
  for (const located of entries) walkRows(located, site, rows);
  return rows;
}

/**
 * Key paths of every row the entry's table shows, at any depth, in table
 * order: rows described by a reference that resolves (from the page of the
 * entry the row comes from); an unwrapped property shows its children, not
 * itself. The rows are those `resolveEntry` builds, found the same way
 * (`forEachShownItem`), without building them: this runs for every entry
 * with an `id`. A test holds the two to the same key paths on every site it knows.
 */
export function shownKeyPaths(located: Located<Entry>, site: Site, into: Set<string> = new Set()): Set<string> {
  return walkRows(located, site, { keyPaths: into, byPlace: new Map() }).keyPaths;
}

function walkRows(located: Located<Entry>, site: Site, rows: LanguageRows): LanguageRows {
  const { value: entry, page } = located;
  const context: ItemContext = { language: entry.language, page, index: site.index };
  const add = (place: string, description: DescriptionValue | null, from: ParsedPage): void => {
    const row = describedBy(description, from, site);
    if (row.kind === 'resolved') rows.keyPaths.add(row.keyPath);
    const there = rows.byPlace.get(place);
    if (there) there.push(row);
    else rows.byPlace.set(place, [row]);
  };
  const walk = (items: Item[], depth: number, parent: string): void => {
    forEachShownItem(items, depth, context, {
      property: (property, at) => {
        // An unwrapped property is no row: its children stand in its place.
        if (property.unwrap) return walk(property.properties, at, parent);
        const place = `${parent}/${placeName(property.key)}`;
        add(place, property.description, page);
        // Nor does a group shown only by its children (an options object one SDK has and another spreads) name their place.
        walk(property.properties, at, property.description === null && property.properties.length > 0 ? parent : place);
      },
      entry: (target, at) => {
        const place = `${parent}/${placeName(target.value.key)}`;
        add(place, entryRowDescription(target.value), target.page);
        walk(entryRowItems(target.value), at, place);
      },
    });
  };
  for (const list of itemLists) walk(entry[list] ?? [], 0, list);
  return rows;
}

function describedBy(description: DescriptionValue | null, from: ParsedPage, site: Site): RowDescription {
  if (description === null) return { kind: 'none' };
  if (description.kind === 'markdown') return description.markdown.trim() === '' ? { kind: 'none' } : { kind: 'literal' };
  const resolved = resolveDescription(description.keyPath, from, site.index).ok;
  return { kind: resolved ? 'resolved' : 'unresolved', keyPath: description.keyPath };
}

/** `organization_id`, `OrganizationID`, `organizationId` → `organizationid`: one property as SDKs spell it. */
function placeName(key: string): string {
  return key.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
