import type {} from 'mdast-util-mdx';
import type { Nodes, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Point, Position } from 'unist';
import type { ComponentUse, Diagnostic, Heading, LinkUse, Place } from '../model/types.js';
import { isHtmlElementName, isSafeHtmlElement } from './html-elements.js';
import { onDemand } from './load-on-demand.js';
import { shapeChildren } from './renderable-tree.js';
import { readSimpleBody } from './simple-body.js';

const mdxParser = onDemand((require) => {
  const { unified } = require('unified') as typeof import('unified');
  const { default: remarkParse } = require('remark-parse') as typeof import('remark-parse');
  const { default: remarkMdx } = require('remark-mdx') as typeof import('remark-mdx');
  const { default: remarkGfm } = require('remark-gfm') as typeof import('remark-gfm');
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();
});

export interface Body {
  tree: Root | null;
  components: ComponentUse[];
  headings: Heading[];
  links: LinkUse[];
  diagnostics: Diagnostic[];
}

export interface BodyOptions {
  /** 1-based line and 0-based offset of the body in the file. */
  line: number;
  offset: number;
  /** Keep the tree for rendering; `check` drops it as soon as its facts are read. */
  keepTree: boolean;
}

/**
 * Reads the MDX body on its own (the frontmatter never goes through
 * micromark) and reports places in the file's own lines. Without a tree to
 * keep, a simple body is read without the parser.
 */
export function parseBody(body: string, options: BodyOptions): Body {
  const simple = options.keepTree ? null : readSimpleBody(body, options.line);
  return simple ? { tree: null, ...simple, diagnostics: [] } : parseMdxBody(body, options);
}

/** Parses the body with remark (MDX and GFM): every body, whatever it holds. */
export function parseMdxBody(body: string, options: BodyOptions): Body {
  const result: Body = { tree: null, components: [], headings: [], links: [], diagnostics: [] };
  let tree: Root;
  try {
    tree = mdxParser().parse(body);
  } catch (error) {
    result.diagnostics.push(syntaxDiagnostic(error, options));
    return result;
  }
  const shift = (point: Point | undefined): Point | undefined =>
    point && { line: point.line + options.line - 1, column: point.column, offset: (point.offset ?? 0) + options.offset };
  const placeOf = (position: Position | undefined): Place => {
    const start = shift(position?.start) ?? { line: options.line, column: 1 };
    const end = shift(position?.end) ?? start;
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };

  const visit = (node: Nodes, parent: string | null): void => {
    switch (node.type) {
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        if (node.name === null) break;
        if (isHtmlElementName(node.name)) {
          readAttributes(node, body, placeOf, result.diagnostics);
          if (!isSafeHtmlElement(node.name)) result.diagnostics.push(unsafeHtmlDiagnostic(node.name, placeOf(node.position)));
        } else {
          result.components.push(readComponent(node, parent, body, placeOf, result.diagnostics));
          parent = node.name;
        }
        break;
      case 'mdxjsEsm':
        result.diagnostics.push({
          ruleId: 'mdx-unsupported',
          message: 'Unexpected `import`/`export`: pages are not executed, expected markdown and components only',
          place: placeOf(node.position),
        });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(node)) {
          result.diagnostics.push({
            ruleId: 'mdx-unsupported',
            message: `Unexpected expression \`{${abbreviate(node.value)}}\`: pages are not executed, expected literal text`,
            place: placeOf(node.position),
          });
        }
        break;
      case 'heading':
        result.headings.push({ depth: node.depth, text: textOf(node) });
        break;
      case 'link':
      case 'definition':
        result.links.push({ url: node.url, place: placeOf(node.position) });
        break;
    }
    if ('children' in node) {
      const children = node.children as RootContent[];
      for (const child of children) visit(child, parent);
      if (options.keepTree) shapeChildren(children);
    }
    if (options.keepTree) {
      // Rendering needs no places and no estree: drop them to keep the tree small.
      delete node.position;
      if (node.data && 'estree' in node.data) delete node.data.estree;
    }
  };
  visit(tree, null);
  if (options.keepTree) result.tree = tree;
  return result;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

function readComponent(
  node: JsxElement,
  parent: string | null,
  body: string,
  placeOf: (position: Position | undefined) => Place,
  diagnostics: Diagnostic[],
): ComponentUse {
  return { name: node.name ?? '', attributes: readAttributes(node, body, placeOf, diagnostics), place: placeOf(node.position), parent };
}

