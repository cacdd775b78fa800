/**
 * The candidates closest to `wanted` by edit distance, best first: the
 * "did you mean" of every unresolved reference.
 */
export function closest(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const budget = Math.max(2, Math.floor(wanted.length / 3));
  const scored: Array<{ candidate: string; distance: number }> = [];
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - wanted.length) > budget) continue;
    const distance = editDistance(wanted.toLowerCase(), candidate.toLowerCase(), budget);
    if (distance <= budget) scored.push({ candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0));
  return scored.slice(0, limit).map((item) => item.candidate);
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
