import type { Nodes, PhrasingContent, RootContent, TableCell } from 'mdast';
import { BoundedCache } from '../../model/bounded-cache.js';
import { isPlainProse } from '../markdown.js';
import { parseMarkdown } from '../markdown-parse.js';
import { withBasePath } from '../sanitize.js';
import { safeUrl } from '../templates.js';
import { share } from './serialize.js';

/**
 * A description as the Markdown copies show it, made once per base path and
 * text: a site repeats the same descriptions in every language and on many
 * pages. Its nodes are shared by every page that shows the text, so they
 * are never changed once made.
 */
export class CopyDescription {
  private squeezed: TableCell | null = null;

  constructor(
    /** Its blocks, for where it stands on its own (an entry's description, `polyref.json`). */
    readonly blocks: readonly RootContent[],
  ) {}

  /** The description in one table cell: its paragraphs' inline content, joined by spaces, on one line. */
  get cell(): TableCell {
    this.squeezed ??= share({ type: 'tableCell', children: inlineContent(this.blocks).map(singleLine) });
    return this.squeezed;
  }
}

/** Per base path, by text (the strings as read, whose hashes the engine keeps). */
const descriptions = new Map<string, BoundedCache<CopyDescription>>();

export function copyDescription(markdown: string, basePath: string): CopyDescription {
  let cache = descriptions.get(basePath);
  if (!cache) descriptions.set(basePath, (cache = new BoundedCache(4_000)));
  return cache.get(markdown, () => new CopyDescription(cleanBlocks(markdown, basePath).map(share)));
}

/** Without trailing spaces, tabs and line endings, which a paragraph drops (a loop: a regular expression would be quadratic on long runs of spaces). */
function withoutTrailingWhitespace(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t\r\n'.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * A final line ending only ends the last line: without it the text has the
 * same lines, so the same tree, and is the text the HTML pages parse for a
 * description written as a YAML block (`description: |`).
 */
const finalLineEnding = /(?<=[^\r\n])\n$/;

function cleanBlocks(markdown: string, basePath: string): RootContent[] {
  const prose = withoutTrailingWhitespace(markdown);
  // Plain prose parses to one paragraph holding its text: most descriptions need no parser.
  if (isPlainProse(prose)) return [{ type: 'paragraph', children: [text(prose)] }];
  return cleaned(parseMarkdown(markdown.replace(finalLineEnding, '')), basePath).children;
}

function inlineContent(blocks: readonly RootContent[]): PhrasingContent[] {
  const inline: PhrasingContent[] = [];
  const collect = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'paragraph' || node.type === 'heading') {
        if (inline.length > 0) inline.push(text(' '));
        inline.push(...node.children);
      } else if ('children' in node) {
        collect(node.children as RootContent[]);
      } else if (node.type === 'code') {
        if (inline.length > 0) inline.push(text(' '));
        inline.push({ type: 'inlineCode', value: node.value.replace(/\s+/g, ' ') });
      }
    }
  };
  collect(blocks);
  return inline;
}

/** A copy of phrasing content on one line: a line break would end the table row. */
function singleLine(node: PhrasingContent): PhrasingContent {
  if (node.type === 'break') return text(' ');
  if (node.type === 'text' || node.type === 'inlineCode') return { ...node, value: node.value.replace(/\s*\n\s*/g, ' ') };
  if ('children' in node) return { ...node, children: (node.children as PhrasingContent[]).map(singleLine) } as PhrasingContent;
  return node;
}

/**
 * The Markdown copies hold what the HTML pages show: raw HTML dropped, unsafe
 * URLs neutralised, root-relative links given the base path. A copy: the
 * parsed tree is shared with the HTML pages.
 */
function cleaned<T extends Nodes>(node: T, basePath: string): T {
  let copy: Nodes = node;
  if (copy.type === 'link' || copy.type === 'definition' || copy.type === 'image') {
    copy = { ...copy, url: safeUrl(withBasePath(copy.url, basePath)) };
  }
  if ('children' in copy) {
    const children = (copy.children as Nodes[]).filter((child) => child.type !== 'html').map((child) => cleaned(child, basePath));
    copy = { ...copy, children } as Nodes;
  }
  return copy as T;
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}
