/**
 * What a change (a commit's pages, or the files given to `check`) does to
 * the pages outside it. Such a page reads differently after the change only
 * where it reads a fact the change alters: a description key path, an
 * entry, a page URL or its anchors, a navigation link. So the change is
 * compared with what came before key by key, the pages that read an altered
 * key are found through the site's readings, and each of those is checked
 * against both versions of the site: what it finds after and not before is
 * what the change caused.
 */
import { baselineMessage } from '../check/baseline.js';
import { withCause } from '../check/causes.js';
import { checkPage, type Finding } from '../check/run-checks.js';
import { buildSiteIndex } from '../index/site-index.js';
import { compareStrings } from '../load/find-sources.js';
import type { Site } from '../model/site.js';
import type { ParsedPage } from '../model/types.js';
import type { FileFindings } from '../report/to-vfiles.js';
import { DependencySet } from './dependencies.js';
import { forEachKeyOf } from './index-update.js';
import { presenceChanged, readingChange, readKey } from './key-readings.js';
import type { SiteReadings } from './site-readings.js';

export interface SourceChange {
  /** The source before the change; null when the change adds it. */
  before: ParsedPage | null;
  /** The source after it, a page of the site; null when the change removes it. */
  after: ParsedPage | null;
  /** The change as a finding it caused names it: `the deletion of content/x.mdx`. */
  description: string;
}

export interface ImpactOptions {
  /** Words before the changes a finding names: `broken by` (the deletion of …). */
  causeWords: string;
}

/**
 * The findings the changes cause on the pages of `site` (the site after
 * them) outside the changes, each page in page order with only those
 * findings, marked with the changes that caused them.
 */
export function findingsCausedBy(site: Site, changes: SourceChange[], readings: () => SiteReadings, options: ImpactOptions): FileFindings[] {
  if (changes.length === 0) return [];
  const beforeSite: Site = { ...site, index: buildSiteIndex(pagesBefore(site.index.pages, changes)) };
  const changedFiles = new Set(changes.flatMap((change) => [change.before?.file, change.after?.file]));
  const causes = new Map<ParsedPage, SourceChange[]>();
  let siteReadings: SiteReadings | null = null;
  for (const change of changes) {
    const altered = alteredReads(change, beforeSite, site);
    if (altered.keys.size === 0 && !altered.pages) continue;
    siteReadings ??= readings();
    for (const reader of siteReadings.readersOf({ ...altered, examples: new Set(), folderTree: false })) {
      if (changedFiles.has(reader.file)) continue;
      const list = causes.get(reader);
      if (list) list.push(change);
      else causes.set(reader, [change]);
    }
  }
  const results: FileFindings[] = [];
  for (const [page, pageCauses] of [...causes].sort(([a], [b]) => compareStrings(a.relativePath, b.relativePath))) {
    const after = siteReadings!.findingsOf(page) ?? checkPage(page, site);
    const before = checkPage(page, beforeSite);
    const caused = after.filter((finding) => !before.some((earlier) => sameFinding(earlier, finding)));
    if (caused.length === 0) continue;
    const cause = `${options.causeWords} ${pageCauses.map((change) => change.description).join(' and ')}`;
    results.push({ file: page.file, findings: caused.map((finding) => ({ ...finding, message: withCause(finding.message, cause) })), causedOnly: true });
  }
  return results;
}

/** The site's sources as they were: those the changes touched in their earlier versions, in path order. */
function pagesBefore(pages: ParsedPage[], changes: SourceChange[]): ParsedPage[] {
  const replaced = new Set(changes.flatMap((change) => (change.after ? [change.after] : [])));
  const earlier = changes.flatMap((change) => (change.before ? [change.before] : []));
  return [...pages.filter((page) => !replaced.has(page)), ...earlier].sort((a, b) => compareStrings(a.relativePath, b.relativePath));
}

/** The keys a change gives or takes away that read differently after it, and whether it changes the page list. */
function alteredReads(change: SourceChange, beforeSite: Site, afterSite: Site): { keys: Set<string>; presence: Set<string>; pages: boolean } {
  const keys = new Set<string>();
  const presence = new Set<string>();
  const touched = new Set<string>();
  for (const page of [change.before, change.after]) {
    if (page) forEachKeyOf(buildSiteIndex([page]), (path, key) => touched.add(DependencySet.keyOf(path, key)));
  }
  for (const key of touched) {
    const before = readKey(beforeSite.index, key);
    const after = readKey(afterSite.index, key);
    if (readingChange(before, after) !== 'none') keys.add(key);
    if (presenceChanged(before, after)) presence.add(key);
  }
  const { before, after } = change;
  const pages = !before || !after || before.url !== after.url || before.kind !== after.kind;
  return { keys, presence, pages };
}

/** The same problem before and after: by rule, place and message, suggestions (which change with keys anywhere) left out. */
function sameFinding(a: Finding, b: Finding): boolean {
  const p = a.place;
  const q = b.place;
  if (a.ruleId !== b.ruleId || p.line !== q.line || p.column !== q.column || p.endLine !== q.endLine || p.endColumn !== q.endColumn) return false;
  return baselineMessage(a.message) === baselineMessage(b.message);
}
