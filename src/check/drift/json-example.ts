import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ExampleStore } from '../../load/examples.js';
import type { Place } from '../../model/types.js';
import { LineIndex } from '../../parse/line-index.js';

/** A JSON example file parsed with the offsets of its nodes. */
export interface JsonExample {
  /** Null when the text is not JSON. */
  root: Node | null;
  /** The first syntax error, as a message and its place. */
  error: { found: string; expected: string; place: Place } | null;
  placeOf(node: Node): Place;
}

const parsedByStore = new WeakMap<ExampleStore, Map<string, JsonExample | null>>();

/**
 * The example file as JSON, parsed once per store from the text the store
 * read once; null when the file cannot be read. Strict JSON: comments and
 * trailing commas are syntax errors, as for any consumer of the payload.
 */
export function jsonExample(store: ExampleStore, file: string): JsonExample | null {
  let parsed = parsedByStore.get(store);
  if (!parsed) parsedByStore.set(store, (parsed = new Map()));
  if (parsed.has(file)) return parsed.get(file)!;
  const raw = store.read(file);
  const example = raw === null ? null : parseJsonExample(raw);
  parsed.set(file, example);
  return example;
}

export function parseJsonExample(raw: string): JsonExample {
  // Columns count from after a byte-order mark, as code frames show the line.
  const text = raw.replace(/^\uFEFF/, '');
  const lines = new LineIndex(text);
  const placeOfRange = (offset: number, length: number): Place => {
    const line = lines.line(offset);
    const endOffset = Math.min(offset + Math.max(length, 1), text.length);
    const endLine = lines.line(endOffset);
    return { line, column: lines.column(offset, line), endLine, endColumn: lines.column(endOffset, endLine) };
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false }) ?? null;
  const first = errors[0];
  const error = first
    ? { ...describeError(printParseErrorCode(first.error), text.slice(first.offset, first.offset + first.length)), place: placeOfRange(first.offset, first.length) }
    : null;
  return { root: error ? null : root, error, placeOf: (node) => placeOfRange(node.offset, node.length) };
}

const expectations: Record<string, string> = {
  PropertyNameExpected: 'a property name in double quotes',
  ValueExpected: 'a value',
  ColonExpected: '`:`',
  CommaExpected: '`,`',
  CloseBraceExpected: '`}`',
  CloseBracketExpected: '`]`',
  EndOfFileExpected: 'the end of the file',
  InvalidCommentToken: 'no comment (JSON has none)',
  UnexpectedEndOfComment: 'no comment (JSON has none)',
  UnexpectedEndOfString: 'a closing `"`',
  InvalidEscapeCharacter: 'an escape such as `\\n` or `\\u00e9`',
  InvalidUnicode: 'four hexadecimal digits after `\\u`',
};

function describeError(code: string, token: string): { found: string; expected: string } {
  const found = token.trim() === '' ? 'end of the file' : `\`${token.length > 20 ? `${token.slice(0, 20)}…` : token}\``;
  return { found, expected: expectations[code] ?? 'valid JSON' };
}
