import type { Element, Nodes as HastNodes } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlElement, type HtmlJsxElement } from '../html-element.js';
import { rewriteLinks, sanitizeTree } from '../sanitize.js';

declare module 'hast' {
  interface ElementData {
    /** On the element whose tags are wanted, among the elements around it; kept through sanitizing, as `data` is. */
    tagsWanted?: true;
  }
}

export interface HtmlTags {
  open: string;
  /** Empty for a void element (`<br>`, `<img>`). */
  close: string;
}

/**
 * The tags of the last element of `elements` (an HTML element written in
 * MDX, inside the ones before it) as the HTML page shows them: sanitized
 * with the elements around it, since a `<td>` is kept only inside a
 * `<table>`, and with root-relative links given the base path. Null when
 * sanitizing drops the element; what it holds is shown without it.
 */
export function htmlTags(elements: readonly HtmlJsxElement[], basePath: string): HtmlTags | null {
  let nested: Element | null = null;
  for (let index = elements.length - 1; index >= 0; index--) {
    const element = htmlElement(elements[index]!, nested ? [nested] : []);
    if (!nested) element.data = { tagsWanted: true };
    nested = element;
  }
  if (!nested) return null;
  const wanted = find(sanitizeTree({ type: 'root', children: [nested] }));
  if (!wanted) return null;
  const bare: Element = { ...wanted, children: [] };
  rewriteLinks(bare, basePath);
  const html = toHtml(bare);
  const close = `</${bare.tagName}>`;
  return html.endsWith(close) ? { open: html.slice(0, -close.length), close } : { open: html, close: '' };
}

function find(node: HastNodes): Element | null {
  if (node.type === 'element' && node.data?.tagsWanted) return node;
  if (!('children' in node)) return null;
  for (const child of node.children) {
    const found = find(child);
    if (found) return found;
  }
  return null;
}
