import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { contentSchema } from '../parse/html-elements.js';

/** The element standing where polyref inserts HTML it made itself (components, highlighted code). */
export const slotTagName = 'polyref-slot';

/**
 * The schema content is held to (GitHub's), plus the slot element. Content
 * can never produce a slot: raw HTML in markdown is dropped before this
 * schema runs, and `<polyref-slot>` written in MDX is not an element the
 * content schema allows, so the parse stage reported it and left it out.
 */
const schema: Schema = {
  ...contentSchema(),
  tagNames: [...(contentSchema().tagNames ?? []), slotTagName],
  attributes: { ...contentSchema().attributes, [slotTagName]: ['dataSlot'] },
};

export function sanitizeTree(tree: HastRoot): HastRoot {
  return sanitize(tree, schema) as HastRoot;
}

/**
 * Root-relative links get the base path: `/reference/x` → `/docs/reference/x`.
 * A link written with it already (`/docs/reference/x`, `/docs`), which `check`
 * accepts, keeps it once.
 */
export function withBasePath(url: string, basePath: string): string {
  if (basePath === '/' || !url.startsWith('/') || url.startsWith('//') || hasBasePath(url, basePath)) return url;
  return `${basePath}${url.slice(1)}`;
}

/** `/docs/x`, `/docs`, `/docs?lang=go` and `/docs#top` start with base path `/docs/`; `/docsearch` does not. */
function hasBasePath(url: string, basePath: string): boolean {
  if (url.startsWith(basePath)) return true;
  const bare = basePath.slice(0, -1);
  return url.startsWith(bare) && (url.length === bare.length || url[bare.length] === '?' || url[bare.length] === '#');
}

export function rewriteLinks(tree: HastNodes, basePath: string): void {
  if (basePath === '/') return;
  const visit = (node: HastNodes): void => {
    if (node.type === 'element') {
      rewrite(node, 'href', basePath);
      rewrite(node, 'src', basePath);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

function rewrite(element: Element, name: 'href' | 'src', basePath: string): void {
  const value = element.properties[name];
  if (typeof value === 'string') element.properties[name] = withBasePath(value, basePath);
}
