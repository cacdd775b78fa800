import { FAILSAFE_SCHEMA, load, type State } from 'js-yaml';
import { coreSchemaValue } from './core-schema.js';
import { flowDepthOverflow } from './yaml-reader.js';

/**
 * A YAML node as js-yaml reads it, with its range in the YAML text computed
 * the way the `yaml` package computes `node.range`: `start` and `end` are
 * `range[0]` and `range[1]` (the value as written), `nodeEnd` is `range[2]`
 * (past a trailing comment and the line break).
 */
export interface FastNode {
  kind: 'map' | 'seq' | 'scalar' | 'empty';
  start: number;
  end: number;
  nodeEnd: number;
  /** The decoded text of a scalar. */
  text: string;
  /** A plain scalar is typed by the core schema (`1`, `true`, `null`); quoted and block scalars are strings. */
  plain: boolean;
  /** A map's keys and values in turn, or a list's items. */
  children: FastNode[];
  /** The typed value of a plain scalar, once asked for. */
  resolved?: unknown;
}

/**
 * Thrown (never as an error: there is nothing wrong with the page) when the
 * input uses something the fast reader leaves to the reference reader.
 */
export class NotOnFastPath {
  private constructor() {}
  static readonly signal = new NotOnFastPath();
}

const notOnFastPath = (): never => {
  throw NotOnFastPath.signal;
};

/**
 * Constructs that the fast reader does not place itself: tabs, explicit
 * `? key` entries, directives and document markers, a byte-order mark or a
 * lone carriage return inside the text. Anchors, aliases, tags and flow
 * collections are found at their node's first character instead.
 */
const leftToReference = /[\t\uFEFF]|\r(?!\n)/;
const lineLeftToReference = /^[ -]*\?(?:[ \r\n]|$)|^%|^\.\.\.(?:[ \r\n]|$)/m;

function isLeftToReference(yaml: string): boolean {
  if (leftToReference.test(yaml)) return true;
  // Each line-start construct needs its character: most pages have none, and no line needs trying.
  return (yaml.includes('?') || yaml.includes('%') || yaml.includes('...')) && lineLeftToReference.test(yaml);
}

/** Longer implicit keys are an error in `yaml`; js-yaml takes them. */
const maxKeyLength = 1000;

/**
 * Reads `yaml` with js-yaml, building a tree of positioned nodes from its
 * open/close events. Returns null for an empty document; throws
 * `NotOnFastPath` for anything outside the subset it places exactly, or for
 * any input js-yaml rejects (the reference reader then words the problem).
 */
export function readFastTree(yaml: string): FastNode | null {
  if (isLeftToReference(yaml) || flowDepthOverflow(yaml) !== -1) notOnFastPath();
  const builder = new TreeBuilder(yaml);
  let data: unknown;
  try {
    data = load(yaml, { schema: FAILSAFE_SCHEMA, listener: builder.listener });
  } catch (error) {
    if (error instanceof NotOnFastPath) throw error;
    // A YAML error, or a stack overflow on absurd nesting: the reference reports it.
    return notOnFastPath();
  }
  const roots = builder.roots;
  if (roots.length !== 1) notOnFastPath();
  const root = roots[0]!;
  if (root.kind === 'empty') return data === undefined || data === null ? null : notOnFastPath();
  return root;
}

/** A node being read: where js-yaml opened it, and its children so far (null while it has none). */
interface Frame {
  open: number;
  children: FastNode[] | null;
}

class TreeBuilder {
  readonly roots: FastNode[] = [];
  /**
   * The open nodes, outermost first, up to `depth`. Frame objects are reused
   * from one node to the next at the same depth: most nodes are scalars, and
   * a frame and an array for each would be garbage a moment later.
   */
  private readonly frames: Frame[] = [];
  private depth = 0;

  constructor(private readonly input: string) {}

  readonly listener = (event: 'open' | 'close', state: State): void => {
    if (event === 'open') {
      const reused = this.frames[this.depth];
      if (reused) {
        reused.open = state.position;
        reused.children = null;
      } else {
        this.frames.push({ open: state.position, children: null });
      }
      this.depth += 1;
      return;
    }
    this.depth -= 1;
    const frame = this.frames[this.depth]!;
    const parent = this.depth > 0 ? this.frames[this.depth - 1] : undefined;
    const node = this.close(frame, state, parent);
    if (parent) (parent.children ??= []).push(node);
    else this.roots.push(node);
  };

