/**
 * Finds keys and list items indented unlike their siblings, which YAML
 * parsers report only by their effects: a key one space short of its map
 * gives "All mapping items must start at the same column" at the start of
 * the line, one space too many turns the line above into a multi-line key
 * ("Implicit keys need to be on a single line"). Reading the lines' indents
 * names the cause and the token instead.
 *
 * The scan is line-based and errs on the side of silence: anything it does
 * not follow (tabs, explicit keys, keys that are not names) ends it.
 */

export interface IndentationSlip {
  /** 1-based line in the YAML text, and 0-based offset of the token. */
  line: number;
  offset: number;
  /** The key (`name`) or `-` as written. */
  token: string;
  kind: 'key' | 'item';
  actual: number;
  expected: number;
}

interface Level {
  indent: number;
  kind: 'map' | 'seq';
  /** Lines that stand at this level so far, and the first of them. */
  members: number;
  first: Omit<IndentationSlip, 'actual' | 'expected'>;
}

interface LineShape {
  indent: number;
  /** Columns (0-based) of each `- ` at the start of the line. */
  dashes: number[];
  /** The key after the dashes, with its column, if the line holds one. */
  key: { text: string; column: number } | null;
  /** What follows the key's colon (or the last dash), comments left out. */
  value: string;
}

interface Line {
  number: number;
  offset: number;
  indent: number;
  content: string;
  /** A key or list item; null for text, comments and blank lines. */
  shape: LineShape | null;
}

/** Names as keys of this format are written: plain identifiers, or quoted. */
const keyPattern = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[\w$][\w$.\-/]*)[ \t]*:(?=\s|$)/;

