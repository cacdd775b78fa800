import path from 'node:path/posix';
import { samePage, type Located, type SiteIndex } from '../index/site-index.js';
import type { Entry, Item, ItemReference, ParsedPage, Property } from '../model/types.js';
import { itemLists } from '../model/walk.js';
import { closest } from './suggest.js';

export type ItemTarget =
  | { kind: 'entry'; entry: Located<Entry> }
  | { kind: 'property'; property: Property; entry: Located<Entry> };

export type ItemResolution =
  | { ok: true; target: ItemTarget }
  | { ok: false; reason: 'unresolved'; suggestions: string[] }
  | { ok: false; reason: 'ambiguous'; candidates: Array<Located<Entry>> };

/** Item references inside referenced entries are followed at most this deep, which also ends cycles. */
const maxDepth = 16;

/**
 * `(DirectoryGroup)` or `(DirectoryGroup.id)` in one language → the entry
 * or property it names. Among several entries with that key, the one on the
 * referring page wins, then the one sharing the longest folder path.
 */
export function resolveItem(reference: ItemReference, language: string, page: ParsedPage, index: SiteIndex): ItemResolution {
  return resolvePath(reference.path, language, page, index, 0);
}

function resolvePath(
  referencePath: string[],
  language: string,
  page: ParsedPage,
  index: SiteIndex,
  depth: number,
): ItemResolution {
  const [key, ...rest] = referencePath as [string, ...string[]];
  const byKey = index.entriesByKey.get(language);
  const candidates = byKey?.get(key);
  if (!candidates) {
    return { ok: false, reason: 'unresolved', suggestions: closest(key, byKey?.keys() ?? []) };
  }
  const nearest = pickNearest(candidates, page);
  if (!nearest.ok) return nearest;
  const entry = nearest.entry;
  if (rest.length === 0) return { ok: true, target: { kind: 'entry', entry } };

  let items: Item[] = itemLists.flatMap((list) => entry.value[list] ?? []);
  let property: Property | undefined;
  for (const [position, segment] of rest.entries()) {
    const expanded = expandReferences(items, language, entry.page, index, depth);
    property = expanded.find((item) => item.key === segment);
    if (!property) {
      const prefix = [key, ...rest.slice(0, position)].join('.');
      return { ok: false, reason: 'unresolved', suggestions: closest(segment, expanded.map((item) => item.key)).map((found) => `${prefix}.${found}`) };
    }
    items = property.properties;
  }
  return { ok: true, target: { kind: 'property', property: property!, entry } };
}

/** Property references among `items` replaced by the properties they name; entry references dropped. */
function expandReferences(items: Item[], language: string, page: ParsedPage, index: SiteIndex, depth: number): Property[] {
  const properties: Property[] = [];
  for (const item of items) {
    if (item.kind === 'property') {
      properties.push(item);
    } else if (depth < maxDepth && item.path.length > 1) {
      const resolved = resolvePath(item.path, language, page, index, depth + 1);
      if (resolved.ok && resolved.target.kind === 'property') properties.push(resolved.target.property);
    }
  }
  return properties;
}

function pickNearest(
  candidates: Array<Located<Entry>>,
  page: ParsedPage,
): { ok: true; entry: Located<Entry> } | { ok: false; reason: 'ambiguous'; candidates: Array<Located<Entry>> } {
  if (candidates.length === 1) return { ok: true, entry: candidates[0]! };
  const onPage = candidates.filter((candidate) => samePage(candidate.page, page));
  if (onPage.length === 1) return { ok: true, entry: onPage[0]! };
  if (onPage.length > 1) return { ok: false, reason: 'ambiguous', candidates: onPage };
  const folder = path.dirname(page.relativePath);
  let best: Array<Located<Entry>> = [];
  let bestScore = -1;
  for (const candidate of candidates) {
    const score = sharedFolderDepth(folder, path.dirname(candidate.page.relativePath));
    if (score > bestScore) {
      best = [candidate];
      bestScore = score;
    } else if (score === bestScore) {
      best.push(candidate);
    }
  }
  return best.length === 1 ? { ok: true, entry: best[0]! } : { ok: false, reason: 'ambiguous', candidates: best };
}

function sharedFolderDepth(a: string, b: string): number {
  const left = a === '.' ? [] : a.split('/');
  const right = b === '.' ? [] : b.split('/');
  let depth = 0;
  while (depth < left.length && depth < right.length && left[depth] === right[depth]) depth += 1;
  return depth;
}
