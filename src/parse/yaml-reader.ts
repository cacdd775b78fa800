import type { Alias, Document, LineCounter, Node as YamlNode, Pair, ParsedNode, YAMLMap, YAMLSeq } from 'yaml';
import type { Diagnostic, LinkUse, Place } from '../model/types.js';
import { onDemand } from './load-on-demand.js';
import { placeOfOffset } from './place.js';
import { indentationMessage, indentationSlips } from './yaml-indentation.js';
import { setOwn, type Yaml, type YamlSource } from './yaml-source.js';

/** More alias expansions than this in one file is an attack, not a reference page. */
export const maxAliasExpansions = 1000;

export type { Yaml } from './yaml-source.js';

/** The reference reader runs only for pages the fast one leaves: a clean site never loads `yaml`. */
const yamlPackage = onDemand((require) => require('yaml') as typeof import('yaml'));

/**
 * Reads a YAML document node by node, keeping the place of each node in the
 * `.mdx` file and turning every unexpected shape into a diagnostic.
 */
export class YamlReader implements YamlSource {
  readonly diagnostics: Diagnostic[] = [];
  /** Links found in markdown values, with their places in the file. */
  readonly links: LinkUse[] = [];
  private aliasBudget = maxAliasExpansions;
  private outermostAlias: Alias | null = null;

  private constructor(
    readonly document: Document.Parsed,
    private readonly lineCounter: LineCounter,
    /** Lines in the file before the first YAML line. */
    private readonly lineOffset: number,
    private readonly source: string,
    /** Characters in the file's text before the first YAML character. */
    private readonly offset: number,
  ) {}