/** The literal attributes of a component or an HTML element; those written as expressions are reported. */
function readAttributes(
  node: JsxElement,
  body: string,
  placeOf: (position: Position | undefined) => Place,
  diagnostics: Diagnostic[],
): ComponentUse['attributes'] {
  const name = node.name ?? '';
  const attributes: ComponentUse['attributes'] = {};
  for (const attribute of node.attributes as Array<MdxJsxAttribute | MdxJsxExpressionAttribute>) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      diagnostics.push({
        ruleId: 'mdx-unsupported',
        message: `Unexpected spread attribute \`{${abbreviate(attribute.value)}}\` on \`<${name}>\`, expected literal attributes`,
        place: placeOf(attribute.position ?? node.position),
      });
      continue;
    }
    const place = placeOf(attribute.position ?? node.position);
    if (attribute.value === null || attribute.value === undefined) {
      attributes[attribute.name] = { value: true, place };
    } else if (typeof attribute.value === 'string') {
      attributes[attribute.name] = { value: attribute.value, place: placeOf(valuePosition(attribute.position, body)) };
    } else {
      diagnostics.push({
        ruleId: 'mdx-unsupported',
        message: `Unexpected expression \`${attribute.name}={${abbreviate(attribute.value.value)}}\` on \`<${name}>\`, expected a quoted value such as \`${attribute.name}="…"\``,
        place,
      });
    }
  }
  return attributes;
}

function unsafeHtmlDiagnostic(name: string, place: Place): Diagnostic {
  return {
    ruleId: 'unsafe-html',
    message: `Unexpected HTML element \`<${name}>\`, expected one that is safe to show, such as \`<div>\`, \`<details>\` or \`<img>\``,
    place,
  };
}

/** `name="value"` → the place of `"value"`, quotes included, as YAML places quoted values. */
function valuePosition(position: Position | undefined, body: string): Position | undefined {
  const start = position?.start.offset;
  const end = position?.end.offset;
  if (!position || start === undefined || end === undefined) return position;
  const source = body.slice(start, end);
  const quote = /=\s*(["'])/.exec(source);
  if (!quote || !source.endsWith(quote[1]!)) return position;
  const valueStart = start + quote.index + quote[0].length - 1;
  return { start: pointAt(body, position.start, start, valueStart), end: position.end };
}

/** The point at `offset`, counted forward from a known point. */
function pointAt(text: string, from: Point, fromOffset: number, offset: number): Point {
  let { line, column } = from;
  for (let index = fromOffset; index < offset; index++) {
    if (text.charCodeAt(index) === 10) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
  }
  return { line, column, offset };
}

/** Positions written inside a parser's message, `(4:1-4:22)`, counted from the body. */
const embeddedPosition = /\((\d+):(\d+)-(\d+):(\d+)\)/g;

function syntaxDiagnostic(error: unknown, options: BodyOptions): Diagnostic {
  const message = error as { reason?: string; message?: string; place?: Position | Point; line?: number; column?: number };
  const toFileLine = (line: number) => line + options.line - 1;
  const reason = (message.reason ?? message.message ?? String(error)).replace(
    embeddedPosition,
    (_match, line: string, column: string, endLine: string, endColumn: string) =>
      `(${toFileLine(Number(line))}:${column}-${toFileLine(Number(endLine))}:${endColumn})`,
  );
  let place: Place;
  if (message.place && 'start' in message.place) {
    const { start, end } = message.place;
    place = { line: toFileLine(start.line), column: start.column, endLine: toFileLine(end.line), endColumn: end.column };
  } else if (message.place) {
    place = { line: toFileLine(message.place.line), column: message.place.column, endLine: toFileLine(message.place.line), endColumn: message.place.column };
  } else {
    // Some errors carry their position only in the text: `Expected a closing tag for <X> (3:1-3:22)`.
    const embedded = /\((\d+):(\d+)-(\d+):(\d+)\)/.exec(reason);
    place = embedded
      ? { line: Number(embedded[1]), column: Number(embedded[2]), endLine: Number(embedded[3]), endColumn: Number(embedded[4]) }
      : { line: options.line, column: 1, endLine: options.line, endColumn: 1 };
  }
  return { ruleId: 'mdx-syntax', message: `Unexpected MDX: ${reason}`, place };
}

function isCommentOnly(node: { data?: { estree?: { body: unknown[] } | null } }): boolean {
  return node.data?.estree?.body.length === 0;
}

export function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

function abbreviate(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > 30 ? `${oneLine.slice(0, 27)}...` : oneLine;
}