  private close(frame: Frame, state: State, parent: Frame | undefined): FastNode {
    switch (state.kind as string | null) {
      case 'mapping':
        return this.map(frame);
      case 'sequence':
        return this.seq(frame, (state.result as unknown[]).length);
      case 'scalar':
        // A value that js-yaml first tried as a map key: the inner event is the scalar
        // (or nothing, for a block scalar).
        if (frame.children?.length === 1 && frame.children[0]!.kind === 'scalar') return frame.children[0]!;
        if (frame.children?.some((child) => child.kind !== 'empty')) return notOnFastPath();
        return this.scalar(frame, state.result as string, state.position, parent);
      default:
        if (state.result !== null && state.result !== undefined) return notOnFastPath();
        return this.empty(frame);
    }
  }

  private map(frame: Frame): FastNode {
    const children = frame.children ?? [];
    // js-yaml tries one more key after the last pair; an empty try is no node.
    if (children.length % 2 === 1 && children[children.length - 1]!.kind === 'empty') children.pop();
    if (children.length === 0 || children.length % 2 === 1) return notOnFastPath();
    let numbers: Set<number> | null = null;
    for (let index = 0; index < children.length; index += 2) {
      const key = children[index]!;
      if (key.kind !== 'scalar' || key.end - key.start > maxKeyLength) return notOnFastPath();
      const value = scalarValue(key);
      if (typeof value === 'number') {
        // js-yaml compares keys as text: `1` and `0x1` are the same key only to `yaml`.
        numbers ??= new Set();
        if (numbers.has(value)) return notOnFastPath();
        numbers.add(value);
      } else if (typeof value !== 'string') {
        return notOnFastPath();
      }
    }
    return node('map', children[0]!.start, this.collectionEnd(children), children);
  }

  private seq(frame: Frame, length: number): FastNode {
    const children = frame.children;
    // js-yaml reads an empty item (`-` alone) without an event: its place is unknown.
    if (children === null || children.length !== length || length === 0) return notOnFastPath();
    const start = this.contentStart(frame.open);
    if (this.input.charCodeAt(start) !== 0x2d /* - */) return notOnFastPath();
    return node('seq', start, this.collectionEnd(children), children);
  }

  /** `position` is where js-yaml stopped reading the scalar. */
  private scalar(frame: Frame, text: string, position: number, parent: Frame | undefined): FastNode {
    const input = this.input;
    const start = this.contentStart(frame.open);
    const first = input.charCodeAt(start);
    let end: number;
    let plain = false;
    switch (first) {
      case 0x27 /* ' */:
      case 0x22 /* " */:
        end = position;
        if (input.charCodeAt(end - 1) !== first || end - 1 <= start) return notOnFastPath();
        // `yaml` wants a space before a comment after a quoted scalar.
        if (input.charCodeAt(end) === 0x23 /* # */) return notOnFastPath();
        // js-yaml keeps the white space that ends a line inside a quoted scalar, where YAML drops it.
        if (hasLineEndingInWhiteSpace(input, start, end)) return notOnFastPath();
        break;
      case 0x7c /* | */:
      case 0x3e /* > */: {
        end = this.blockScalarEnd(start, position, parent);
        const result = node('scalar', start, end, noChildren);
        result.text = text;
        return result;
      }
      case 0x26 /* & anchor */:
      case 0x2a /* * alias */:
      case 0x21 /* ! tag */:
      case 0x5b /* [ */:
      case 0x7b /* { */:
        return notOnFastPath();
      default:
        plain = true;
        end = trimEnd(input, position, start);
    }
    // js-yaml takes quoted lines at any indentation; `yaml` wants them inside their parent.
    const lineBreak = input.indexOf('\n', start);
    if (lineBreak !== -1 && lineBreak < end) this.checkContinuationLines(lineBreak + 1, end, this.parentColumn(start, parent) + 1);
    const result = node('scalar', start, end, noChildren, lineEnd(input, end));
    result.text = text;
    result.plain = plain;
    return result;
  }

