/**
 * Where an internal link lands: a page that exists and, with a `#fragment`,
 * an anchor on it. Shared by `broken-link`, `broken-navigation-link` and
 * `entry-url-mismatch`. External links are never fetched.
 */
import { anchorId } from '../index/anchors.js';
import { decode, normalizePath, splitUrl } from '../index/link-paths.js';
import type { ParsedPage } from '../model/types.js';
import type { Site } from '../model/site.js';
import { SuggestionIndex, suggestionIndexOf } from '../resolve/suggestion-index.js';
import { pageAnchors } from './page-anchors.js';
import { coverageUrl, parityMatrix } from './parity.js';

export type LinkCheck =
  /** External, relative, empty, or matched by `ignoreLinks`: not polyref's to judge. */
  | { kind: 'unchecked' }
  | { kind: 'ok'; path: string }
  | { kind: 'no-page'; path: string; suggestions: string[] }
  | { kind: 'no-anchor'; path: string; fragment: string; suggestions: string[] };

const ignoreCache = new WeakMap<Site, RegExp[]>();

export function isIgnoredLink(url: string, site: Site): boolean {
  let patterns = ignoreCache.get(site);
  if (!patterns) ignoreCache.set(site, (patterns = site.config.ignoreLinks.map((pattern) => new RegExp(pattern))));
  return patterns.some((pattern) => pattern.test(url));
}

/** `https:`, `mailto:`, `//host`: links that leave the site. */
export function isExternalLink(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

/**
 * Judges one link written on `from`. Root-relative links are looked up as
 * written, then without the base path; `#fragment` alone means `from` itself.
 * Relative paths (`../x`) depend on how the host serves folders and are not checked.
 */
export function checkLink(url: string, from: ParsedPage, site: Site): LinkCheck {
  if (url.trim() === '' || isExternalLink(url) || isIgnoredLink(url, site)) return { kind: 'unchecked' };
  const split = splitUrl(url);
  let path: string;
  if (split.written === '') {
    // A partial is shown on other pages: its own fragments have no page to land on.
    if (from.kind !== 'page' || split.fragment === null) return { kind: 'unchecked' };
    path = from.url;
  } else if (split.written.startsWith('/')) {
    const found = sitePath(split.written, site);
    if (found === null) {
      const suggestions = nearestPaths(normalizePath(split.written), site).map((suggestion) => `${suggestion}${url.slice(split.written.length)}`);
      return { kind: 'no-page', path: split.written, suggestions };
    }
    path = found;
  } else {
    return { kind: 'unchecked' };
  }
  if (split.fragment === null || split.fragment === '') return { kind: 'ok', path };
  const fragment = decode(split.fragment, decodeURIComponent);
  const anchors = anchorsOf(path, site);
  if (anchors.has(fragment)) return { kind: 'ok', path };
  const prefix = url.slice(0, url.length - split.fragment.length - 1);
  const nearest = suggestionIndexOf(anchors, 'anchors', () => new SuggestionIndex(anchors, { segments: anchorSegments })).nearest(fragment);
  return { kind: 'no-anchor', path, fragment, suggestions: nearest.map((anchor) => `${prefix}#${anchor}`) };
}

/** The site path a root-relative URL names (`/docs/x/` → `/x` under base path `/docs/`), or null when no page has it. */
export function sitePath(written: string, site: Site): string | null {
  const path = normalizePath(written);
  if (hasPage(path, site)) return path;
  const { basePath } = site.config;
  if (basePath !== '/' && `${path}/`.startsWith(basePath)) {
    const stripped = normalizePath(`/${path.slice(basePath.length)}`);
    if (hasPage(stripped, site)) return stripped;
  }
  return null;
}

/** Pages of the content, plus what the build writes itself: the home page list and the coverage page. */
function hasPage(path: string, site: Site): boolean {
  return site.index.pagesByUrl.has(path) || path === '/' || path === coverageUrl;
}

/**
 * The page URLs nearest a path no page has: the page a file path names
 * (`/a/index.mdx` is `/a`), near spellings, else pages that end with its last segment.
 */
function nearestPaths(path: string, site: Site): string[] {
  const asUrl = path.replace(/\.mdx$/, '').replace(/\/index$/, '') || '/';
  if (asUrl !== path && hasPage(asUrl, site)) return [asUrl];
  const index = suggestionIndexOf(site, 'page-urls', () => new SuggestionIndex([...site.index.pagesByUrl.keys(), '/', coverageUrl], { segments: /\// }));
  return index.nearest(path);
}

/** Property anchors are key paths: `#name` finds `#widget.name`. */
const anchorSegments = /\./;

const coverageAnchors = new WeakMap<Site, ReadonlySet<string>>();

/** A page's anchors; the coverage page has one section per entry `id`, the home page list none. */
function anchorsOf(path: string, site: Site): ReadonlySet<string> {
  const page = site.index.pagesByUrl.get(path);
  if (page) return pageAnchors(page, site);
  if (path !== coverageUrl) return new Set();
  let anchors = coverageAnchors.get(site);
  if (!anchors) coverageAnchors.set(site, (anchors = new Set(parityMatrix(site).entries.map((entry) => anchorId(entry.id)))));
  return anchors;
}
