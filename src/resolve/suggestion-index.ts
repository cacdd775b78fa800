import { editDistance } from './suggest.js';

export interface SuggestionIndexOptions {
  /** Other names for a candidate, lowercase (`node` → `js`): a miss that is one is answered with its candidate. */
  aliases?: Iterable<readonly [alias: string, candidate: string]>;
  /**
   * Splits a candidate into segments (`/` of a URL, `.` of a key path): a
   * miss far from every whole candidate still finds those that end with its
   * last segment, or with one near it (`/reference/widget` → `/reference/widgets/widget`).
   */
  segments?: RegExp;
}

/**
 * One set of candidates (the page URLs of a site, the anchors of a page,
 * the configured languages) arranged once, so that a miss asks only the
 * candidates that can be near it: those of a length within the edit budget,
 * then those that share its last segment. Built where a message needs
 * suggestions and kept for the next miss of the same kind.
 */
export class SuggestionIndex {
  private readonly byLength = new Map<number, Array<{ candidate: string; lower: string }>>();
  private readonly aliases = new Map<string, string>();
  private readonly bySegment = new Map<string, string[]>();
  private lastSegments: SuggestionIndex | null = null;

  constructor(
    candidates: Iterable<string>,
    private readonly options: SuggestionIndexOptions = {},
  ) {
    const known = new Set<string>();
    for (const candidate of candidates) {
      if (known.has(candidate)) continue;
      known.add(candidate);
      const lower = candidate.toLowerCase();
      const bucket = this.byLength.get(lower.length);
      if (bucket) bucket.push({ candidate, lower });
      else this.byLength.set(lower.length, [{ candidate, lower }]);
      if (options.segments) {
        const segment = lastSegment(lower, options.segments);
        if (segment !== '') push(this.bySegment, segment, candidate);
      }
    }
    for (const [alias, candidate] of options.aliases ?? []) {
      if (known.has(candidate) && !known.has(alias)) this.aliases.set(alias, candidate);
    }
  }

  /**
   * The candidates nearest to `wanted`: its candidate when it is an alias;
   * else all at the best edit distance within a budget that grows with its
   * length (as `closest` gives them); else, with segments, those that end with
   * its last segment or the one nearest it, closest first. Sorted, at most `limit`.
   */
  nearest(wanted: string, limit = 3): string[] {
    const lower = wanted.toLowerCase();
    const alias = this.aliases.get(lower);
    if (alias !== undefined) return [alias];
    const near = this.withinBudget(lower);
    if (near.length > 0 || !this.options.segments) return near.sort().slice(0, limit);
    return this.sharingLastSegment(lower, this.options.segments).slice(0, limit);
  }

  private withinBudget(lower: string): string[] {
    let budget = Math.min(3, Math.max(1, Math.floor(lower.length / 4)));
    let best: string[] = [];
    // The nearest lengths first, so that the budget shrinks before the far buckets are read.
    for (let offset = 0; offset <= budget; offset++) {
      for (const length of offset === 0 ? [lower.length] : [lower.length - offset, lower.length + offset]) {
        for (const { candidate, lower: other } of this.byLength.get(length) ?? []) {
          if (Math.abs(other.length - lower.length) > budget) continue;
          const distance = editDistance(lower, other, budget);
          if (distance < budget) {
            budget = distance;
            best = [candidate];
          } else if (distance === budget) {
            best.push(candidate);
          }
        }
      }
    }
    return best;
  }

  private sharingLastSegment(lower: string, segments: RegExp): string[] {
    const segment = lastSegment(lower, segments);
    if (segment === '') return [];
    let found = this.bySegment.get(segment);
    if (!found) {
      this.lastSegments ??= new SuggestionIndex(this.bySegment.keys());
      const nearSegments = this.lastSegments.nearest(segment, 1);
      found = nearSegments.length > 0 ? this.bySegment.get(nearSegments[0]!) : undefined;
    }
    if (!found) return [];
    return [...found]
      .map((candidate) => ({ candidate, distance: editDistance(lower, candidate.toLowerCase()) }))
      .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0))
      .map((item) => item.candidate);
  }
}

const memo = new WeakMap<object, Map<string, SuggestionIndex>>();

/**
 * The suggestion index of one kind of candidate for `owner` (a site, a
 * configuration), built the first time a miss asks for it.
 */
export function suggestionIndexOf(owner: object, kind: string, build: () => SuggestionIndex): SuggestionIndex {
  let byKind = memo.get(owner);
  if (!byKind) memo.set(owner, (byKind = new Map()));
  let index = byKind.get(kind);
  if (!index) byKind.set(kind, (index = build()));
  return index;
}

function lastSegment(text: string, segments: RegExp): string {
  const parts = text.split(segments).filter((part) => part !== '');
  return parts.at(-1) ?? '';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
