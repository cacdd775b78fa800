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
import { normalizePath } from '../index/link-paths.js';
import { statedReads, type StatedReads } from '../index/stated-reads.js';
import { buildSiteIndex } from '../index/site-index.js';
import type { Site } from '../model/site.js';
import type { ParsedPage } from '../model/types.js';
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
  /** Table → key → the pages whose text reads it, in page order. */
  private readonly readers = new Map<string, Map<string, ParsedPage[]>>();

  constructor(private readonly site: Site) {
    const { basePath } = site.config;
    for (const page of site.index.pages) {
      const { reads, paths } = statedReadsOf(page);
      const read = (table: string, key: string): void => {
        let byKey = this.readers.get(table);
        if (!byKey) this.readers.set(table, (byKey = new Map()));
        const list = byKey.get(key);
        if (!list) byKey.set(key, [page]);
        else if (list.at(-1) !== page) list.push(page);
      };
      for (const encoded of reads) {
        const separator = encoded.indexOf('\u0000');
        read(encoded.slice(0, separator), encoded.slice(separator + 1));
      }
      for (const target of paths) {
        read('pagesByUrl', target);
        if (basePath !== '/' && `${target}/`.startsWith(basePath)) read('pagesByUrl', normalizePath(`/${target.slice(basePath.length)}`));
      }
      read('navigationTargets', page.url);
      if (basePath !== '/') read('navigationTargets', normalizePath(`${basePath}${page.url.slice(1)}`));
    }
  }

  readersOf(changed: ChangedReads): Set<ParsedPage> {
    const direct = new Set<ParsedPage>();
    for (const dependency of [...changed.keys, ...changed.presence]) {
      const separator = dependency.indexOf('\u0000');
      for (const page of this.readersOfKey(dependency.slice(0, separator), dependency.slice(separator + 1))) direct.add(page);
    }
    const readers = new Set(direct);
    for (const page of direct) {
      const showsEntries = statedReadsOf(page).showsEntries;
      forEachKeyOf(buildSiteIndex([page]), (path, key) => {
        if (!readThrough(path, showsEntries)) return;
        for (const reader of this.readersOfKey(path, String(key))) readers.add(reader);
      });
    }
    return readers;
  }

  private readersOfKey(table: string, key: string): readonly ParsedPage[] {
    return this.readers.get(table)?.get(key) ?? [];
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

/** A page's stated reads: from its facts when the index holds a stand-in for it, else from the page. */
function statedReadsOf(page: ParsedPage): StatedReads {
  return 'facts' in page ? (page.facts as { statedReads: StatedReads }).statedReads : statedReads(page);
}

