import path from 'node:path';
import { normalizePath } from '../../index/link-paths.js';
import type { Located } from '../../index/site-index.js';
import type { Navigation, ParsedPage } from '../../model/types.js';
import type { Site } from '../../model/site.js';
import type { Rule } from '../rule.js';

export const orphanPage: Rule = {
  id: 'orphan-page',
  severity: 'warn',
  summary: 'A page whose sidebar is a `_navigation.mdx` is linked from some navigation file.',
  check({ page, site, report }) {
    if (page.kind !== 'page' || page.url === '/') return;
    // Without a navigation file above it, the page's sidebar is the folder tree, which lists it.
    const sidebar = nearestNavigation(page, site);
    if (!sidebar || isNavigationTarget(page.url, site)) return;
    const file = path.relative(site.config.cwd, sidebar.page.file).split(path.sep).join('/');
    report(
      `Unexpected page \`${page.url}\` that no navigation file links to, expected a link to it in \`${file}\`, its sidebar (readers find it only by search or by links)`,
      { line: 1, column: 1, endLine: 1, endColumn: 1 },
    );
  },
};

/** The `_navigation.mdx` in the page's folder or the nearest above it, as the sidebar picks it. */
function nearestNavigation(page: ParsedPage, site: Site): Located<Navigation> | undefined {
  for (let folder = path.posix.dirname(page.relativePath); ; folder = path.posix.dirname(folder)) {
    const found = site.index.navigation.get(folder === '.' ? '' : folder);
    if (found || folder === '.') return found;
  }
}

/** Whether a navigation link names the URL, as written or with the base path. */
function isNavigationTarget(url: string, site: Site): boolean {
  const targets = site.index.navigationTargets;
  const { basePath } = site.config;
  return targets.has(url) || (basePath !== '/' && targets.has(normalizePath(`${basePath}${url.slice(1)}`)));
}