  private empty(frame: Frame): FastNode {
    const input = this.input;
    let start = frame.open;
    while (input.charCodeAt(start) === 0x20) start += 1;
    // `key: # comment`: where `yaml` ends that node depends on the lines after it;
    // `key: !tag` or `key: &anchor` with nothing else is no plain empty value.
    const code = input.charCodeAt(start);
    if (code !== 0x0a && code !== 0x0d && start < input.length) return notOnFastPath();
    return node('empty', start, start, noChildren);
  }

  /**
   * A collection ends where its last node ends. `yaml` may count comment
   * lines after that node as its own, depending on their indentation: such a
   * collection is left to the reference.
   */
  private collectionEnd(children: FastNode[]): number {
    const input = this.input;
    const end = children[children.length - 1]!.nodeEnd;
    let index = end;
    for (;;) {
      const code = input.charCodeAt(index);
      if (code === 0x20 || code === 0x0a || code === 0x0d) index += 1;
      else if (code === 0x23 /* # */) return notOnFastPath();
      else return end;
    }
  }

  /** The first character of a node: past spaces, line breaks and comments from where js-yaml opened it. */
  private contentStart(from: number): number {
    const input = this.input;
    let index = from;
    for (;;) {
      const code = input.charCodeAt(index);
      if (code === 0x20 || code === 0x0a || code === 0x0d) index += 1;
      else if (code === 0x23 /* # */) {
        const newline = input.indexOf('\n', index);
        index = newline === -1 ? input.length : newline;
      } else return index;
    }
  }

  /**
   * The end of a block scalar as `yaml`'s lexer finds it: content lines run
   * while they are blank or indented at least `indentNext`; then, unless the
   * scalar keeps its trailing lines (`|+`), trailing blank lines are dropped.
   * `closedAt` is where js-yaml stopped reading it.
   */
  private blockScalarEnd(header: number, closedAt: number, parent: Frame | undefined): number {
    const input = this.input;
    const indentNext = this.blockIndentNext(header, parent);

    let keep = false;
    let index = header + 1;
    for (;; index += 1) {
      const char = input[index];
      if (char === '+') keep = true;
      // An explicit indentation indicator: js-yaml and `yaml` differ on its trailing lines.
      else if (char !== undefined && char > '0' && char <= '9') return notOnFastPath();
      else if (char !== '-') break;
    }
    // The rest of the header line (spaces, a comment) and its line break.
    const headerEnd = input.indexOf('\n', index);
    if (headerEnd === -1) return notOnFastPath();
    const contentStart = headerEnd + 1;

    let newline = contentStart - 1;
    let indent = 0;
    let blankIndent = 0;
    let position = contentStart;
    for (; position < input.length; position += 1) {
      const char = input[position];
      if (char === ' ') indent += 1;
      else if (char === '\n') {
        newline = position;
        blankIndent = Math.max(blankIndent, indent);
        indent = 0;
      } else if (char === '\r' && input[position + 1] === '\n') continue;
      else break;
    }
    // Leading blank lines indented past the first line of text are an error to `yaml` only.
    if (blankIndent > indent) return notOnFastPath();
    if (indent >= indentNext) {
      const required = indent;
      for (;;) {
        const next = continueBlock(input, newline + 1, required);
        if (next === -1) break;
        newline = input.indexOf('\n', next);
        if (newline === -1) {
          newline = input.length;
          break;
        }
      }
    }
    if (!keep) {
      for (;;) {
        let back = newline - 1;
        let char = input[back];
        if (char === '\r') char = input[--back];
        const lastChar = back;
        while (char === ' ') char = input[--back];
        if (char === '\n' && back >= contentStart && back + 1 + indent > lastChar) newline = back;
        else break;
      }
    }
    return Math.min(newline + 1, input.length);
  }

  /**
   * The column (0-based) of the node a scalar belongs to, as `yaml`'s lexer
   * counts it: the key's (`key: x`, `- key: x`, or `key:` with the value on
   * a later line) or the dash's (`- x`). Lines of the scalar must be
   * indented further.
   */
  private parentColumn(start: number, parent: Frame | undefined): number {
    const input = this.input;
    const lineStart = input.lastIndexOf('\n', start - 1) + 1;
    const item = /^( *)- +$/.exec(input.slice(lineStart, start));
    if (item) return item[1]!.length;
    const key = parent?.children?.[parent.children.length - 1];
    if (!key || key.kind !== 'scalar' || !separatesKeyAndValue.test(input.slice(key.end, start))) return notOnFastPath();
    const keyLineStart = input.lastIndexOf('\n', key.start - 1) + 1;
    if (!/^ *(?:- +)?$/.test(input.slice(keyLineStart, key.start))) return notOnFastPath();
    return key.start - keyLineStart;
  }

