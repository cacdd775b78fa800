/**
 * Cross-language parity: the properties of entries that share an `id`,
 * matched across languages by their description key path. One computation
 * serves the `parity-gap` rule, `polyref parity` and the site's coverage page.
 *
 * A difference is a gap only against what most languages do: a key path is
 * expected of every language with the entry when more than
 * `parity.minShare` of them document it, and an entry of every configured
 * language when more than that share of them have one. A key path only a
 * few languages document (a language's own context argument) is shown, not
 * held against the others; nor is a key path against a language whose row
 * at the same place says it otherwise (a variant spelled differently).
 */
import type { ParityIgnore } from '../config/config.js';
import type { Located } from '../index/site-index.js';
import type { Entry } from '../model/types.js';
import type { Site } from '../model/site.js';
import { closest } from '../resolve/suggest.js';
import { languageRows, type LanguageRows } from './parity-rows.js';

/**
 * `documented`: some row shows the key path; `variant`: the row the others
 * describe with it is there, described otherwise (`state.titlecase` where
 * most have `state.lowercase`, or literal markdown); `missing`: no such row,
 * though most of the languages have one (a gap); `exempt`: missing, by
 * `parity.ignore`; `absent`: missing, as in most languages (not a gap);
 * `no-entry`: the language has no entry with this id.
 */
export type ParityCell = 'documented' | 'variant' | 'missing' | 'exempt' | 'absent' | 'no-entry';

export interface ParityRow {
  keyPath: string;
  /** More than `parity.minShare` of the languages with the entry document it (exempt ones aside): it is expected of each. */
  shared: boolean;
  /** By language id, for every configured language. */
  cells: Record<string, ParityCell>;
}

export interface ParityEntry {
  id: string;
  /** The first entry with this id in each language that has one, in the configured order. */
  entries: Array<Located<Entry>>;
  /** Configured languages without an entry with this id, when more than `parity.minShare` of the languages have one; else none. */
  missingLanguages: string[];
  rows: ParityRow[];
  /**
   * By language: missing key paths that a problem of the row itself explains,
   * reported where it stands (a description that does not resolve, or none):
   * not gaps to report again.
   */
  explained: Record<string, string[]>;
}

export interface LanguageCoverage {
  language: string;
  label: string;
  /** Key paths of shared rows the language documents (as variants too), and those it misses. */
  documented: number;
  missing: number;
  /** Key paths it lacks by `parity.ignore`. */
  exempt: number;
  /** Key paths the language documents that most languages with the entry do not. */
  unshared: number;
  /** Entries with an `id` that most configured languages have and this one lacks. */
  missingEntries: number;
  /** `documented / (documented + missing)`, or null when nothing is expected of the language. */
  ratio: number | null;
}

export interface ParityMatrix {
  languages: Array<{ id: string; label: string }>;
  /** Entries whose properties carry at least one description key path, by `id`. */
  entries: ParityEntry[];
  coverage: LanguageCoverage[];
}

/** Where the build writes the coverage page, unless a page of the content has that URL. */
export const coverageUrl = '/coverage';

const cache = new WeakMap<Site, Map<string, ParityEntry>>();

/**
 * The parity of one `id`, computed once per site object: what the rule needs
 * for one page. (An incremental update checks each page against a fresh view
 * of the site, so nothing cached here outlives the index it was read from.)
 */
export function parityOf(site: Site, id: string): ParityEntry {
  let byId = cache.get(site);
  if (!byId) cache.set(site, (byId = new Map()));
  let parity = byId.get(id);
  if (!parity) byId.set(id, (parity = computeParity(site, id)));
  return parity;
}

/**
 * The whole matrix: every `id` with key paths, sorted, and a coverage figure
 * per language. Always computed afresh, since a long-lived site (an
 * incremental build) renders it again after its index changed in place.
 */
export function parityMatrix(site: Site): ParityMatrix {
  const ids = [...site.index.entriesById.keys()].sort(compare);
  const entries = ids.map((id) => computeParity(site, id)).filter(inMatrix);
  return { languages: site.config.languages.map(({ id, label }) => ({ id, label })), entries, coverage: languageCoverage(entries, site.config.languages) };
}

