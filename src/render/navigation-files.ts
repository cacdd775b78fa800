import type { Site } from '../model/site.js';
import type { NavigationLink } from '../model/types.js';
import { siteView } from './page.js';
import type { OutputFile } from './page-output.js';
import type { Templates } from './templates.js';
import { navigationFilePath, navigationSections } from './views/navigation-view.js';

/** What the script reads of a navigation file. */
export interface NavigationFileContent {
  /** Every section of the sidebar in sidebar order, with the HTML of the links directly below it. */
  sections: Array<{ id: string; html: string }>;
}

/**
 * One file per sidebar (each `_navigation.mdx`, and the folder tree where
 * the root has none) listing the links of all its sections, rendered by the
 * `partials/nav-links` template that renders them in pages. Pages list only
 * the way to themselves, so the whole sidebar is written once, not once per
 * page; the script fetches this file the first time a reader unfolds a
 * section.
 */
export function navigationFiles(site: Site, folderTree: NavigationLink[], templates: Templates): OutputFile[] {
  const { index, config } = site;
  const sidebars = new Map<string, NavigationLink[]>();
  if (!index.navigation.has('')) sidebars.set('', folderTree);
  for (const [folder, found] of index.navigation) sidebars.set(folder, found.value.links);
  // The template sees what it sees in a page, but for the page itself: no page is current here.
  const view = { site: siteView({ site }) };
  return [...sidebars]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([folder, links]) => {
      const content: NavigationFileContent = {
        sections: navigationSections(links, config.basePath).map(({ id, links: below }) => ({
          id,
          html: templates.render('partials/nav-links', { ...view, links: below }),
        })),
      };
      return { path: navigationFilePath(folder), content: `${JSON.stringify(content)}\n` };
    });
}