  static parse(yaml: string, firstLine: number, firstOffset = 0): YamlReader {
    const { LineCounter, parseDocument } = yamlPackage();
    const lineCounter = new LineCounter();
    const tooDeep = flowDepthOverflow(yaml);
    // Nesting that deep would only overflow the parser's stack (or worse): it is not parsed at all.
    const document = parseDocument(tooDeep === -1 ? yaml : '', { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
    const reader = new YamlReader(document, lineCounter, firstLine - 1, yaml, firstOffset);
    if (tooDeep !== -1) {
      reader.cyclic = true;
      const place = placeOfOffset(yaml, tooDeep);
      reader.diagnostics.push({
        ruleId: 'frontmatter-syntax',
        message: `Unexpected \`${yaml[tooDeep]}\` nested ${maxFlowDepth} levels deep, expected a small, finite frontmatter`,
        place: { ...place, line: place.line + firstLine - 1, endLine: place.endLine + firstLine - 1 },
      });
    }
    // A key indented unlike its siblings is the cause of the parser's errors from the line before it on.
    const slips = document.errors.length > 0 ? indentationSlips(yaml) : [];
    const explainedFrom = slips.length > 0 ? slips[0]!.line - 1 : Infinity;
    let lastExplained = -Infinity;
    for (const error of document.errors) {
      const endLine = lineCounter.linePos(error.pos[1]).line;
      if (endLine >= explainedFrom) {
        lastExplained = Math.max(lastExplained, endLine);
        continue;
      }
      let message = error.message.split('\n')[0]!.replace(/:$/, '');
      if (error.code === 'DUPLICATE_KEY') {
        const key = /^[^:\n]*/.exec(yaml.slice(error.pos[0]))![0].trim();
        message += ` (\`${key}\` appears twice)`;
      }
      reader.diagnostics.push({
        ruleId: 'frontmatter-syntax',
        message: `Unexpected YAML: ${message}`,
        place: reader.placeOfRange(unclosedFlowStart(yaml, message, error.pos[0]) ?? tokenStart(yaml, error.pos[0]), error.pos[1]),
      });
    }
    for (const slip of slips) {
      if (slip.line - 1 > lastExplained) break;
      reader.diagnostics.push({
        ruleId: 'frontmatter-syntax',
        message: indentationMessage(slip),
        place: reader.placeOfRange(slip.offset, slip.offset + slip.token.length),
      });
    }
    if (document.errors.length === 0) reader.reportCyclicAliases();
    return reader;
  }

  get ok(): boolean {
    return this.document.errors.length === 0 && !this.cyclic;
  }

  private cyclic = false;

  /** An alias inside the very node it names would expand forever: reported, and the document is not read. */
  private reportCyclicAliases(): void {
    if (!this.source.includes('*')) return;
    yamlPackage().visit(this.document, {
      Alias: (_key, alias, path) => {
        const target = alias.resolve(this.document);
        if (!target || !path.includes(target)) return;
        this.cyclic = true;
        this.report('frontmatter-syntax', `Unexpected alias \`*${alias.source}\` inside the node it refers to, expected a value that does not contain itself`, alias);
      },
    });
  }

  get root(): Yaml {
    return this.document.contents;
  }

  placeOfRange(start: number, end: number): Place {
    const from = this.lineCounter.linePos(start);
    const to = this.lineCounter.linePos(Math.max(start, end));
    return { line: from.line + this.lineOffset, column: from.col, endLine: to.line + this.lineOffset, endColumn: to.col };
  }

  place(node: Yaml | undefined): Place {
    const range = (node as ParsedNode | null | undefined)?.range;
    if (!range) return { line: this.lineOffset + 1, column: 1, endLine: this.lineOffset + 1, endColumn: 1 };
    return this.placeOfRange(range[0], range[1]);
  }

  /** The node's value as written (quotes, escapes, folds and all) and where it starts in the file's text. */
  raw(node: Yaml | undefined): { text: string; start: number } | null {
    const range = (node as ParsedNode | null | undefined)?.range;
    if (!range) return null;
    return { text: this.source.slice(range[0], range[1]), start: this.offset + range[0] };
  }

  /** The place of offsets in the file's text, as `raw` gives them. */
  placeOfFileRange(start: number, end: number): Place {
    return this.placeOfRange(start - this.offset, end - this.offset);
  }

  report(ruleId: string, message: string, node: Yaml | undefined, suggestions?: string[]): void {
    this.diagnostics.push({ ruleId, message, place: this.place(node), ...(suggestions ? { suggestions } : {}) });
  }

  shape(message: string, node: Yaml | undefined): void {
    this.report('frontmatter-shape', message, node);
  }

  /** Follows an alias to its anchor, within a budget that stops alias bombs. */
  deref(node: unknown): Yaml {
    if (node === null || node === undefined) return null;
    if (!yamlPackage().isAlias(node)) return node as YamlNode;
    // Anchors stand before their aliases, so the alias furthest into the text is the one being walked from the top.
    if (!this.outermostAlias || (node.range?.[0] ?? 0) > (this.outermostAlias.range?.[0] ?? 0)) this.outermostAlias = node;
    this.aliasBudget -= 1;
    if (this.aliasBudget < 0) {
      if (this.aliasBudget === -1) {
        const culprit = this.outermostAlias;
        this.report('frontmatter-syntax', `Unexpected alias \`*${culprit.source}\`: more than ${maxAliasExpansions} alias expansions, expected a small, finite frontmatter`, culprit);
      }
      return null;
    }
    return node.resolve(this.document) ?? null;
  }

  /** The pairs of a map with string keys, in document order, or null after reporting. */
  pairs(node: Yaml, what: string): Array<{ key: string; keyNode: Yaml; value: Yaml }> | null {
    const target = this.deref(node);
    if (!yamlPackage().isMap(target)) {
      this.shape(`Unexpected ${describe(target)} for ${what}, expected a map`, node);
      return null;
    }
    const result: Array<{ key: string; keyNode: Yaml; value: Yaml }> = [];
    for (const pair of (target as YAMLMap<unknown, unknown>).items as Array<Pair<unknown, unknown>>) {
      const keyNode = this.deref(pair.key);
      const key = yamlPackage().isScalar(keyNode) ? keyNode.value : undefined;
      if (typeof key !== 'string' && typeof key !== 'number') {
        this.shape(`Unexpected ${describe(keyNode)} as a key in ${what}, expected a name`, keyNode ?? node);
        continue;
      }
      result.push({ key: String(key), keyNode, value: this.deref(pair.value) });
    }
    return result;
  }

  /** The items of a list, or null after reporting. */
  items(node: Yaml, what: string): Yaml[] | null {
    const target = this.deref(node);
    if (!yamlPackage().isSeq(target)) {
      this.shape(`Unexpected ${describe(target)} for ${what}, expected a list`, node);
      return null;
    }
    return (target as YAMLSeq<unknown>).items.map((item) => this.deref(item));
  }

  /** A scalar as text; numbers and booleans are spelled as written. */
  text(node: Yaml, what: string): string | null {
    const target = this.deref(node);
    if (yamlPackage().isScalar(target) && target.value !== null && typeof target.value !== 'object') {
      return typeof target.value === 'string' ? target.value : (target.source ?? String(target.value));
    }
    this.shape(`Unexpected ${describe(target)} for ${what}, expected a string`, node);
    return null;
  }

  isMap(node: Yaml): boolean {
    return yamlPackage().isMap(node);
  }

  isString(node: Yaml): boolean {
    return yamlPackage().isScalar(node) && typeof node.value === 'string';
  }

  boolean(node: Yaml, what: string): boolean {
    const target = this.deref(node);
    if (yamlPackage().isScalar(target) && typeof target.value === 'boolean') return target.value;
    this.shape(`Unexpected ${describe(target)} for ${what}, expected \`true\` or \`false\``, node);
    return false;
  }

  /** Plain data for fields polyref passes through to templates. */
  plain(node: Yaml): unknown {
    const target = this.deref(node);
    if (yamlPackage().isScalar(target)) return target.value ?? null;
    if (yamlPackage().isSeq(target)) return (target as YAMLSeq<unknown>).items.map((item) => this.plain(this.deref(item)));
    if (yamlPackage().isMap(target)) {
      const result: Record<string, unknown> = {};
      for (const { key, value } of this.pairs(target, 'a field') ?? []) setOwn(result, key, this.plain(value));
      return result;
    }
    return null;
  }
}

/** Flow collections nested deeper than this are refused before any parser recurses into them. */
export const maxFlowDepth = 256;

/** The offset of the first `[` or `{` nested `maxFlowDepth` deep (quotes ignored: an estimate on the safe side), or -1. */
export function flowDepthOverflow(yaml: string): number {
  // Nesting needs as many openings: fewer of them (every real page) need no walk through the text.
  if (countUpTo(yaml, '[', maxFlowDepth) + countUpTo(yaml, '{', maxFlowDepth) < maxFlowDepth) return -1;
  let depth = 0;
  for (let index = 0; index < yaml.length; index += 1) {
    const code = yaml.charCodeAt(index);
    if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth >= maxFlowDepth) return index;
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) depth -= 1;
  }
  return -1;
}

