import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { parseMarkdown } from './markdown-parse.js';
import { rewriteLinks, sanitizeTree } from './sanitize.js';

/**
 * Plain prose (most descriptions) needs no parser: letters, digits, spaces and
 * punctuation that markdown gives no meaning to, on one line, starting with a letter.
 */
const plainProse = /^[A-Za-z][A-Za-z0-9 ,.;'"()?%+$-]*$/;

/** Whether trimmed markdown is plain prose: one paragraph whose text is the markdown itself. */
export function isPlainProse(text: string): boolean {
  // `www.` starts a link in GFM, even in otherwise plain prose.
  return plainProse.test(text) && !text.includes('  ') && !/www\./i.test(text);
}

/** Markdown to sanitized HTML, each distinct text rendered once per build. */
export class MarkdownRenderer {
  private readonly cache = new Map<string, string>();

  constructor(private readonly basePath: string) {}

  render(markdown: string): string {
    let html = this.cache.get(markdown);
    if (html === undefined) {
      html = this.renderUncached(markdown);
      this.cache.set(markdown, html);
    }
    return html;
  }

  renderUncached(markdown: string): string {
    const text = markdown.trim();
    if (isPlainProse(text)) return `<p>${escapeHtml(text)}</p>`;
    return renderMarkdown(text, this.basePath);
  }
}

export function renderMarkdown(markdown: string, basePath: string): string {
  // Shared with the Markdown copies, which show the same descriptions: read, never changed.
  const tree = parseMarkdown(markdown);
  // Raw HTML in markdown is dropped here (no allowDangerousHtml), then sanitized again.
  const hast = sanitizeTree(toHast(tree) as HastRoot);
  rewriteLinks(hast, basePath);
  return toHtml(hast);
}

/** Escapes text as hast-util-to-html does, so both paths give the same bytes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;');
}
