import type { Place } from '../model/types.js';

/** Line and column of an offset, counting from scratch: for rare, one-off positions. */
export function placeOfOffset(text: string, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  const column = offset - lineStart + 1;
  return { line, column, endLine: line, endColumn: column };
}

export function pointPlace(line: number, column: number): Place {
  return { line, column, endLine: line, endColumn: column };
}
