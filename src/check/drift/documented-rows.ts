/**
 * The rows an entry documents, as a tree of wire names: what an example
 * payload and an OpenAPI schema are held against. Rows are found as the
 * tables show them (`forEachShownItem`): a property reference brings the
 * property it names, an unwrapped property shows its children in its place.
 * Beyond the tables, an entry row carries the entry's own rows as its
 * children (the object a payload nests there), and a list that shows a
 * single entry row stands for that entry's object: `returns: [(directory_group)]`
 * is a response that is a directory group, `properties: [(directory_group)]`
 * under an array the shape of each item.
 */
import type { Located, SiteIndex } from '../../index/site-index.js';
import type { Entry, Item, ItemReference, Place, Property } from '../../model/types.js';
import type { Site } from '../../model/site.js';
import { forEachShownItem, type ItemContext, type ShownVia } from '../../resolve/shown-items.js';

/** A place in a file. */
export interface FilePlace {
  file: string;
  place: Place;
}

export interface DocumentedRow {
  /** The name on the wire: the property's `key`, or the entry's for an entry row. */
  key: string;
  /** `directory_user.emails.primary`: its owner's name and its key. */
  name: string;
  /** The name of what `typeAt` and `optionalAt` belong to: `name`, or for a row an item reference brings, the reference's path (`limit`, `directory_group.id`). */
  definitionName: string;
  type: string | null;
  optional: boolean;
  /** Where the compared table shows it: the property itself, or the item reference that brings it in. */
  shown: FilePlace;
  /** Where its `type` is written, else its key. */
  typeAt: FilePlace;
  /** Where its `optional` is written, else its key. */
  optionalAt: FilePlace;
  /** The rows of its value (of each item, for an array); null when none are documented, as for a free-form map. */
  readonly children: DocumentedRows | null;
}

export interface DocumentedRows {
  /** The entry or row the rows belong to, where a row they lack is reported. */
  owner: { name: string; at: FilePlace };
  rows: Map<string, DocumentedRow>;
}

const entryRowsBySite = new WeakMap<Site, Map<Entry, DocumentedRows | null>>();

/** The rows of an entry's `properties` (an object entry), computed once per site; null for an entry without properties. */
export function entryRows(site: Site, located: Located<Entry>): DocumentedRows | null {
  let byEntry = entryRowsBySite.get(site);
  if (!byEntry) entryRowsBySite.set(site, (byEntry = new Map()));
  const entry = located.value;
  if (byEntry.has(entry)) return byEntry.get(entry)!;
  // Marked first: an entry whose only row is itself, through other entries, ends there.
  byEntry.set(entry, null);
  const rows = entry.properties ? itemRows(site, entry.properties, ownerOfEntry(located), located) : null;
  byEntry.set(entry, rows);
  return rows;
}

/** The rows of one of an entry's lists (`parameters`, `returns`, `properties`). */
export function listOfEntryRows(site: Site, located: Located<Entry>, list: 'properties' | 'parameters' | 'returns'): DocumentedRows | null {
  if (list === 'properties') return entryRows(site, located);
  const items = located.value[list];
  return items ? itemRows(site, items, ownerOfEntry(located), located) : null;
}

/**
 * The rows `items` show. A list of one entry row stands for that entry's
 * object, whose rows it returns (none, for an entry whose rows are being
 * read: a cycle of single references).
 */
function itemRows(site: Site, items: Item[], owner: DocumentedRows['owner'], from: Located<Entry>): DocumentedRows {
  const single = singleEntryRow(site.index, items, from);
  if (single?.value.properties) return entryRows(site, single) ?? { owner, rows: new Map() };
  const rows = new Map<string, DocumentedRow>();
  const add = (row: DocumentedRow) => {
    if (!rows.has(row.key)) rows.set(row.key, row);
  };
  collect(site, items, owner, from, add);
  return { owner, rows };
}

function collect(site: Site, items: Item[], owner: DocumentedRows['owner'], from: Located<Entry>, add: (row: DocumentedRow) => void): void {
  const context: ItemContext = { language: from.value.language, page: from.page, index: site.index };
  forEachShownItem(items, 0, context, {
    property: (property, _depth, via) => {
      const home = via ? via.entry : from;
      // An unwrapped property (an options object, an anonymous result) shows its children in its place.
      if (property.unwrap) collect(site, property.properties, owner, home, add);
      else add(propertyRow(site, property, owner, from, home, via));
    },
    entry: (target, _depth, via) => add(entryRow(site, target, owner, from, via)),
  });
}

function propertyRow(site: Site, property: Property, owner: DocumentedRows['owner'], from: Located<Entry>, home: Located<Entry>, via: ShownVia | null): DocumentedRow {
  const name = `${owner.name}.${property.key}`;
  const at = (place: Place | undefined): FilePlace => ({ file: home.page.file, place: place ?? property.keyPlace });
  const shown = via ? { file: from.page.file, place: via.reference.place } : at(property.keyPlace);
  let children: DocumentedRows | null | undefined;
  return {
    key: property.key,
    name,
    definitionName: via ? via.reference.path.join('.') : name,
    type: property.type,
    optional: property.optional,
    shown,
    typeAt: at(property.typePlace),
    optionalAt: at(property.optionalPlace),
    get children() {
      if (children === undefined) {
        children = property.properties.length > 0 ? itemRows(site, property.properties, { name, at: shown }, home) : null;
      }
      return children;
    },
  };
}

function entryRow(site: Site, target: Located<Entry>, owner: DocumentedRows['owner'], from: Located<Entry>, via: ItemReference): DocumentedRow {
  const entry = target.value;
  const at = (place: Place | undefined): FilePlace => ({ file: target.page.file, place: place ?? entry.keyPlace });
  return {
    key: entry.key,
    name: `${owner.name}.${entry.key}`,
    definitionName: via.path.join('.'),
    type: entry.type,
    // A shared definition such as a pagination parameter carries `optional` among its other fields.
    optional: entry.extra.optional === true,
    shown: { file: from.page.file, place: via.place },
    typeAt: at(entry.typePlace),
    optionalAt: at(undefined),
    get children() {
      return entryRows(site, target);
    },
  };
}

/** The entry a list shows as its only row, when it does. */
function singleEntryRow(index: SiteIndex, items: Item[], from: Located<Entry>): Located<Entry> | null {
  if (items.length !== 1 || items[0]!.kind !== 'item-reference') return null;
  let single: Located<Entry> | null = null;
  forEachShownItem(items, 0, { language: from.value.language, page: from.page, index }, {
    property: () => {},
    entry: (target) => {
      single = target;
    },
  });
  return single;
}

function ownerOfEntry(located: Located<Entry>): DocumentedRows['owner'] {
  return { name: located.value.key, at: { file: located.page.file, place: located.value.keyPlace } };
}
