import path from 'node:path/posix';
import type { DescriptionDefinition, Entry, Navigation, NavigationLink, ParsedPage } from '../model/types.js';
import { forEachDescription } from '../model/walk.js';
import { pageTitles } from './page-titles.js';
import { rootRelativePath } from './link-paths.js';

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
  /** Every path a `_navigation.mdx` links to (`/reference/x`, as written: base path, no query or fragment). */
  navigationTargets: Set<string>;
  /** Example folder, as `exampleFolder` names it → the pages whose `CodeBlock` or `CodeBlockTab` names it, with the `file` as written. */
  exampleFolders: Map<string, Array<Located<string>>>;
}

/** What the index takes of one page: the page itself (or a stand-in that reads it on demand) and what it defines. */
export interface IndexedPage {
  page: ParsedPage;
  descriptions: readonly DescriptionDefinition[];
  /** By language, in the order the page writes them. */
  reference: Iterable<readonly [language: string, entries: readonly Entry[]]>;
  referencedKeyPaths: Iterable<string>;
  /** The `file` of each `CodeBlock` and `CodeBlockTab`, as written. */
  exampleFiles: Iterable<string>;
}

/** The index of pages held whole in memory. */
export function buildSiteIndex(pages: ParsedPage[]): SiteIndex {
  return indexPages(pages.map(indexedPage));
}

export function indexedPage(page: ParsedPage): IndexedPage {
  // A stand-in of an index built from facts gives its share from its facts, without reading the page.
  if ('indexed' in page && typeof page.indexed === 'function') return (page.indexed as () => IndexedPage)();
  return { page, descriptions: page.descriptions, reference: Object.entries(page.reference), referencedKeyPaths: referencedKeyPaths(page), exampleFiles: exampleFiles(page) };
}

/** The example folders a page's blocks name, as written. */
export function exampleFiles(page: Pick<ParsedPage, 'components'>): string[] {
  const files: string[] = [];
  for (const component of page.components) {
    const file = component.attributes.file?.value;
    if ((component.name === 'CodeBlock' || component.name === 'CodeBlockTab') && typeof file === 'string') files.push(file);
  }
  return files;
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
    navigationTargets: new Set(),
    exampleFolders: new Map(),
  };
  for (const { page, descriptions, reference, referencedKeyPaths, exampleFiles } of indexed) {
    index.pages.push(page);
    if (page.kind === 'page') index.pagesByUrl.set(page.url, page);
    if (page.navigation) {
      index.navigation.set(navigationFolder(page), { value: page.navigation, page });
      addTargets(page.navigation.links, index.navigationTargets);
    }
    for (const file of exampleFiles) push(index.exampleFolders, exampleFolder(file), { value: file, page });
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

/** A `file` attribute as one folder however it is written: `widget`, `./widget/` and `widget//` are one. */
export function exampleFolder(file: string): string {
  return path.normalize(file).replace(/\/+$/, '');
}

function addTargets(links: NavigationLink[], into: Set<string>): void {
  for (const link of links) {
    const target = rootRelativePath(link.url);
    if (target !== null) into.add(target);
    addTargets(link.links, into);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
