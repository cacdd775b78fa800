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

export function buildSiteIndex(pages: ParsedPage[]): SiteIndex {
  const index: SiteIndex = {
    pages,
    pagesByUrl: new Map(),
    descriptions: new Map(),
    entriesByKey: new Map(),
    entriesById: new Map(),
    referencedKeyPaths: new Set(),
    navigation: new Map(),
    titles: new Map(),
  };
  for (const page of pages) {
    if (page.kind === 'page') index.pagesByUrl.set(page.url, page);
    if (page.navigation) index.navigation.set(path.dirname(page.relativePath).replace(/^\.$/, ''), { value: page.navigation, page });
    for (const definition of page.descriptions) {
      push(index.descriptions, definition.keyPath, { value: definition, page });
    }
    for (const [language, entries] of Object.entries(page.reference)) {
      let byKey = index.entriesByKey.get(language);
      if (!byKey) index.entriesByKey.set(language, (byKey = new Map()));
      for (const entry of entries) {
        push(byKey, entry.key, { value: entry, page });
        if (entry.id !== null) push(index.entriesById, entry.id, { value: entry, page });
        forEachDescription(entry, (description) => {
          if (description.kind === 'reference') index.referencedKeyPaths.add(description.keyPath);
        });
      }
    }
  }
  // Last: a title may come from any navigation file.
  index.titles = pageTitles(index.pagesByUrl, index.navigation);
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
