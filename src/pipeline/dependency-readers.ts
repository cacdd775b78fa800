import { DependencySet, type TablePath } from './dependencies.js';

/** What changed since the readers were last brought up to date. */
export interface ChangedReads {
  /** Dependency keys (`DependencySet.keyOf`) whose value changed. */
  keys: ReadonlySet<string>;
  /** Those of `keys` that came or went. */
  presence: ReadonlySet<string>;
  /** Example `file` values whose folder changed. */
  examples: ReadonlySet<string>;
  /** A page came, went or changed: readers of the page list read differently. */
  pages: boolean;
  /** The folder tree of every page changed. */
  folderTree: boolean;
}

/**
 * Who read what, the other way round from `DependencySet`: for each key,
 * table and example, the readers (pages being checked or rendered) that
 * read it the last time. A change then finds the pages it concerns by
 * looking up what changed, in time that grows with the change and the
 * pages it concerns, not with the site.
 */
export class DependencyReaders<Reader> {
  private readonly recorded = new Map<Reader, DependencySet>();
  private readonly byKey = new Map<string, Set<Reader>>();
  private readonly byPresence = new Map<string, Set<Reader>>();
  private readonly byTable = new Map<TablePath, Set<Reader>>();
  private readonly byExample = new Map<string, Set<Reader>>();
  private readonly ofPageList = new Set<Reader>();
  private readonly ofFolderTree = new Set<Reader>();

  /** Records what `reader` read, in place of what it read before; null forgets the reader. */
  set(reader: Reader, dependencies: DependencySet | null): void {
    const previous = this.recorded.get(reader);
    if (previous === dependencies) return;
    // A page read again mostly reads what it read before: only the difference touches the shared tables.
    const before = previous ?? emptyDependencies;
    const after = dependencies ?? emptyDependencies;
    update(this.byKey, before.keys, after.keys, reader);
    update(this.byPresence, before.presence, after.presence, reader);
    update(this.byTable, before.wholeTables, after.wholeTables, reader);
    update(this.byExample, before.examples, after.examples, reader);
    if (after.usesPageList) this.ofPageList.add(reader);
    else this.ofPageList.delete(reader);
    if (after.usesFolderTree) this.ofFolderTree.add(reader);
    else this.ofFolderTree.delete(reader);
    if (dependencies) this.recorded.set(reader, dependencies);
    else this.recorded.delete(reader);
  }

  /** The readers whose recorded reads meet a change: the same as asking each reader's `DependencySet`. */
  readersOf(changed: ChangedReads): Set<Reader> {
    const readers = new Set<Reader>();
    const addAll = (found: Iterable<Reader> | undefined) => {
      if (found) for (const reader of found) readers.add(reader);
    };
    if (changed.pages) addAll(this.ofPageList);
    if (changed.folderTree) addAll(this.ofFolderTree);
    for (const table of tablesOf(changed.keys)) addAll(this.byTable.get(table));
    for (const example of changed.examples) addAll(this.byExample.get(example));
    for (const key of changed.keys) addAll(this.byKey.get(key));
    for (const key of changed.presence) addAll(this.byPresence.get(key));
    return readers;
  }

  /** Every example `file` value some reader looked up. */
  examples(): IterableIterator<string> {
    return this.byExample.keys();
  }
}

const emptyDependencies = new DependencySet();

/** The tables (and their enclosing tables) of changed keys: a reader of one of them whole reads differently. */
function tablesOf(keys: Iterable<string>): Set<TablePath> {
  const tables = new Set<TablePath>();
  for (const key of keys) {
    const table = key.slice(0, key.indexOf('\u0000'));
    tables.add(table);
    const slash = table.indexOf('/');
    if (slash !== -1) tables.add(table.slice(0, slash));
  }
  return tables;
}

/** Moves `reader` from the readers of what it no longer reads to the readers of what it reads now. */
function update<K, Reader>(map: Map<K, Set<Reader>>, before: ReadonlySet<K>, after: ReadonlySet<K>, reader: Reader): void {
  for (const key of before) {
    if (after.has(key)) continue;
    const readers = map.get(key);
    if (!readers) continue;
    readers.delete(reader);
    if (readers.size === 0) map.delete(key);
  }
  for (const key of after) {
    if (before.has(key)) continue;
    const readers = map.get(key);
    if (readers) readers.add(reader);
    else map.set(key, new Set([reader]));
  }
}
