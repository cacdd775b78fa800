import type { NavigationLink } from '../../model/types.js';
import { closest } from '../../resolve/suggest.js';
import { didYouMean, type Rule } from '../rule.js';

export const brokenNavigationLink: Rule = {
  id: 'broken-navigation-link',
  severity: 'error',
  summary: 'A `_navigation.mdx` link must point at a page that exists.',
  check({ page, site, report }) {
    const visit = (links: NavigationLink[]): void => {
      for (const link of links) {
        if (link.url.startsWith('/')) {
          const url = link.url.replace(/[?#].*$/, '').replace(/(.)\/$/, '$1');
          if (!site.index.pagesByUrl.has(url)) {
            const suggestions = closest(url, site.index.pagesByUrl.keys());
            report(`Unexpected navigation link \`${link.url}\` to no page, expected the URL of a page${didYouMean(suggestions)}`, link.place, { suggestions });
          }
        }
        visit(link.links);
      }
    };
    visit(page.navigation?.links ?? []);
  },
};
