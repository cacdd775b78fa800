/**
 * The candidates nearest to `wanted` by edit distance, all at the same best
 * distance, alphabetically: the "did you mean" of every unresolved reference.
 * Exactly one suggestion is what `--fix` may apply.
 */
export function closest(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  let budget = Math.min(3, Math.max(1, Math.floor(wanted.length / 4)));
  let best: string[] = [];
  const lower = wanted.toLowerCase();
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - wanted.length) > budget) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), budget);
    if (distance < budget || (distance === budget && best.length === 0)) {
      if (distance < budget) best = [];
      budget = distance;
      best.push(candidate);
    } else if (distance === budget) {
      best.push(candidate);
    }
  }
  return best.sort().slice(0, limit);
}

/** Optimal string alignment distance, giving up past `budget`. */
export function editDistance(a: string, b: string, budget = Infinity): number {
  if (a === b) return 0;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > budget) return rowMinimum;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}