/** Whether an id's parity says anything: rows to compare, or languages without the entry. */
export function inMatrix(entry: Pick<ParityEntry, 'rows' | 'missingLanguages'>): boolean {
  return entry.rows.length > 0 || entry.missingLanguages.length > 0;
}

/** The coverage figure of each language over the entries of the matrix. */
export function languageCoverage(entries: ReadonlyArray<Pick<ParityEntry, 'rows' | 'missingLanguages'>>, languages: ReadonlyArray<{ id: string; label: string }>): LanguageCoverage[] {
  return languages.map((language): LanguageCoverage => {
    const counts = { documented: 0, missing: 0, exempt: 0, unshared: 0, missingEntries: 0 };
    for (const entry of entries) {
      if (entry.missingLanguages.includes(language.id)) counts.missingEntries += 1;
      for (const row of entry.rows) {
        const cell = row.cells[language.id];
        if (cell === 'exempt') counts.exempt += 1;
        else if (!row.shared && cell === 'documented') counts.unshared += 1;
        else if (row.shared && (cell === 'documented' || cell === 'variant')) counts.documented += 1;
        else if (row.shared && cell === 'missing') counts.missing += 1;
      }
    }
    const expected = counts.documented + counts.missing;
    return { language: language.id, label: language.label, ...counts, ratio: expected === 0 ? null : counts.documented / expected };
  });
}

/** `Python`, `Python and Go`, `cURL, Python and Go`: the languages a gap names, in display order. */
export function inWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The labels of language ids, in the matrix's (display) order. */
export function languageLabels(ids: readonly string[], languages: ParityMatrix['languages']): string[] {
  return languages.filter((language) => ids.includes(language.id)).map((language) => language.label);
}

/** `97.5%`, rounded down so that only a complete language shows `100.0%`; `n/a` when nothing is expected of it. */
export function coveragePercent(coverage: Pick<LanguageCoverage, 'ratio'>): string {
  return coverage.ratio === null ? 'n/a' : `${(Math.floor(coverage.ratio * 1000) / 10).toFixed(1)}%`;
}

function computeParity(site: Site, id: string): ParityEntry {
  const { languages, parity } = site.config;
  const located = site.index.entriesById.get(id) ?? [];
  const rowsByLanguage = new Map<string, LanguageRows>();
  const entries: Array<Located<Entry>> = [];
  const order: string[] = [];
  /** Key path → the places of the rows it describes, in any language. */
  const placesOf = new Map<string, Set<string>>();
  for (const language of languages) {
    const ofLanguage = located.filter((candidate) => candidate.value.language === language.id);
    if (ofLanguage.length === 0) continue;
    entries.push(ofLanguage[0]!);
    const rows = languageRows(ofLanguage, site);
    rowsByLanguage.set(language.id, rows);
    for (const keyPath of rows.keyPaths) {
      if (placesOf.has(keyPath)) continue;
      placesOf.set(keyPath, new Set());
      order.push(keyPath);
    }
    for (const [place, described] of rows.byPlace) {
      for (const row of described) if (row.kind === 'resolved') placesOf.get(row.keyPath)!.add(place);
    }
  }
  const ignores = parity.ignore.filter((ignore) => 'keyPath' in ignore).map(compileIgnore);
  const isExempt = (keyPath: string, language: string) => ignores.some((ignore) => ignore(keyPath, language));
  const explained: Record<string, string[]> = {};
  const rows = order.map((keyPath): ParityRow => {
    // Exempt languages neither count for the key path nor against it.
    let documented = 0;
    let expected = 0;
    for (const [language, rows] of rowsByLanguage) {
      if (rows.keyPaths.has(keyPath)) documented += 1;
      if (rows.keyPaths.has(keyPath) || !isExempt(keyPath, language)) expected += 1;
    }
    const shared = documented / expected > parity.minShare;
    const cells: Record<string, ParityCell> = {};
    for (const language of languages) {
      const rows = rowsByLanguage.get(language.id);
      if (!rows) cells[language.id] = 'no-entry';
      else if (rows.keyPaths.has(keyPath)) cells[language.id] = 'documented';
      else if (isExempt(keyPath, language.id)) cells[language.id] = 'exempt';
      else {
        // The row is there, at the place others have it, described otherwise: a variant, or a problem reported where it stands.
        const there = [...placesOf.get(keyPath)!].flatMap((place) => rows.byPlace.get(place) ?? []);
        const described = there.some((row) => row.kind === 'resolved' || row.kind === 'literal');
        cells[language.id] = described ? 'variant' : shared ? 'missing' : 'absent';
        if (!described && shared && there.length > 0) (explained[language.id] ??= []).push(keyPath);
      }
    }
    return { keyPath, shared, cells };
  });
  for (const [language, languageRowsOf] of rowsByLanguage) {
    const missing = rows.filter((row) => row.cells[language] === 'missing' && !explained[language]?.includes(row.keyPath)).map((row) => row.keyPath);
    for (const keyPath of meantByUnresolved(unresolvedKeyPaths(languageRowsOf), missing)) (explained[language] ??= []).push(keyPath);
  }
  return { id, entries, missingLanguages: missingLanguagesOf(id, entries.length, rowsByLanguage, site), rows, explained };
}

