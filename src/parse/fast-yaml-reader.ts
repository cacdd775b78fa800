import type { Diagnostic, LinkUse, Place } from '../model/types.js';
import { NotOnFastPath, readFastTree, scalarValue, type FastNode } from './fast-yaml-tree.js';
import { LineIndex } from './line-index.js';
import { setOwn, type Yaml, type YamlPair, type YamlSource } from './yaml-source.js';

/**
 * The model reader over js-yaml's fast parse. It reads only pages without a
 * problem: the first unexpected shape stops it (`NotOnFastPath`) and the
 * page is read again by the reference `YamlReader`, which words every
 * diagnostic. Whatever it does read, it reads exactly as the reference does,
 * places and values included; the `parse-fast-` tests hold it to that.
 */
export class FastYamlReader implements YamlSource {
  readonly diagnostics: Diagnostic[] = [];
  readonly links: LinkUse[] = [];
  private lines: LineIndex | null = null;

  private constructor(
    readonly root: FastNode | null,
    private readonly source: string,
    /** Lines in the file before the first YAML line. */
    private readonly lineOffset: number,
    /** Characters in the file's text before the first YAML character. */
    private readonly offset: number,
  ) {}

  /** Throws `NotOnFastPath` when the YAML is outside what this reader places exactly. */
  static parse(yaml: string, firstLine: number, firstOffset = 0): FastYamlReader {
    return new FastYamlReader(readFastTree(yaml), yaml, firstLine - 1, firstOffset);
  }

  placeOfRange(start: number, end: number): Place {
    const lines = (this.lines ??= new LineIndex(this.source));
    // Two lookups and one object: a page asks for thousands of places.
    const to = Math.max(start, end);
    const line = lines.line(start);
    const endLine = lines.line(to);
    return { line: line + this.lineOffset, column: lines.column(start, line), endLine: endLine + this.lineOffset, endColumn: lines.column(to, endLine) };
  }

  place(node: Yaml | undefined): Place {
    const fast = node as FastNode | null | undefined;
    if (!fast) return { line: this.lineOffset + 1, column: 1, endLine: this.lineOffset + 1, endColumn: 1 };
    return this.placeOfRange(fast.start, fast.end);
  }

  placeOfFileRange(start: number, end: number): Place {
    return this.placeOfRange(start - this.offset, end - this.offset);
  }

  raw(node: Yaml | undefined): { text: string; start: number } | null {
    const fast = node as FastNode | null | undefined;
    if (!fast) return null;
    return { text: this.source.slice(fast.start, fast.end), start: this.offset + fast.start };
  }

  shape(): never {
    throw NotOnFastPath.signal;
  }

  deref(node: unknown): Yaml {
    return (node as FastNode | null | undefined) ?? null;
  }

  pairs(node: Yaml): YamlPair[] {
    const map = node as FastNode | null;
    if (map?.kind !== 'map') return this.shape();
    const pairs: YamlPair[] = [];
    const children = map.children;
    for (let index = 0; index < children.length; index += 2) {
      const keyNode = children[index]!;
      const value = children[index + 1]!;
      pairs.push({ key: String(scalarValue(keyNode)), keyNode, value });
    }
    return pairs;
  }

  items(node: Yaml): Yaml[] {
    const seq = node as FastNode | null;
    if (seq?.kind !== 'seq') return this.shape();
    return seq.children;
  }

  text(node: Yaml): string {
    const scalar = node as FastNode | null;
    if (scalar?.kind !== 'scalar') return this.shape();
    const value = scalarValue(scalar);
    if (typeof value === 'string') return value;
    if (value === null || typeof value === 'object') return this.shape();
    return scalar.text;
  }

  boolean(node: Yaml): boolean {
    const scalar = node as FastNode | null;
    const value = scalar?.kind === 'scalar' ? scalarValue(scalar) : undefined;
    return typeof value === 'boolean' ? value : this.shape();
  }

  plain(node: Yaml): unknown {
    const fast = node as FastNode | null;
    if (!fast || fast.kind === 'empty') return null;
    if (fast.kind === 'scalar') return scalarValue(fast);
    if (fast.kind === 'seq') return fast.children.map((item) => this.plain(item));
    const result: Record<string, unknown> = {};
    for (const { key, value } of this.pairs(fast)) setOwn(result, key, this.plain(value));
    return result;
  }

  isMap(node: Yaml): boolean {
    return (node as FastNode | null)?.kind === 'map';
  }

  isString(node: Yaml): boolean {
    const scalar = node as FastNode | null;
    return scalar?.kind === 'scalar' && typeof scalarValue(scalar) === 'string';
  }
}
