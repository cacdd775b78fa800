import { splitUrl } from '../../index/link-paths.js';
import { isExternalLink, isIgnoredLink, sitePath } from '../links.js';
import { didYouMean, type Rule } from '../rule.js';

export const entryUrlMismatch: Rule = {
  id: 'entry-url-mismatch',
  severity: 'error',
  summary: 'An entry’s `url` names the page it stands on, or a page that shows it with `<CodeBlock referenceId>`.',
  check({ page, site, report }) {
    // A partial's entries are shown elsewhere, and an entry without `url` is a shared definition.
    if (page.kind !== 'page') return;
    for (const entries of Object.values(page.reference)) {
      for (const entry of entries) {
        const url = entry.url;
        if (url === null || isExternalLink(url) || isIgnoredLink(url, site)) continue;
        const { written } = splitUrl(url);
        if (!written.startsWith('/')) continue;
        // A URL to no page at all is `broken-link`'s to report.
        const target = sitePath(written, site);
        if (target === null || target === page.url) continue;
        const targetPage = site.index.pagesByUrl.get(target);
        const showsIt =
          entry.id !== null &&
          targetPage?.components.some((component) => component.name === 'CodeBlock' && component.attributes.referenceId?.value === entry.id);
        if (showsIt) continue;
        const suggestions = [`${page.url}${url.slice(written.length)}`];
        const orShown = entry.id === null ? '' : ` or a page that shows it with \`<CodeBlock referenceId="${entry.id}">\``;
        report(
          `Unexpected \`url\` \`${url}\` on an entry of \`${page.url}\`, expected the page it stands on${orShown}${didYouMean(suggestions)}`,
          entry.urlPlace ?? entry.keyPlace,
          { suggestions },
        );
      }
    }
  },
};
