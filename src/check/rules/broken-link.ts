import type { Place } from '../../model/types.js';
import { checkLink } from '../links.js';
import { didYouMean, type Rule } from '../rule.js';

export const brokenLink: Rule = {
  id: 'broken-link',
  severity: 'error',
  summary: 'An internal link (body, description or entry `url`) must point at a page that exists, and at an anchor on it.',
  check({ page, site, report }) {
    const judge = (what: string, url: string, place: Place): void => {
      const result = checkLink(url, page, site);
      if (result.kind === 'no-page') {
        report(`Unexpected ${what} \`${url}\` to no page, expected the URL of a page${didYouMean(result.suggestions)}`, place, {
          suggestions: result.suggestions,
        });
      } else if (result.kind === 'no-anchor') {
        report(
          `Unexpected ${what} \`${url}\` to no anchor \`#${result.fragment}\` on \`${result.path}\`, expected a heading, entry or property anchor of that page${didYouMean(result.suggestions)}`,
          place,
          { suggestions: result.suggestions },
        );
      }
    };
    for (const link of page.links) judge('link', link.url, link.place);
    for (const entries of Object.values(page.reference)) {
      for (const entry of entries) {
        if (entry.url !== null) judge('entry `url`', entry.url, entry.urlPlace ?? entry.keyPlace);
      }
    }
  },
};
