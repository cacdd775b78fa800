/**
 * A reference is the whole string value, parentheses included: `(directory_group.id)`.
 * Anything else is literal text, so `(see above)` stays prose.
 */
const referencePattern = /^\(([^\s().]+(?:\.[^\s().]+)*)\)$/;

/** `a.b.c` for `(a.b.c)`, or null for literal text. */
export function referenceKeyPath(value: string): string | null {
  return referencePattern.exec(value.trim())?.[1] ?? null;
}
