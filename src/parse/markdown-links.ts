import type { Nodes } from 'mdast';
import { onDemand } from './load-on-demand.js';

/**
 * Plain CommonMark: GFM adds no link a page can point at (its autolinks are
 * external, footnotes are not links) and costs several times more to parse.
 */
const parser = onDemand((require) => {
  const { unified } = require('unified') as typeof import('unified');
  const { default: remarkParse } = require('remark-parse') as typeof import('remark-parse');
  return unified().use(remarkParse).freeze();
});

/**
 * Every link a markdown string can hold has a `]` followed by `(` (inline),
 * `[` (reference) or `:` (definition); text without one is not parsed at all.
 * Autolinks (`<https://…>`, bare `www.`) are always external and never checked.
 */
const linkSyntax = /\][([:]/;

/** URLs of the links and link definitions of a markdown string, in document order. Never renders. */
export function markdownLinkUrls(markdown: string): string[] {
  if (!linkSyntax.test(markdown)) return [];
  return inlineLinkUrls(markdown) ?? parsedLinkUrls(markdown);
}

/** What the CommonMark parser finds: the reference `inlineLinkUrls` must agree with. */
export function parsedLinkUrls(markdown: string): string[] {
  const urls: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'definition') urls.push(node.url);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parser().parse(markdown));
  return urls;
}

/**
 * Anything that could make a `[text](url)` mean something else, or hide it:
 * escapes and code spans (`\`, a backtick), HTML and angle-bracketed
 * destinations (`<`), images (`![`), fenced code (`~~~`; backtick fences are
 * already out), indented code (four spaces in a row, which every indented
 * code block needs, tabs being out too), and control characters (tabs,
 * carriage returns, NUL) that the parser rewrites or measures differently.
 */
const mayHideLinks = /[\\`<\x00-\x09\x0b-\x1f\x7f]|!\[|~~~| {4}/;

/**
 * `[label](url)`: an inline link whose label holds no bracket or line break
 * and whose destination is bare (no spaces, parentheses, brackets, title,
 * escapes or character references), so that what is written is the URL the
 * parser gives. The body reader finds the links of simple paragraphs with it too.
 */
export const simpleInlineLink = /\[([^[\]\n]*)\]\(([^\s()<>[\]\\&]*)\)/g;

/**
 * The URLs of markdown whose only brackets are simple inline links, read
 * without a parser: most descriptions are prose with a link or two, and a
 * full parse of each costs more than all the rest of reading a page. Null
 * when the text holds anything else (a reference link, a definition, a
 * bracket of its own, or any construct in `mayHideLinks`): only the parser
 * can say what that means. Where it answers, it answers as the parser does;
 * a property test holds it to that.
 */
export function inlineLinkUrls(markdown: string): string[] | null {
  if (mayHideLinks.test(markdown)) return null;
  const urls: string[] = [];
  const rest = markdown.replace(simpleInlineLink, (_link, _label, url: string) => {
    urls.push(url);
    return '';
  });
  return rest.includes('[') || rest.includes(']') ? null : urls;
}
