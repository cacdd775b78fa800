/**
 * What names a page, wherever it is named: its `<title>` and `<h1>`, the
 * folder tree's sidebar, breadcrumbs and pager, search results, `llms.txt`,
 * `polyref.json`, the generated list of pages and the coverage page. A cross-page
 * fact (a navigation file may name a page), so it is found once, in the index.
 */
import path from 'node:path/posix';
import type { Navigation, NavigationLink, ParsedPage } from '../model/types.js';
import { headingTitle } from './page-facts.js';
import type { Located, SiteIndex } from './site-index.js';

type NavigationTable = ReadonlyMap<string, Located<Navigation>>;

/**
 * The title of a page: its frontmatter `title`; else the title of its link
 * in the navigation (the nearest `_navigation.mdx` in its folder or above
 * that links to it, else the first other one that does); else its first
 * heading of any level (many pages start at `##`); else a name made from
 * the last segment of its URL, as the folder tree names a folder. Never
 * blank, and never the URL itself.
 */
export function pageTitle(page: ParsedPage, navigation: NavigationTable): string {
  return (
    nonBlank(page.title) ??
    navigationTitle(page, navigation) ??
    nonBlank(firstHeading(page)) ??
    titleFromUrl(page.url)
  );
}

/** The title of the page at `url`, as the index holds it. */
export function titleOf(index: Pick<SiteIndex, 'titles'>, url: string): string {
  return index.titles.get(url) ?? titleFromUrl(url);
}

/** The title of every page by URL, in the order of `pagesByUrl`. */
export function pageTitles(pagesByUrl: ReadonlyMap<string, ParsedPage>, navigation: NavigationTable): Map<string, string> {
  const titles = new Map<string, string>();
  for (const [url, page] of pagesByUrl) titles.set(url, pageTitle(page, navigation));
  return titles;
}

/** `/reference/sso/get-profile` → `Get profile`; the home page → `Home`. */
export function titleFromUrl(url: string): string {
  const words = path.basename(url).replace(/[-_]+/g, ' ').trim();
  return words === '' ? 'Home' : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The URLs a navigation file names pages by, each with the title of its first link there: what it can change the titles of. */
export function navigationTitles(navigation: Navigation): ReadonlyMap<string, string> {
  let titles = titlesByNavigation.get(navigation);
  if (titles) return titles;
  const found = new Map<string, string>();
  const visit = (links: NavigationLink[]): void => {
    for (const link of links) {
      const url = pageUrlOf(link.url);
      const title = nonBlank(link.title);
      if (url !== null && title !== null && !found.has(url)) found.set(url, title);
      visit(link.links);
    }
  };
  visit(navigation.links);
  titlesByNavigation.set(navigation, found);
  return found;
}

/** A parsed navigation never changes (an edit parses a new one): its titles are read once. */
const titlesByNavigation = new WeakMap<Navigation, ReadonlyMap<string, string>>();

function navigationTitle(page: ParsedPage, navigation: NavigationTable): string | null {
  if (navigation.size === 0) return null;
  const nearer = new Set<string>();
  for (let folder = path.dirname(page.relativePath); ; folder = path.dirname(folder)) {
    const key = folder === '.' ? '' : folder;
    nearer.add(key);
    const found = navigation.get(key);
    const title = found ? navigationTitles(found.value).get(page.url) : undefined;
    if (title !== undefined) return title;
    if (key === '') break;
  }
  for (const [folder, found] of navigation) {
    if (nearer.has(folder)) continue;
    const title = navigationTitles(found.value).get(page.url);
    if (title !== undefined) return title;
  }
  return null;
}

/**
 * The page a navigation link names it by: `/a/b/`, `/a/b?lang=go` → `/a/b`.
 * A link with a `#fragment` names a part of a page, not the page; a link to
 * another site names none of ours.
 */
function pageUrlOf(url: string): string | null {
  if (!url.startsWith('/') || url.startsWith('//') || url.includes('#')) return null;
  const bare = url.replace(/\?.*$/, '');
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
}

/** A page stand-in of the index knows its first heading from its facts, without reading the page. */
function firstHeading(page: ParsedPage): string | null {
  return 'headingTitle' in page ? (page.headingTitle as string | null) : headingTitle(page);
}

function nonBlank(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