/** The languages without an entry of `id`, when more than `minShare` of those not exempt from it (`parity.ignore` by `id`) have one. */
function missingLanguagesOf(id: string, present: number, rowsByLanguage: ReadonlyMap<string, LanguageRows>, site: Site): string[] {
  const { languages, parity } = site.config;
  const ignores = parity.ignore.filter((ignore) => 'id' in ignore).map(compileIgnore);
  const lacking = languages.filter((language) => !rowsByLanguage.has(language.id) && !ignores.some((ignore) => ignore(id, language.id)));
  const expected = present + lacking.length;
  return expected > 0 && present / expected > parity.minShare ? lacking.map((language) => language.id) : [];
}

function unresolvedKeyPaths(rows: LanguageRows): string[] {
  return [...rows.byPlace.values()].flat().flatMap((row) => (row.kind === 'unresolved' ? [row.keyPath] : []));
}

/**
 * The missing key paths that a language's unresolved description references
 * probably stand for, when they stand elsewhere than the rows of the other
 * languages: the missing key paths nearest to each by spelling, else those
 * under the same parent (`widget.org` for `widget.organization_id`).
 */
function meantByUnresolved(unresolved: string[], missing: string[]): Set<string> {
  const meant = new Set<string>();
  if (unresolved.length === 0 || missing.length === 0) return meant;
  for (const keyPath of unresolved) {
    const nearest = closest(keyPath, missing, missing.length);
    const candidates = nearest.length > 0 ? nearest : missing.filter((candidate) => parentOf(candidate) === parentOf(keyPath));
    for (const candidate of candidates) meant.add(candidate);
  }
  return meant;
}

function parentOf(keyPath: string): string {
  const dot = keyPath.lastIndexOf('.');
  return dot === -1 ? '' : keyPath.slice(0, dot);
}

/**
 * Whether an exemption covers a name (a key path, or an entry id) in a
 * language: `directory_group.object`, `*.object` (`*` within one segment)
 * or `**.object` (any number of segments).
 */
export function compileIgnore(ignore: ParityIgnore): (name: string, language: string) => boolean {
  const pattern = ('id' in ignore ? ignore.id : ignore.keyPath).split('.').map((segment) => (segment === '**' ? anySegments : segmentPattern(segment)));
  const languages = ignore.languages === null ? null : new Set(ignore.languages);
  return (name, language) => (languages === null || languages.has(language)) && matches(pattern, name.split('.'));
}

const anySegments = Symbol('**');
type SegmentPattern = RegExp | typeof anySegments;

function segmentPattern(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map(escapeRegExp).join('.*')}$`);
}

function matches(pattern: SegmentPattern[], segments: string[]): boolean {
  if (pattern.length === 0) return segments.length === 0;
  const [head, ...rest] = pattern as [SegmentPattern, ...SegmentPattern[]];
  if (head === anySegments) {
    for (let skip = 0; skip <= segments.length; skip++) if (matches(rest, segments.slice(skip))) return true;
    return false;
  }
  return segments.length > 0 && head.test(segments[0]!) && matches(rest, segments.slice(1));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
