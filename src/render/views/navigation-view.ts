import path from 'node:path/posix';
import type { SiteIndex } from '../../index/site-index.js';
import type { NavigationLink, ParsedPage } from '../../model/types.js';
import { withBasePath } from '../sanitize.js';

export interface NavigationItemView {
  title: string;
  href: string | null;
  current: boolean;
  /** The current page is this item or below it. */
  open: boolean;
  links: NavigationItemView[];
}

export interface NavigationView {
  title: string | null;
  links: NavigationItemView[];
}

/**
 * The sidebar of a page: the nearest `_navigation.mdx` in its folder or
 * above, or else the folder tree of every page.
 */
export function navigationView(page: ParsedPage, index: SiteIndex, basePath: string, folderTree: NavigationLink[]): NavigationView {
  for (let folder = path.dirname(page.relativePath); ; folder = path.dirname(folder)) {
    const found = index.navigation.get(folder === '.' ? '' : folder);
    if (found) return { title: found.value.title, links: linkViews(found.value.links, page.url, basePath) };
    if (folder === '.' || folder === '/') break;
  }
  return { title: null, links: linkViews(folderTree, page.url, basePath) };
}

function linkViews(links: NavigationLink[], currentUrl: string, basePath: string): NavigationItemView[] {
  return links.map((link) => {
    const children = linkViews(link.links, currentUrl, basePath);
    const current = link.url !== '' && stripFragment(link.url) === currentUrl;
    return {
      title: link.title,
      href: link.url ? withBasePath(link.url, basePath) : null,
      current,
      open: current || children.some((child) => child.open),
      links: children,
    };
  });
}

function stripFragment(url: string): string {
  const bare = url.replace(/[?#].*$/, '');
  return bare.length > 1 ? bare.replace(/\/$/, '') : bare;
}

/** Pages nested by folder, each folder titled by its index page or its name. */
export function folderTree(pages: ParsedPage[]): NavigationLink[] {
  const root: NavigationLink = { title: '', url: '/', links: [], place: { line: 1, column: 1, endLine: 1, endColumn: 1 } };
  const byUrl = new Map<string, NavigationLink>([['/', root]]);
  const ensure = (url: string): NavigationLink => {
    let node = byUrl.get(url);
    if (node) return node;
    const parent = ensure(path.dirname(url));
    node = { title: titleFromSegment(path.basename(url)), url: '', links: [], place: root.place };
    parent.links.push(node);
    byUrl.set(url, node);
    return node;
  };
  for (const page of pages) {
    if (page.kind !== 'page' || page.url === '/') continue;
    const node = ensure(page.url);
    node.url = page.url;
    node.title = page.title ?? node.title;
  }
  return root.links;
}

function titleFromSegment(segment: string): string {
  const words = segment.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
