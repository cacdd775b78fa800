/**
 * A reference is the whole string value, parentheses included: `(directory_group.id)`.
 * Anything else is literal text, so `(see above)` stays prose.
 */
const referencePattern = /^\(([^\s().]+(?:\.[^\s().]+)*)\)$/;

/** The key path of `(a.b.c)`, or null for literal text. */
export function parseReference(value: string): string[] | null {
  const match = referencePattern.exec(value.trim());
  return match ? match[1]!.split('.') : null;
}
