import type { NavigationLink } from '../../model/types.js';
import { checkLink } from '../links.js';
import { didYouMean, type Rule } from '../rule.js';

export const brokenNavigationLink: Rule = {
  id: 'broken-navigation-link',
  severity: 'error',
  summary: 'A `_navigation.mdx` link must point at a page that exists, and at an anchor on it.',
  check({ page, site, report }) {
    const visit = (links: NavigationLink[]): void => {
      for (const link of links) {
        const result = checkLink(link.url, page, site);
        if (result.kind === 'no-page') {
          report(`Unexpected navigation link \`${link.url}\` to no page, expected the URL of a page${didYouMean(result.suggestions)}`, link.place, {
            suggestions: result.suggestions,
          });
        } else if (result.kind === 'no-anchor') {
          report(
            `Unexpected navigation link \`${link.url}\` to no anchor \`#${result.fragment}\` on \`${result.path}\`, expected a heading, entry or property anchor of that page${didYouMean(result.suggestions)}`,
            link.place,
            { suggestions: result.suggestions },
          );
        }
        visit(link.links);
      }
    };
    visit(page.navigation?.links ?? []);
  },
};
