import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * Plain CommonMark: GFM adds no link a page can point at (its autolinks are
 * external, footnotes are not links) and costs several times more to parse.
 */
const parser = unified().use(remarkParse).freeze();

/**
 * Every link a markdown string can hold has a `]` followed by `(` (inline),
 * `[` (reference) or `:` (definition); text without one is not parsed at all.
 * Autolinks (`<https://…>`, bare `www.`) are always external and never checked.
 */
const linkSyntax = /\][([:]/;

/** URLs of the links and link definitions of a markdown string, in document order. Never renders. */
export function markdownLinkUrls(markdown: string): string[] {
  if (!linkSyntax.test(markdown)) return [];
  const urls: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'definition') urls.push(node.url);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parser.parse(markdown));
  return urls;
}
