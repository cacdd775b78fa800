import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The same markdown dialect descriptions render with. */
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

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