function countUpTo(text: string, char: string, limit: number): number {
  let count = 0;
  for (let index = text.indexOf(char); index !== -1 && count < limit; index = text.indexOf(char, index + 1)) count += 1;
  return count;
}

/** An error placed on the spaces that indent a line stands at the line's first token. */
function tokenStart(yaml: string, offset: number): number {
  let lineStart = offset;
  while (lineStart > 0 && yaml[lineStart - 1] !== '\n') lineStart -= 1;
  if (yaml.slice(lineStart, offset).trim() !== '' || yaml[offset] !== ' ') return offset;
  let token = offset;
  while (yaml[token] === ' ') token += 1;
  return token;
}

/**
 * `yaml` reports an unclosed `[` or `{` where the input ends; the reader wants
 * the bracket that was never closed.
 */
function unclosedFlowStart(yaml: string, message: string, end: number): number | null {
  const kind = /^Flow (sequence|map)\b.*end with a [\]}]/.exec(message)?.[1];
  if (!kind) return null;
  const [open, close] = kind === 'sequence' ? ['[', ']'] : ['{', '}'];
  let depth = 0;
  for (let index = Math.min(end, yaml.length) - 1; index >= 0; index--) {
    const char = yaml[index];
    if (char === close) depth += 1;
    else if (char === open) {
      if (depth === 0) return index;
      depth -= 1;
    }
  }
  return null;
}

export function describe(node: Yaml | undefined): string {
  if (node === null || node === undefined) return 'empty value';
  if (yamlPackage().isMap(node)) return 'map';
  if (yamlPackage().isSeq(node)) return 'list';
  if (yamlPackage().isScalar(node)) {
    const value = node.value;
    if (value === null) return 'empty value';
    if (typeof value === 'string') return `string \`${truncate(value)}\``;
    return `${typeof value} \`${String(value)}\``;
  }
  return 'value';
}

function truncate(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}
