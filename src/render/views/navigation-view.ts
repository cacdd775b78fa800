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
  /** From the top of the sidebar down to the current page, which comes last. */
  breadcrumbs: LinkView[];
  /** Neighbours of the current page in sidebar order; null at either end or off the sidebar. */
  previous: LinkView | null;
  next: LinkView | null;
  hasNeighbours: boolean;
}

export interface LinkView {
  title: string;
  href: string | null;
  current: boolean;
}

/**
 * The sidebar of a page: the nearest `_navigation.mdx` in its folder or
 * above, or else the folder tree of every page.
 */
export function navigationView(page: Pick<ParsedPage, 'relativePath' | 'url'>, index: SiteIndex, basePath: string, folderTree: NavigationLink[]): NavigationView {
  for (let folder = path.dirname(page.relativePath); ; folder = path.dirname(folder)) {
    const found = index.navigation.get(folder === '.' ? '' : folder);
    if (found) return withNeighbours(found.value.title, linkViews(found.value.links, page.url, basePath), page.url === '/');
    if (folder === '.' || folder === '/') break;
  }
  return withNeighbours(null, linkViews(folderTree, page.url, basePath), page.url === '/');
}

function withNeighbours(title: string | null, links: NavigationItemView[], isHome: boolean): NavigationView {
  const breadcrumbs: LinkView[] = [];
  for (let level = links.find((link) => link.open); level; level = level.links.find((link) => link.open)) {
    breadcrumbs.push({ title: level.title, href: level.href, current: level.current });
    if (level.current) break;
  }
  // Every linked page in reading order, each once, for previous and next.
  const order: NavigationItemView[] = [];
  const seen = new Set<string>();
  const flatten = (items: NavigationItemView[]): void => {
    for (const item of items) {
      if (item.href !== null && !seen.has(item.href.replace(/#.*$/, ''))) {
        seen.add(item.href.replace(/#.*$/, ''));
        order.push(item);
      }
      flatten(item.links);
    }
  };
  flatten(links);
  const position = order.findIndex((item) => item.current);
  // A home page the sidebar leaves out stands before everything it lists.
  const placed = position !== -1 || isHome;
  const neighbour = (offset: number): LinkView | null => {
    const item = placed ? order[position + offset] : undefined;
    return item ? { title: item.title, href: item.href, current: false } : null;
  };
  const previous = neighbour(-1);
  const next = neighbour(1);
  return { title, links, breadcrumbs, previous, next, hasNeighbours: previous !== null || next !== null };
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

/**
 * Pages nested by folder, each folder titled by its index page or its name.
 * A folder with its own `_navigation.mdx` shows that navigation instead, so
 * pages above it (the home page) list its pages as its own pages do.
 */
export function folderTree(pages: ParsedPage[], navigation: SiteIndex['navigation'] = new Map()): NavigationLink[] {
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
  const folders = [...navigation.keys()].filter((folder) => folder !== '').sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  for (const folder of folders) {
    const node = byUrl.get(`/${folder}`);
    const found = navigation.get(folder);
    if (!node || !found) continue;
    node.links = found.value.links;
    if (found.value.title) node.title = found.value.title;
  }
  return root.links;
}

function titleFromSegment(segment: string): string {
  const words = segment.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
