/**
 * What one page reads of the rest of the site while it is checked or
 * rendered, recorded by handing the page a view of the site whose lookup
 * tables note every key asked for. Nothing in the checks or the views has to
 * declare its dependencies: a description resolved through the index, an
 * entry found by an item reference or a `referenceId`, a navigation file
 * looked up for the sidebar, an example folder, all leave their key here.
 */
import type { SiteIndex } from '../index/site-index.js';
import type { ExampleLookup, ExampleStore } from '../load/examples.js';
import type { Site } from '../model/site.js';
import type { NavigationLink } from '../model/types.js';

/** `descriptions` or `entriesByKey/python`: a lookup table of the index, by its path. */
export type TablePath = string;

/**
 * A dependency is a key of a table (`descriptions` + `directory_group.id`)
 * or a whole table (iterated, sized or listed: suggestions, symbol lists).
 */
export class DependencySet {
  /** `table\u0000key` for every key looked up. */
  readonly keys = new Set<string>();
  /** `table\u0000key` for every key only asked about (`has`): whether it is there matters, not what it holds. */
  readonly presence = new Set<string>();
  /** Tables read whole; any change under them concerns this page. */
  readonly wholeTables = new Set<TablePath>();
  /** Example `file` values looked up (relative to the examples root, as written). */
  readonly examples = new Set<string>();
  /** The page list of the index was read. */
  usesPageList = false;
  /** The sidebar fell back to the folder tree of every page. */
  usesFolderTree = false;

  static keyOf(table: TablePath, key: unknown): string {
    return `${table}\u0000${String(key)}`;
  }
}

const tableSeparator = '/';

/**
 * The site as `page` sees it, recording into `dependencies`. Tables are
 * wrapped by shape: a Map of lists or values records keys, a Map of Maps
 * records the outer key and wraps the inner table, a Set records members;
 * any other field of the index (the page list included) counts as read whole.
 */
export function recordingSite(site: Site, dependencies: DependencySet): Site {
  return { ...site, index: recordingIndex(site.index, dependencies), examples: recordingExamples(site.examples, dependencies) };
}

/** The folder tree handed to a page's render; touching it marks the page as depending on it. */
export function recordingFolderTree(tree: NavigationLink[], dependencies: DependencySet): NavigationLink[] {
  return new Proxy(tree, {
    get(target, property, receiver) {
      dependencies.usesFolderTree = true;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

function recordingIndex(index: SiteIndex, dependencies: DependencySet): SiteIndex {
  const view: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(index)) {
    if (value instanceof Map) {
      view[name] = new RecordingMap(value, name, dependencies);
    } else if (value instanceof Set) {
      view[name] = new RecordingSet(value, name, dependencies);
    } else {
      Object.defineProperty(view, name, {
        enumerable: true,
        get() {
          if (name === 'pages') dependencies.usesPageList = true;
          else dependencies.wholeTables.add(name);
          return value;
        },
      });
    }
  }
  // Every field of SiteIndex is present, each wrapped as its shape requires.
  return view as unknown as SiteIndex;
}

function recordingExamples(examples: ExampleStore, dependencies: DependencySet): ExampleStore {
  return new Proxy(examples, {
    get(target, property) {
      if (property === 'lookup') {
        return (file: string): ExampleLookup => {
          dependencies.examples.add(file);
          return target.lookup(file);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A read-only view of a table that notes each key asked for, and any listing as a whole read. */
class RecordingMap<K, V> implements Map<K, V> {
  constructor(
    private readonly target: Map<K, V>,
    private readonly table: TablePath,
    private readonly dependencies: DependencySet,
  ) {}

  get(key: K): V | undefined {
    this.dependencies.keys.add(DependencySet.keyOf(this.table, key));
    const value = this.target.get(key);
    if (value instanceof Map) {
      return new RecordingMap(value, `${this.table}${tableSeparator}${String(key)}`, this.dependencies) as unknown as V;
    }
    return value;
  }

  has(key: K): boolean {
    this.dependencies.presence.add(DependencySet.keyOf(this.table, key));
    return this.target.has(key);
  }

  get size(): number {
    this.whole();
    return this.target.size;
  }

  keys(): MapIterator<K> {
    this.whole();
    return this.target.keys();
  }

  values(): MapIterator<V> {
    this.whole();
    return this.target.values();
  }

  entries(): MapIterator<[K, V]> {
    this.whole();
    return this.target.entries();
  }

  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.whole();
    this.target.forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  set(): this {
    throw new Error('The site index is read-only while a page is checked or rendered');
  }

  delete(): boolean {
    throw new Error('The site index is read-only while a page is checked or rendered');
  }

  clear(): void {
    throw new Error('The site index is read-only while a page is checked or rendered');
  }

  private whole(): void {
    this.dependencies.wholeTables.add(this.table);
  }
}

class RecordingSet<T> implements Set<T> {
  constructor(
    private readonly target: Set<T>,
    private readonly table: TablePath,
    private readonly dependencies: DependencySet,
  ) {}

  has(value: T): boolean {
    this.dependencies.presence.add(DependencySet.keyOf(this.table, value));
    return this.target.has(value);
  }

  get size(): number {
    this.whole();
    return this.target.size;
  }

  keys(): SetIterator<T> {
    this.whole();
    return this.target.keys();
  }

  values(): SetIterator<T> {
    this.whole();
    return this.target.values();
  }

  entries(): SetIterator<[T, T]> {
    this.whole();
    return this.target.entries();
  }

  forEach(callback: (value: T, key: T, set: Set<T>) => void, thisArg?: unknown): void {
    this.whole();
    this.target.forEach((value) => callback.call(thisArg, value, value, this));
  }

  [Symbol.iterator](): SetIterator<T> {
    return this.values();
  }

  get [Symbol.toStringTag](): string {
    return 'Set';
  }

  add(): this {
    throw new Error('The site index is read-only while a page is checked or rendered');
  }

  delete(): boolean {
    throw new Error('The site index is read-only while a page is checked or rendered');
  }

  clear(): void {
    throw new Error('The site index is read-only while a page is checked or rendered');
  }

  private whole(): void {
    this.dependencies.wholeTables.add(this.table);
  }
}