  /** Every line from `from` to `end` is blank or indented at least `indent`. */
  private checkContinuationLines(from: number, end: number, indent: number): void {
    const input = this.input;
    for (let line = from; line !== 0 && line <= end; line = input.indexOf('\n', line) + 1) {
      let column = line;
      while (input.charCodeAt(column) === 0x20) column += 1;
      const code = input.charCodeAt(column);
      if (column - line < indent && code !== 0x0a && code !== 0x0d) notOnFastPath();
    }
  }

  /**
   * The least indentation of a block scalar's content, as `yaml`'s lexer
   * sets it from the header's line: one more than the column of the key
   * (`key: |`, `- key: |`) or of the dash (`- |`).
   */
  private blockIndentNext(header: number, parent: Frame | undefined): number {
    return this.parentColumn(header, parent) + 1;
  }
}

/** From the end of a key to its value: the colon, then spaces, comments and line breaks. */
const separatesKeyAndValue = /^ *:(?: +|(?: *(?:#[^\n]*)?\r?\n)+ *)$/;

/** `yaml`'s lexer's test for one more line of a block scalar: blank, or indented enough. */
function continueBlock(input: string, offset: number, required: number): number {
  let indent = 0;
  let char = input[offset];
  while (char === ' ') char = input[++indent + offset];
  if (char === '\r' && input[indent + offset + 1] === '\n') return offset + indent + 1;
  return char === '\n' || (char !== undefined && indent >= required) ? offset + indent : -1;
}

/** The children of every scalar and empty node: one array, never written to, instead of one each. */
const noChildren: FastNode[] = [];

function node(kind: FastNode['kind'], start: number, end: number, children: FastNode[], nodeEnd = end): FastNode {
  // Every field from the start, `resolved` too, so that all nodes share one shape.
  return { kind, start, end, nodeEnd, text: '', plain: false, children, resolved: undefined };
}

/** Whether a line between `start` and `end` ends in a space or a tab (before `\n` or `\r\n`). */
function hasLineEndingInWhiteSpace(input: string, start: number, end: number): boolean {
  for (let lineBreak = input.indexOf('\n', start); lineBreak !== -1 && lineBreak < end; lineBreak = input.indexOf('\n', lineBreak + 1)) {
    let before = lineBreak - 1;
    if (input.charCodeAt(before) === 0x0d) before -= 1;
    const code = input.charCodeAt(before);
    if (before >= start && (code === 0x20 || code === 0x09)) return true;
  }
  return false;
}

/** Back over the spaces and line breaks js-yaml read past the end of a plain scalar. */
function trimEnd(input: string, position: number, start: number): number {
  let end = position;
  while (end > start) {
    const code = input.charCodeAt(end - 1);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d) break;
    end -= 1;
  }
  return end;
}

/** Past trailing spaces, a comment and one line break: where `yaml` ends a flow scalar's node. */
function lineEnd(input: string, from: number): number {
  let index = from;
  while (input.charCodeAt(index) === 0x20) index += 1;
  if (input.charCodeAt(index) === 0x23 /* # */) {
    const newline = input.indexOf('\n', index);
    index = newline === -1 ? input.length : newline;
    if (input.charCodeAt(index - 1) === 0x0d) index -= 1;
  }
  if (input.charCodeAt(index) === 0x0d && input.charCodeAt(index + 1) === 0x0a) return index + 2;
  if (input.charCodeAt(index) === 0x0a) return index + 1;
  return index;
}

const typedStart = new Set([...'-+.0123456789~nNtTfF'].map((char) => char.charCodeAt(0)));

/** The value `yaml`'s core schema gives a scalar: plain ones are typed (`1`, `true`, `~`), others are text. */
export function scalarValue(scalar: FastNode): unknown {
  if (!scalar.plain) return scalar.text;
  if (scalar.resolved !== undefined) return scalar.resolved;
  // Every core type starts with one of these (or is empty): other text is a string without a test.
  if (scalar.text !== '' && !typedStart.has(scalar.text.charCodeAt(0))) return scalar.text;
  const value = coreSchemaValue(scalar.text);
  scalar.resolved = value;
  return value;
}
