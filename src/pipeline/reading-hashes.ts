/**
 * What a page read of the rest of the site, as a list of dependencies each
 * with a hash of what it read: the record that lets a later build (or the
 * next update of a dev server) reuse the page's findings or output when
 * every dependency still hashes the same. The hashes come from the index
 * as it stands, computed once per dependency and index, and never need a
 * page's items read back: an entry hashes by its content hash and place in
 * its page, a definition by its text.
 */
import { hash } from 'node:crypto';
import fs from 'node:fs';
import { EntryStandIn } from '../index/facts-index.js';
import { entryContentHash, jsonWithoutPlaces } from '../index/page-facts.js';
import { titleOf } from '../index/page-titles.js';
import type { Located, SiteIndex } from '../index/site-index.js';
import type { ExampleStore } from '../load/examples.js';
import type { DescriptionDefinition, Entry, Navigation, NavigationLink, ParsedPage } from '../model/types.js';
import { DependencySet } from './dependencies.js';
import { tableOf } from './index-update.js';
import { readKey } from './key-readings.js';

/**
 * Findings depend on where things stand (a related definition's place), so
 * `check` hashes a value with its page's whole content; output never shows
 * other pages' places, so `render` hashes what a value says.
 */
export type ReadingMode = 'check' | 'render';

/** A dependency with the hash of what was read under it. */
export type HashedDependency = [dependency: string, hash: string];

/**
 * One string per dependency of a set: a key read (`k`), a key only asked
 * about (`p`), a table read whole (`w`), an example folder (`e`), the page
 * list (`L`), the folder tree (`T`).
 */
export function dependencyList(dependencies: DependencySet): string[] {
  const list: string[] = [];
  for (const key of dependencies.keys) list.push(`k${key}`);
  for (const key of dependencies.presence) if (!dependencies.keys.has(key)) list.push(`p${key}`);
  for (const table of dependencies.wholeTables) list.push(`w${table}`);
  for (const file of dependencies.examples) list.push(`e${file}`);
  if (dependencies.usesPageList) list.push('L');
  if (dependencies.usesFolderTree) list.push('T');
  return list.sort();
}

/** The dependency set a hashed list (`ReadingHashes.hashed`) was made from. */
export function dependencySetOf(hashed: readonly HashedDependency[]): DependencySet {
  const dependencies = new DependencySet();
  for (const [dependency] of hashed) {
    const rest = dependency.slice(1);
    switch (dependency[0]) {
      case 'k':
        dependencies.keys.add(rest);
        break;
      case 'p':
        dependencies.presence.add(rest);
        break;
      case 'w':
        dependencies.wholeTables.add(rest);
        break;
      case 'e':
        dependencies.examples.add(rest);
        break;
      case 'L':
        dependencies.usesPageList = true;
        break;
      case 'T':
        dependencies.usesFolderTree = true;
        break;
      default:
        throw new Error(`Unknown dependency \`${dependency}\``);
    }
  }
  return dependencies;
}

export interface ReadingSources {
  index: SiteIndex;
  examples: ExampleStore;
  /** The folder tree every sidebar without a navigation file shows. */
  tree: () => NavigationLink[];
}

