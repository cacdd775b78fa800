import path from 'node:path/posix';
import { titleFromUrl } from '../../index/page-titles.js';
import type { SiteIndex } from '../../index/site-index.js';
import type { NavigationLink, ParsedPage } from '../../model/types.js';
import { withBasePath } from '../sanitize.js';

export interface NavigationItemView {
  title: string;
  href: string | null;
  current: boolean;
  /** The current page is this item or below it. */
  open: boolean;
  /** The item has links below it, whether this page lists them (`links`) or leaves them folded (`linksId`). */
  hasLinks: boolean;
  /** The links below, as this page lists them: none for a folded section. */
  links: NavigationItemView[];
  /**
   * A folded section (a page with links below it, off the way to the current
   * page) leaves its links out of the page: this is its id in the navigation
   * file (`NavigationView.linksFile`), which lists them once for every page.
   */
  linksId: string | null;
}

export interface NavigationView {
  title: string | null;
  /** The shared file of the sidebar's sections, fetched by the script to unfold a folded one. */
  linksFile: string;
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

/** The links of one section, as the navigation file lists them for the script. */
export interface NavigationSectionView {
  id: string;
  links: NavigationItemView[];
}

/**
 * The sidebar of a page: the nearest `_navigation.mdx` in its folder or
 * above, or else the folder tree of every page. It lists the top level and
 * the way down to the current page; the other sections come folded, their
 * links left to the navigation file, so that a page's size does not grow
 * with the size of the site.
 */
export function navigationView(page: Pick<ParsedPage, 'relativePath' | 'url'>, index: SiteIndex, basePath: string, folderTree: NavigationLink[]): NavigationView {
  for (let folder = path.dirname(page.relativePath); ; folder = path.dirname(folder)) {
    const key = folder === '.' ? '' : folder;
    const found = index.navigation.get(key);
    if (found) return sidebarView(found.value.title, key, found.value.links, page.url, basePath);
    if (folder === '.' || folder === '/') break;
  }
  // Without a `_navigation.mdx` at the root, the folder tree stands in for it there.
  return sidebarView(null, '', folderTree, page.url, basePath);
}

/**
 * `assets/nav/reference/_navigation.json` for `content/reference/_navigation.mdx`:
 * the navigation file's own path, so that no two sidebars share one. The
 * folder tree, used only where the root has no `_navigation.mdx`, takes the
 * root's name.
 */
export function navigationFilePath(folder: string): string {
  return `assets/nav/${folder === '' ? '' : `${folder}/`}_navigation.json`;
}

/**
 * Every section of a sidebar (a link with links below it) with the links
 * directly below it, in sidebar order, as a page that is in none of them
 * shows them: sections below are folded in turn, headings (links without a
 * page) always list theirs.
 */
export function navigationSections(links: NavigationLink[], basePath: string): NavigationSectionView[] {
  const sections: NavigationSectionView[] = [];
  const visit = (level: NavigationLink[], prefix: string): void => {
    level.forEach((link, position) => {
      const id = childId(prefix, position);
      if (isSection(link)) sections.push({ id, links: itemViews(link.links, id, noPage, basePath) });
      visit(link.links, id);
    });
  };
  visit(links, '');
  return sections;
}

function sidebarView(title: string | null, folder: string, links: NavigationLink[], currentUrl: string, basePath: string): NavigationView {
  const outline = outlineOf(links, basePath);
  const here = { url: currentUrl, open: new Set(outline.waysTo.get(currentUrl)) };
  const items = itemViews(links, '', here, basePath);
  const breadcrumbs: LinkView[] = [];
  for (let level = items.find((link) => link.open); level; level = level.links.find((link) => link.open)) {
    breadcrumbs.push({ title: level.title, href: level.href, current: level.current });
    if (level.current) break;
  }
  const position = outline.positions.get(currentUrl) ?? -1;
  // A home page the sidebar leaves out stands before everything it lists.
  const placed = position !== -1 || currentUrl === '/';
  const neighbour = (offset: number): LinkView | null => {
    const item = placed ? outline.order[position + offset] : undefined;
    return item ? { title: item.title, href: item.href, current: false } : null;
  };
  const previous = neighbour(-1);
  const next = neighbour(1);
  const linksFile = withBasePath(`/${navigationFilePath(folder).split('/').map(encodeURIComponent).join('/')}`, basePath);
  return { title, linksFile, links: items, breadcrumbs, previous, next, hasNeighbours: previous !== null || next !== null };
}

/** The current page's URL and the links on the way to it (itself included), open. */
interface Here {
  url: string | null;
  open: Set<NavigationLink>;
}

const noPage: Here = { url: null, open: new Set() };

/** Views of `links`: open items and headings list their links, other sections come folded. */
function itemViews(links: NavigationLink[], prefix: string, here: Here, basePath: string): NavigationItemView[] {
  return links.map((link, position) => {
    const id = childId(prefix, position);
    const open = here.open.has(link);
    const hasLinks = link.links.length > 0;
    const folded = isSection(link) && !open;
    return {
      title: link.title,
      href: link.url ? withBasePath(link.url, basePath) : null,
      current: link.url !== '' && here.url !== null && stripFragment(link.url) === here.url,
      open,
      hasLinks,
      links: folded ? [] : itemViews(link.links, id, here, basePath),
      linksId: folded ? id : null,
    };
  });
}

/** A link with a page and links below it: what a page may show folded, and a navigation file lists. */
function isSection(link: NavigationLink): boolean {
  return link.url !== '' && link.links.length > 0;
}

/** `2-1-3`: the third link below the first below the second, as stable as the navigation file's order. */
function childId(prefix: string, position: number): string {
  return prefix === '' ? String(position + 1) : `${prefix}-${position + 1}`;
}

/** What every page of one sidebar looks up in it, found once per sidebar rather than once per page. */
interface Outline {
  /** Every linked page in reading order, each once, for previous and next. */
  order: LinkView[];
  /** Page URL → its first place in `order`. */
  positions: Map<string, number>;
  /** Page URL → the links that stand for it and every link above them. */
  waysTo: Map<string, NavigationLink[]>;
}

const outlines = new WeakMap<NavigationLink[], Map<string, Outline>>();

function outlineOf(links: NavigationLink[], basePath: string): Outline {
  let byBasePath = outlines.get(links);
  if (!byBasePath) outlines.set(links, (byBasePath = new Map()));
  let outline = byBasePath.get(basePath);
  if (outline) return outline;
  outline = { order: [], positions: new Map(), waysTo: new Map() };
  const { order, positions, waysTo } = outline;
  const seen = new Set<string>();
  const above: NavigationLink[] = [];
  const visit = (level: NavigationLink[]): void => {
    for (const link of level) {
      above.push(link);
      if (link.url !== '') {
        const href = withBasePath(link.url, basePath);
        const url = stripFragment(link.url);
        const page = href.replace(/#.*$/, '');
        if (!seen.has(page)) {
          seen.add(page);
          if (!positions.has(url)) positions.set(url, order.length);
          order.push({ title: link.title, href, current: false });
        }
        const way = waysTo.get(url);
        if (way) way.push(...above);
        else waysTo.set(url, [...above]);
      }
      visit(link.links);
      above.pop();
    }
  };
  visit(links);
  byBasePath.set(basePath, outline);
  return outline;
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
export function folderTree({ pages, navigation, titles }: Pick<SiteIndex, 'pages' | 'navigation' | 'titles'>): NavigationLink[] {
  const root: NavigationLink = { title: '', url: '/', links: [], place: { line: 1, column: 1, endLine: 1, endColumn: 1 } };
  const byUrl = new Map<string, NavigationLink>([['/', root]]);
  const ensure = (url: string): NavigationLink => {
    let node = byUrl.get(url);
    if (node) return node;
    const parent = ensure(path.dirname(url));
    node = { title: titleFromUrl(url), url: '', links: [], place: root.place };
    parent.links.push(node);
    byUrl.set(url, node);
    return node;
  };
  for (const page of pages) {
    if (page.kind !== 'page' || page.url === '/') continue;
    const node = ensure(page.url);
    node.url = page.url;
    node.title = titles.get(page.url) ?? node.title;
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
