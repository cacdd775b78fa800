import fs from 'node:fs';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { Place } from '../model/types.js';
import { LineIndex } from '../parse/line-index.js';

/**
 * Where the first of `locations` that the config file holds stands
 * (`['openapi', 'document']`, else `['openapi']`), for problems reported on
 * the configuration itself; the file's start when it has none of them.
 */
export function placeInConfig(file: string, ...locations: Array<Array<string | number>>): Place {
  const start: Place = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return start;
  }
  const root = parseTree(text);
  const node = root ? locations.map((location) => findNodeAtLocation(root, location)).find((found) => found !== undefined) : undefined;
  if (!node) return start;
  const lines = new LineIndex(text);
  const line = lines.line(node.offset);
  const end = node.offset + node.length;
  const endLine = lines.line(end);
  return { line, column: lines.column(node.offset, line), endLine, endColumn: lines.column(end, endLine) };
}
