/**
 * What a run may say of a problem's cause, after its message: that a
 * change broke it, or that it may follow from a syntax error. One cause per
 * message, the last one said; the baseline knows a problem without it.
 */

const causeSuffix = / \((?:broken by|related to|may follow from) [^()]*\)$/;

/** `message (cause)`, in place of a cause said before. */
export function withCause(message: string, cause: string): string {
  return `${withoutCause(message)} (${cause})`;
}

export function withoutCause(message: string): string {
  return message.replace(causeSuffix, '');
}
