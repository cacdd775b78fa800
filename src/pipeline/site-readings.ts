/**
 * Which pages read which facts of the site (description key paths, entries
 * by key and by id, page URLs and anchors, navigation files): what finds,
 * for a change, the pages outside it whose findings it may alter.
 *
 * Behind one interface so that the readings can be kept anywhere: a file
 * of cross-page facts written by the last run can stand in for those here,
 * so that judging a one-page change does not grow with the site.
 */
import { checkPage, type Finding } from '../check/run-checks.js';
import { normalizePath, rootRelativePath } from '../index/link-paths.js';
import { buildSiteIndex, exampleFolder } from '../index/site-index.js';
import type { Site } from '../model/site.js';
import type { ParsedPage } from '../model/types.js';
import { forEachDescription, forEachItem } from '../model/walk.js';
import { DependencyReaders, type ChangedReads } from './dependency-readers.js';
import { DependencySet, recordingSite } from './dependencies.js';
import { forEachKeyOf } from './index-update.js';

export interface SiteReadings {
  /** The pages whose checks read something `changed` names. */
  readersOf(changed: ChangedReads): Set<ParsedPage>;
  /** What checking the page against this site found, when the readings know it already. */
  findingsOf(page: ParsedPage): Finding[] | undefined;
}

/**
 * The readings of every page of `site`, recorded by checking each once
 * through a recording view of the site, as the dev server does: exact, and
 * as costly as a whole check.
 */
export class RecordedReadings implements SiteReadings {
  private readonly readers = new DependencyReaders<ParsedPage>();
  private readonly findings = new Map<ParsedPage, Finding[]>();

  constructor(site: Site) {
    for (const page of site.index.pages) {
      const dependencies = new DependencySet();
      this.findings.set(page, checkPage(page, recordingSite(site, dependencies)));
      this.readers.set(page, dependencies);
    }
  }

  readersOf(changed: ChangedReads): Set<ParsedPage> {
    return this.readers.readersOf(changed);
  }

  findingsOf(page: ParsedPage): Finding[] | undefined {
    return this.findings.get(page);
  }
}

/**
 * The readings of every page as its own text states them, found in one pass
 * over the pages without checking any: the description key paths it
 * references (and the maps above them), the entries its item references
 * and `CodeBlock`s name, the ids of its entries, the pages its links name,
 * its own keys, URL, folder and example folders. What a check reads beyond
 * them, it reads through the pages they name: a page is also taken as a
 * reader of a change when it reads an entry, or the anchors, of a page
 * reading the change (a link to a page whose block shows a changed entry, say). Suggestions,
 * which read whole tables, are not readings here.
 */
export class StatedReadings implements SiteReadings {
  private readonly readers = new Map<string, ParsedPage[]>();

  constructor(site: Site) {
    for (const page of site.index.pages) {
      for (const key of statedReads(page, site.config.basePath)) {
        const list = this.readers.get(key);
        if (list) list.push(page);
        else this.readers.set(key, [page]);
      }
    }
  }

  readersOf(changed: ChangedReads): Set<ParsedPage> {
    const direct = new Set<ParsedPage>();
    for (const key of [...changed.keys, ...changed.presence]) for (const page of this.readers.get(key) ?? []) direct.add(page);
    const readers = new Set(direct);
    for (const page of direct) {
      const showsEntries = page.components.some((component) => component.attributes.referenceId !== undefined);
      forEachKeyOf(buildSiteIndex([page]), (path, key) => {
        if (!readThrough(path, showsEntries)) return;
        for (const reader of this.readers.get(DependencySet.keyOf(path, key)) ?? []) readers.add(reader);
      });
    }
    return readers;
  }

  findingsOf(): undefined {
    return undefined;
  }
}

/**
 * Whether reading what a page gives under a table reads on into what that
 * page reads: an entry's item references lead to other entries, and a
 * page's anchors are those of the entries its blocks show. Descriptions,
 * navigation links and the rest are what the page wrote, whatever it reads.
 */
function readThrough(path: string, showsEntries: boolean): boolean {
  return path === 'entriesById' || path.startsWith('entriesByKey/') || (path === 'pagesByUrl' && showsEntries);
}

/** The dependency keys (`DependencySet.keyOf`) a page's own text names. */
function statedReads(page: ParsedPage, basePath: string): Set<string> {
  const keys = new Set<string>();
  const read = (table: string, key: string) => keys.add(DependencySet.keyOf(table, key));
  const readPath = (url: string) => {
    const target = rootRelativePath(url);
    if (target === null) return;
    read('pagesByUrl', target);
    if (basePath !== '/' && `${target}/`.startsWith(basePath)) read('pagesByUrl', normalizePath(`/${target.slice(basePath.length)}`));
  };
  const readKeyPath = (keyPath: string) => {
    const segments = keyPath.replace(/\.self$/, '').split('.');
    for (let length = 1; length <= segments.length; length++) read('descriptions', segments.slice(0, length).join('.'));
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
  for (const component of page.components) {
    const referenceId = component.attributes.referenceId?.value;
    if (typeof referenceId === 'string') read('entriesById', referenceId);
    const file = component.attributes.file?.value;
    if (typeof file === 'string') read('exampleFolders', exampleFolder(file));
  }
  read('navigationTargets', page.url);
  if (basePath !== '/') read('navigationTargets', normalizePath(`${basePath}${page.url.slice(1)}`));
  const folders = page.relativePath.split('/').slice(0, -1);
  for (let length = 0; length <= folders.length; length++) read('navigation', folders.slice(0, length).join('/'));
  return keys;
}