/** The hashes of dependencies against one index, each computed once. */
export class ReadingHashes {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly sources: ReadingSources,
    private readonly mode: ReadingMode,
  ) {}

  hashed(dependencies: DependencySet): HashedDependency[] {
    return dependencyList(dependencies).map((dependency) => [dependency, this.of(dependency)]);
  }

  /** Whether every dependency still hashes as recorded. */
  unchanged(recorded: readonly HashedDependency[]): boolean {
    return recorded.every(([dependency, recordedHash]) => this.of(dependency) === recordedHash);
  }

  of(dependency: string): string {
    let found = this.known.get(dependency);
    if (found === undefined) {
      found = digest(this.reading(dependency));
      this.known.set(dependency, found);
    }
    return found;
  }

  private reading(dependency: string): string {
    const kind = dependency[0];
    const rest = dependency.slice(1);
    const { index } = this.sources;
    switch (kind) {
      case 'k': {
        const reading = readKey(index, rest);
        return reading.kind === 'value' ? this.value(reading.value) : reading.kind;
      }
      case 'p':
        return readKey(index, rest).kind === 'absent' ? 'absent' : 'present';
      case 'w': {
        // A table read whole was listed: its keys, and of each value what lookups see at once.
        const table = tableOf(index, rest);
        if (table instanceof Set) return [...table].join('\u0000');
        const parts: string[] = [];
        for (const [key, value] of table) parts.push(String(key), value instanceof Map ? 'table' : shallow(value));
        return parts.join('\u0000');
      }
      case 'e':
        return this.example(rest);
      case 'L':
        return index.pages.map((page) => `${page.relativePath}\u0001${page.kind}\u0001${page.url}\u0001${page.kind === 'page' ? titleOf(index, page.url) : ''}`).join('\u0000');
      case 'T':
        return jsonWithoutPlaces(this.sources.tree());
      default:
        throw new Error(`Unknown dependency \`${dependency}\``);
    }
  }

  /** An example folder as a page reads it: where it is and, for each file, its language, path and bytes. */
  private example(file: string): string {
    const found = this.sources.examples.lookup(file);
    if (found.kind !== 'found') return `${found.kind}\u0001${'url' in found ? found.url : ''}`;
    const parts = [found.folder];
    for (const [language, absolute] of found.files) {
      let bytes: Buffer | string;
      try {
        bytes = fs.readFileSync(absolute);
      } catch {
        bytes = 'unreadable';
      }
      parts.push(language, absolute, hash('sha1', bytes, 'base64'));
    }
    return parts.join('\u0000');
  }

  /** A value of the index: a list of located values, one located value, or a page. */
  private value(value: unknown): string {
    if (typeof value !== 'object' || value === null) return JSON.stringify(value);
    if (Array.isArray(value)) return value.map((item) => this.value(item)).join('\u0000');
    if (isPage(value)) return `page\u0001${value.relativePath}\u0001${value.hash}`;
    const located = value as Located<unknown>;
    const page = located.page;
    if (this.mode === 'check') return `${page.relativePath}\u0001${page.hash}\u0001${identity(located.value)}`;
    if (isEntry(located.value)) return `entry\u0001${page.relativePath}\u0001${contentHash(located.value)}`;
    if (isDefinition(located.value)) {
      const { keyPath, markdown, isMap } = located.value;
      return `description\u0001${page.relativePath}\u0001${keyPath}\u0001${isMap}\u0001${markdown ?? '\u0002'}`;
    }
    return `${page.relativePath}\u0001${jsonWithoutPlaces(located.value as Navigation)}`;
  }
}

function digest(text: string): string {
  return hash('sha1', text, 'base64').slice(0, 22);
}

function contentHash(entry: Entry): string {
  return entry instanceof EntryStandIn ? entry.contentHash : entryContentHash(entry);
}

/** What tells one located value from the others of its page. */
function identity(value: unknown): string {
  if (isEntry(value)) return `${value.language}\u0001${value.key}`;
  if (isDefinition(value)) return value.keyPath;
  return '';
}

function isPage(value: unknown): value is ParsedPage {
  return typeof value === 'object' && value !== null && 'relativePath' in value && 'hash' in value;
}

function isEntry(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && 'language' in value && 'key' in value;
}

function isDefinition(value: unknown): value is DescriptionDefinition {
  return typeof value === 'object' && value !== null && 'keyPath' in value && 'isMap' in value;
}

/** A value of a table listed whole, as a listing sees it: pages by content, entries by their facts, definitions by their text. */
function shallow(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return value.map(shallow).join('\u0001');
  if (isPage(value)) return `${value.relativePath}\u0002${value.hash}`;
  const located = value as Located<unknown>;
  const item = located.value;
  if (isEntry(item)) {
    const { language, key, id, url, title, type, patternBefore } = item;
    return JSON.stringify([located.page.relativePath, language, key, id, url, title, type, patternBefore]);
  }
  if (isDefinition(item)) return JSON.stringify([located.page.relativePath, item.keyPath, item.markdown, item.isMap]);
  return `${located.page.relativePath}\u0002${jsonWithoutPlaces(item)}`;
}


