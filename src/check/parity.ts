/**
 * Cross-language parity: the properties of entries that share an `id`,
 * matched across languages by their description key path. One computation
 * serves the `parity-gap` rule, `polyref parity` and the site's coverage page.
 */
import type { ParityIgnore } from '../config/config.js';
import type { Located } from '../index/site-index.js';
import { itemLists } from '../model/walk.js';
import type { DescriptionValue, Entry, ParsedPage } from '../model/types.js';
import type { Site } from '../model/site.js';
import { resolveDescription } from '../resolve/descriptions.js';
import { entryRowDescription, entryRowItems, forEachShownItem, type ItemContext, type ShownItemVisitor } from '../resolve/shown-items.js';

/** `documented`: some row shows the key path; `missing`: it does not; `exempt`: missing, by `parity.ignore`; `no-entry`: the language has no entry with this id. */
export type ParityCell = 'documented' | 'missing' | 'exempt' | 'no-entry';

export interface ParityRow {
  keyPath: string;
  /** By language id, for every configured language. */
  cells: Record<string, ParityCell>;
}

export interface ParityEntry {
  id: string;
  /** The first entry with this id in each language that has one, in the configured order. */
  entries: Array<Located<Entry>>;
  rows: ParityRow[];
}

export interface LanguageCoverage {
  language: string;
  label: string;
  documented: number;
  missing: number;
  exempt: number;
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
  const entries = ids.map((id) => computeParity(site, id)).filter((entry) => entry.rows.length > 0);
  const coverage = site.config.languages.map((language): LanguageCoverage => {
    const counts = { documented: 0, missing: 0, exempt: 0 };
    for (const entry of entries) {
      for (const row of entry.rows) {
        const cell = row.cells[language.id];
        if (cell === 'documented' || cell === 'missing' || cell === 'exempt') counts[cell] += 1;
      }
    }
    const expected = counts.documented + counts.missing;
    return { language: language.id, label: language.label, ...counts, ratio: expected === 0 ? null : counts.documented / expected };
  });
  return { languages: site.config.languages.map(({ id, label }) => ({ id, label })), entries, coverage };
}

/** `97.5%`, rounded down so that only a complete language shows `100.0%`; `n/a` when nothing is expected of it. */
export function coveragePercent(coverage: Pick<LanguageCoverage, 'ratio'>): string {
  return coverage.ratio === null ? 'n/a' : `${(Math.floor(coverage.ratio * 1000) / 10).toFixed(1)}%`;
}

function computeParity(site: Site, id: string): ParityEntry {
  const { languages, parity } = site.config;
  const located = site.index.entriesById.get(id) ?? [];
  const keyPathsByLanguage = new Map<string, Set<string>>();
  const entries: Array<Located<Entry>> = [];
  const order: string[] = [];
  const seen = new Set<string>();
  for (const language of languages) {
    const ofLanguage = located.filter((candidate) => candidate.value.language === language.id);
    if (ofLanguage.length === 0) continue;
    entries.push(ofLanguage[0]!);
    const keyPaths = new Set<string>();
    for (const candidate of ofLanguage) shownKeyPaths(candidate, site, keyPaths);
    keyPathsByLanguage.set(language.id, keyPaths);
    for (const keyPath of keyPaths) {
      if (!seen.has(keyPath)) {
        seen.add(keyPath);
        order.push(keyPath);
      }
    }
  }
  const ignores = parity.ignore.map(compileIgnore);
  const rows = order.map((keyPath): ParityRow => {
    const cells: Record<string, ParityCell> = {};
    for (const language of languages) {
      const keyPaths = keyPathsByLanguage.get(language.id);
      if (!keyPaths) cells[language.id] = 'no-entry';
      else if (keyPaths.has(keyPath)) cells[language.id] = 'documented';
      else cells[language.id] = ignores.some((ignore) => ignore(keyPath, language.id)) ? 'exempt' : 'missing';
    }
    return { keyPath, cells };
  });
  return { id, entries, rows };
}

/**
 * Key paths of every row the entry's table shows, at any depth, in table
 * order: rows described by a reference that resolves (from the page of the
 * entry the row comes from); an unwrapped property shows its children, not
 * itself. The rows are those `resolveEntry` builds, found the same way
 * (`forEachShownItem`), without building them: this runs for every entry
 * with an `id`. A test holds the two to the same key paths on every site it knows.
 */
export function shownKeyPaths(located: Located<Entry>, site: Site, into: Set<string> = new Set()): Set<string> {
  const { value: entry, page } = located;
  const context: ItemContext = { language: entry.language, page, index: site.index };
  const add = (description: DescriptionValue | null, from: ParsedPage): void => {
    if (description?.kind !== 'reference') return;
    if (resolveDescription(description.keyPath, from, site.index).ok) into.add(description.keyPath);
  };
  const rows: ShownItemVisitor = {
    property: (property, depth) => {
      if (!property.unwrap) add(property.description, page);
      forEachShownItem(property.properties, depth, context, rows);
    },
    entry: (target, depth) => {
      add(entryRowDescription(target.value), target.page);
      forEachShownItem(entryRowItems(target.value), depth, context, rows);
    },
  };
  for (const list of itemLists) forEachShownItem(entry[list] ?? [], 0, context, rows);
  return into;
}

/** `directory_group.object`, `*.object` (`*` within one segment) or `**.object` (any number of segments). */
export function compileIgnore(ignore: ParityIgnore): (keyPath: string, language: string) => boolean {
  const pattern = ignore.keyPath.split('.').map((segment) => (segment === '**' ? anySegments : segmentPattern(segment)));
  const languages = ignore.languages === null ? null : new Set(ignore.languages);
  return (keyPath, language) => (languages === null || languages.has(language)) && matches(pattern, keyPath.split('.'));
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
