import path from 'node:path';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** A message's range, whatever shape its place has; a message without one points at 1:1. */
export interface MessageRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function rangeOf(message: VFileMessage): MessageRange {
  const line = message.line ?? 1;
  const column = message.column ?? 1;
  const end = message.place && 'end' in message.place ? message.place.end : null;
  return { line, column, endLine: end?.line ?? line, endColumn: end?.column ?? column };
}

/** Messages by position, then rule id, so every format lists them in the same order. */
export function sortedMessages(file: VFile): VFileMessage[] {
  return [...file.messages].sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compare(a.ruleId ?? '', b.ruleId ?? '') ||
      compare(a.reason, b.reason),
  );
}

/** The path as reports show it: relative to where polyref runs, with `/` separators. */
export function displayPath(file: VFile): string {
  return (file.path ?? '').split(path.sep).join('/');
}

export function absolutePath(file: VFile): string {
  return path.resolve(file.cwd, file.path ?? '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
