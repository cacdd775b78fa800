/**
 * What a page's own text names of the rest of the site, found without
 * checking it: kept with the page's facts, it tells which pages a change
 * may concern (see `StatedReadings`).
 */
import type { ParsedPage } from '../model/types.js';
import { forEachDescription, forEachItem } from '../model/walk.js';
import { rootRelativePath } from './link-paths.js';
import { exampleFolder } from './site-index.js';

/** What a page's own text reads: `table\u0000key` of each table and key it names, each once; the site paths its links name; whether its blocks show entries. */
export interface StatedReads {
  reads: string[];
  /** Root-relative paths, as written: they name pages under the site's base path too. */
  paths: string[];
  showsEntries: boolean;
}

/** What a page's own text names of the rest of the site (see `StatedReadings`). */
export function statedReads(page: ParsedPage): StatedReads {
  const reads = new Set<string>();
  const paths = new Set<string>();
  const read = (table: string, key: string) => reads.add(`${table}\u0000${key}`);
  const readPath = (url: string) => {
    const target = rootRelativePath(url);
    if (target !== null) paths.add(target);
  };
  // `a.b.c` reads `a`, `a.b` and `a.b.c`: a reference into a map reads the map too.
  const readKeyPath = (keyPath: string) => {
    const path = keyPath.endsWith('.self') ? keyPath.slice(0, -'.self'.length) : keyPath;
    for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) read('descriptions', path.slice(0, dot));
    read('descriptions', path);
  };
  for (const [language, entries] of Object.entries(page.reference)) {
    for (const entry of entries) {
      if (entry.id !== null) read('entriesById', entry.id);
      if (entry.url !== null) readPath(entry.url);
      forEachDescription(entry, (description) => {
        if (description.kind === 'reference') readKeyPath(description.keyPath);
      });
      forEachItem(entry, (item) => {
        if (item.kind === 'item-reference' && item.path[0] !== undefined) read(`entriesByKey/${language}`, item.path[0]);
      });
    }
  }
  for (const definition of page.descriptions) {
    readKeyPath(definition.keyPath);
    read('referencedKeyPaths', definition.keyPath);
  }
  for (const link of page.links) readPath(link.url);
  const navigationLinks = [...(page.navigation?.links ?? [])];
  for (const link of navigationLinks) {
    readPath(link.url);
    navigationLinks.push(...link.links);
  }
  let showsEntries = false;
  for (const component of page.components) {
    const referenceId = component.attributes.referenceId?.value;
    if (referenceId !== undefined) showsEntries = true;
    if (typeof referenceId === 'string') read('entriesById', referenceId);
    const file = component.attributes.file?.value;
    if (typeof file === 'string') read('exampleFolders', exampleFolder(file));
  }
  const folders = page.relativePath.split('/').slice(0, -1);
  for (let length = 0; length <= folders.length; length++) read('navigation', folders.slice(0, length).join('/'));
  return { reads: [...reads], paths: [...paths], showsEntries };
}