export function indentationSlips(yaml: string): IndentationSlip[] {
  const lines = splitLines(yaml);
  if (lines === null) return [];
  const slips: IndentationSlip[] = [];
  const levels: Level[] = [];
  let expectsChildrenOf: number | null = null;
  /** Where the plain value of the last key or item stands: deeper text goes on with it. */
  let plainValueAt: number | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const shape = line.shape;
    if (line.content === '' || line.content.startsWith('#')) continue;
    // Explicit keys and values, directives and document markers: not followed.
    if (/^(?:- +)*(\?|:|%|---|\.\.\.)(\s|$)/.test(line.content)) break;
    // A key that is not a name (`c\obol:`, `ti,tle:`): its line is not followed either.
    if (/^(?:- +)*[^\s#'"[{](?:[^#]|(?<=\S)#)*?:(\s|$)/.test(line.content) && !shape?.key) break;
    if (!shape) {
      // A value on the line after its key: its text may hold what looks like keys.
      const value = withoutComment(line.content);
      if (/^[|>][0-9+-]*$/.test(value)) index = afterBlockScalar(lines, index, expectsChildrenOf ?? line.indent, value);
      else if (/^["'[{]/.test(value)) index = afterOpenValue(lines, index, value);
      // Other text continues a multi-line value when deeper than its level; anything else is not ours to judge.
      expectsChildrenOf = null;
      plainValueAt = null;
      continue;
    }
    const firstColumn = shape.dashes[0] ?? shape.key!.column;
    // `- 1` then a deeper `- x`: one plain value over two lines (`1 - x`), not an item.
    if (plainValueAt !== null && shape.dashes.length > 0 && !shape.key && firstColumn > plainValueAt) continue;
    const kind: Level['kind'] = shape.dashes.length > 0 ? 'seq' : 'map';
    const token = kind === 'seq' ? '-' : shape.key!.text;
    const here = { line: line.number, offset: line.offset + firstColumn, token, kind: kind === 'seq' ? ('item' as const) : ('key' as const) };
    let at = firstColumn;
    if (expectsChildrenOf !== null && (at > expectsChildrenOf || (at === expectsChildrenOf && kind === 'seq'))) {
      levels.push({ indent: at, kind, members: 1, first: here });
    } else {
      const before = [...levels];
      while (levels.length > 0 && (levels.at(-1)!.indent > at || (levels.at(-1)!.indent === at && levels.at(-1)!.kind !== kind && levels.at(-2)?.indent === at))) {
        levels.pop();
      }
      const top = levels.at(-1);
      if (top === undefined) {
        levels.push({ indent: at, kind, members: 1, first: here });
      } else if (top.indent === at && top.kind === kind) {
        top.members += 1;
      } else {
        const sibling = nearestLevel(at, before, kind);
        if (sibling === null) break;
        while (levels.length > 0 && levels.at(-1)!.indent > Math.min(at, sibling.indent)) levels.pop();
        if (firstIsOdd(sibling, before, lines, index, at, kind)) {
          // The level's first line was the odd one: the lines after it agree with this one.
          slips.push({ ...sibling.first, actual: sibling.indent, expected: at });
          if (!levels.includes(sibling)) levels.push(sibling);
          sibling.indent = at;
          sibling.members += 1;
        } else {
          slips.push({ ...here, actual: at, expected: sibling.indent });
          // Read on as if the line stood where its siblings do.
          if (levels.at(-1) !== sibling) levels.push(sibling);
          sibling.members += 1;
          at = sibling.indent;
        }
      }
    }
    // Each further dash, and a key after dashes, opens a level of its own on the same line.
    const shift: number = at - firstColumn;
    for (const dash of shape.dashes.slice(1)) levels.push({ indent: dash + shift, kind: 'seq', members: 1, first: { ...here, offset: line.offset + dash } });
    if (shape.dashes.length > 0 && shape.key) {
      const first = { ...here, offset: line.offset + shape.key.column, token: shape.key.text, kind: 'key' as const };
      levels.push({ indent: shape.key.column + shift, kind: 'map', members: 1, first });
    }
    const ownIndent: number = shape.key ? shape.key.column + shift : (shape.dashes.at(-1) ?? 0) + shift;
    const value = shape.value;
    expectsChildrenOf = value === '' || /^[&!][^\s]*$/.test(value) ? ownIndent : null;
    plainValueAt = expectsChildrenOf === null && /^[^|>"'[{]/.test(value) ? ownIndent : null;
    if (/^[|>][0-9+-]*$/.test(value)) index = afterBlockScalar(lines, index, shape.key?.column ?? shape.dashes.at(-1)!, value);
    else if (value.startsWith('[') || value.startsWith('{') || value.startsWith('"') || value.startsWith("'")) index = afterOpenValue(lines, index, value);
    // A plain value may go on over deeper lines of text; a deeper key there is what the scan looks for.
  }
  return slips.sort((a, b) => a.line - b.line);
}

/** The message for a slip: what the line has, what its siblings have. */
export function indentationMessage(slip: IndentationSlip): string {
  const spaces = (count: number) => `${count} space${count === 1 ? '' : 's'}`;
  const siblings = slip.kind === 'key' ? 'the other keys of this map' : 'the other items of this list';
  return `Unexpected indentation of \`${slip.token}\` (${spaces(slip.actual)}), expected ${slip.expected} like ${siblings}`;
}

/** The lines of the text with their shapes; null when tabs indent any of them, which the scan does not follow. */
function splitLines(yaml: string): Line[] | null {
  const lines: Line[] = [];
  let offset = 0;
  for (const [at, text] of yaml.split('\n').entries()) {
    const raw = text.replace(/\r$/, '');
    if (/^ *\t/.test(raw)) return null;
    const indent = /^ */.exec(raw)![0].length;
    const content = raw.slice(indent);
    const shape = content === '' || content.startsWith('#') ? null : readLine(raw, indent);
    lines.push({ number: at + 1, offset, indent, content, shape });
    offset += text.length + 1;
  }
  return lines;
}

function readLine(raw: string, indent: number): LineShape | null {
  const dashes: number[] = [];
  let column = indent;
  while (raw[column] === '-' && (raw[column + 1] === ' ' || column + 1 === raw.length)) {
    dashes.push(column);
    column += 1;
    while (raw[column] === ' ') column += 1;
  }
  const rest = raw.slice(column);
  const key = keyPattern.exec(rest);
  if (!key && dashes.length === 0) return null;
  const value = withoutComment((key ? rest.slice(key[0].length) : rest).trim());
  return { indent, dashes, key: key ? { text: key[1]!, column } : null, value };
}

/** The level a misplaced line most likely belongs to: the nearest indent of its kind, the deeper one on a tie. */
function nearestLevel(indent: number, levels: Level[], kind: Level['kind']): Level | null {
  let best: Level | null = null;
  for (const level of levels) {
    if (level.kind !== kind) continue;
    const distance = Math.abs(level.indent - indent);
    if (best === null || distance < Math.abs(best.indent - indent) || (distance === Math.abs(best.indent - indent) && level.indent > best.indent)) {
      best = level;
    }
  }
  return best;
}

/**
 * Whether a level's only line so far, rather than the line at `at` that
 * disagrees with it, is the misplaced one: when more of the lines after
 * agree with `at`, or as many but `at` is one step (two spaces) inside the
 * enclosing level and the first line is not.
 */
function firstIsOdd(level: Level, levels: Level[], lines: Line[], from: number, at: number, kind: Level['kind']): boolean {
  if (level.members !== 1) return false;
  const verdict = laterLinesAt(lines, from, at, level.indent, kind);
  if (verdict !== 0) return verdict > 0;
  const enclosing = levels[levels.indexOf(level) - 1]?.indent ?? -2;
  return at === enclosing + 2 && level.indent !== enclosing + 2;
}

/**
 * How many more of the sibling lines after `from`, before their block ends,
 * stand at `indent` than at `other` (children of a line at the shallower
 * of the two are not its siblings).
 */
function laterLinesAt(lines: Line[], from: number, indent: number, other: number, kind: Level['kind']): number {
  const shallower = Math.min(indent, other);
  let balance = 0;
  let underParent = false;
  for (const line of lines.slice(from + 1)) {
    if (!line.shape) continue;
    const column = line.shape.dashes[0] ?? line.shape.key!.column;
    if (column < shallower) break;
    if (column > shallower && underParent) continue;
    underParent = column === shallower && line.shape.value === '';
    if ((line.shape.dashes.length > 0 ? 'seq' : 'map') !== kind) continue;
    if (column === indent) balance += 1;
    else if (column === other) balance -= 1;
  }
  return balance;
}

/** The last line of a block scalar (`key: >`, header `>`) whose key stands at `keyIndent`. */
function afterBlockScalar(lines: Line[], from: number, keyIndent: number, header: string): number {
  // `|2` sets the text's indent; otherwise its first line does.
  const explicit = /[1-9]/.exec(header);
  let contentIndent: number | null = explicit ? keyIndent + Number(explicit[0]) : null;
  let last = from;
  for (let index = from + 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.content === '') continue;
    contentIndent ??= line.indent > keyIndent ? line.indent : -1;
    if (contentIndent === -1 || line.indent < contentIndent) break;
    last = index;
  }
  return last;
}

/** The last line of a flow collection or quoted value that starts on line `from`. */
function afterOpenValue(lines: Line[], from: number, value: string): number {
  if (value.startsWith('"') || value.startsWith("'")) {
    if (closesQuote(value)) return from;
    for (let index = from + 1; index < lines.length; index++) if (lines[index]!.content.includes(value[0]!)) return index;
    return lines.length;
  }
  const opener = value[0]!;
  const closer = opener === '[' ? ']' : '}';
  let depth = 0;
  for (let index = from; index < lines.length; index++) {
    const text = index === from ? value : lines[index]!.content;
    for (const char of text) {
      if (char === opener) depth += 1;
      else if (char === closer) depth -= 1;
    }
    if (depth <= 0) return index;
  }
  return lines.length;
}

/** The value without a trailing comment; a `#` inside a closed quoted value is text. */
function withoutComment(value: string): string {
  if (value.startsWith('#')) return '';
  const quoteEnd = value.startsWith('"') || value.startsWith("'") ? closingQuote(value) : 0;
  if (quoteEnd === -1) return value;
  const comment = value.slice(quoteEnd).search(/\s#/);
  return comment === -1 ? value : value.slice(0, quoteEnd + comment).trimEnd();
}

function closesQuote(value: string): boolean {
  return closingQuote(value) !== -1;
}

/** The offset just past the quote that closes the quoted value `value` starts with, or -1 when it goes on to another line. */
function closingQuote(value: string): number {
  const quote = value[0]!;
  for (let at = 1; at < value.length; at++) {
    if (quote === '"' && value[at] === '\\') at += 1;
    else if (value[at] === quote) {
      if (quote === "'" && value[at + 1] === "'") at += 1;
      else return at + 1;
    }
  }
  return -1;
}
