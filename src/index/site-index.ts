import path from 'node:path/posix';
import type { DescriptionDefinition, Entry, Navigation, ParsedPage } from '../model/types.js';
import { forEachDescription } from '../model/walk.js';
import { pageTitles } from './page-titles.js';

export interface Located<T> {
  value: T;
  page: ParsedPage;
}

/** The site-wide lookup tables every later stage reads; built once, linear in the pages. */
export interface SiteIndex {
  pages: ParsedPage[];
  pagesByUrl: Map<string, ParsedPage>;
  /** Every definition of each key path, in page order. */
  descriptions: Map<string, Array<Located<DescriptionDefinition>>>;
  /** language → entry key → entries with that key. */
  entriesByKey: Map<string, Map<string, Array<Located<Entry>>>>;
  entriesById: Map<string, Array<Located<Entry>>>;
  /** Key paths named by some description reference anywhere in the site. */
  referencedKeyPaths: Set<string>;
  /** Folder (`reference/directory-sync`, `` for the root) → its `_navigation.mdx`. */
  navigation: Map<string, Located<Navigation>>;
  /** Page URL → its title (`pageTitle`), in the order of `pagesByUrl`. */
  titles: Map<string, string>;
}

/** What the index takes of one page: the page itself (or a stand-in that reads it on demand) and what it defines. */
export interface IndexedPage {
  page: ParsedPage;
  descriptions: readonly DescriptionDefinition[];
  /** By language, in the order the page writes them. */
  reference: Iterable<readonly [language: string, entries: readonly Entry[]]>;
  referencedKeyPaths: Iterable<string>;
}

/** The index of pages held whole in memory. */
export function buildSiteIndex(pages: ParsedPage[]): SiteIndex {
  return indexPages(pages.map(indexedPage));
}

export function indexedPage(page: ParsedPage): IndexedPage {
  return { page, descriptions: page.descriptions, reference: Object.entries(page.reference), referencedKeyPaths: referencedKeyPaths(page) };
}

/** Every key path a page's description references name, in order, each once. */
export function referencedKeyPaths(page: ParsedPage): string[] {
  const referenced = new Set<string>();
  for (const entries of Object.values(page.reference)) {
    for (const entry of entries) {
      forEachDescription(entry, (description) => {
        if (description.kind === 'reference') referenced.add(description.keyPath);
      });
    }
  }
  return [...referenced];
}

/** The tables of the index, from each page in page order. */
export function indexPages(indexed: Iterable<IndexedPage>): SiteIndex {
  const index: SiteIndex = {
    pages: [],
    pagesByUrl: new Map(),
    descriptions: new Map(),
    entriesByKey: new Map(),
    entriesById: new Map(),
    referencedKeyPaths: new Set(),
    navigation: new Map(),
    titles: new Map(),
  };
  for (const { page, descriptions, reference, referencedKeyPaths } of indexed) {
    index.pages.push(page);
    if (page.kind === 'page') index.pagesByUrl.set(page.url, page);
    if (page.navigation) index.navigation.set(navigationFolder(page), { value: page.navigation, page });
    for (const definition of descriptions) {
      push(index.descriptions, definition.keyPath, { value: definition, page });
    }
    for (const [language, entries] of reference) {
      let byKey = index.entriesByKey.get(language);
      if (!byKey) index.entriesByKey.set(language, (byKey = new Map()));
      for (const entry of entries) {
        push(byKey, entry.key, { value: entry, page });
        if (entry.id !== null) push(index.entriesById, entry.id, { value: entry, page });
      }
    }
    for (const keyPath of referencedKeyPaths) index.referencedKeyPaths.add(keyPath);
  }
  // Last: a title may come from any navigation file.
  index.titles = pageTitles(index.pagesByUrl, index.navigation);
  return index;
}

/** The folder a navigation file gives the sidebar of: `` for the root. */
export function navigationFolder(page: Pick<ParsedPage, 'relativePath'>): string {
  return path.dirname(page.relativePath).replace(/^\.$/, '');
}

/** Whether two pages are the same source: the index may hold a stand-in for the page being checked or rendered. */
export function samePage(a: Pick<ParsedPage, 'file'>, b: Pick<ParsedPage, 'file'>): boolean {
  return a === b || a.file === b.file;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
