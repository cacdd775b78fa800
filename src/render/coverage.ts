import { sitePath } from '../check/links.js';
import { splitUrl } from '../index/link-paths.js';
import { coveragePercent, coverageUrl, inWords, languageLabels, parityMatrix, type ParityCell } from '../check/parity.js';
import { anchorId } from '../index/anchors.js';
import { titleOf } from '../index/page-titles.js';
import type { Site } from '../model/site.js';
import { renderGeneratedPage } from './page.js';
import { withBasePath } from './sanitize.js';
import type { Templates } from './templates.js';
import { folderTree, navigationView } from './views/navigation-view.js';

const cellViews: Record<ParityCell, { symbol: string; text: string }> = {
  documented: { symbol: '✓', text: 'documented' },
  variant: { symbol: '≈', text: 'documented under another description' },
  missing: { symbol: '–', text: 'missing' },
  exempt: { symbol: 'exempt', text: 'exempt by parity.ignore' },
  absent: { symbol: '·', text: 'not documented, as in most languages: not a gap' },
  'no-entry': { symbol: '', text: 'no entry in this language' },
};

/** The view of `templates/coverage.hbs`: the parity matrix, entry by entry, and a figure per language. */
export function coverageView(site: Site) {
  const matrix = parityMatrix(site);
  const { basePath } = site.config;
  return {
    languages: matrix.languages,
    coverage: matrix.coverage.map((coverage) => ({ ...coverage, percent: coveragePercent(coverage), complete: coverage.missing === 0 })),
    entries: matrix.entries.map((entry) => {
      const first = entry.entries[0]!;
      const url = first.value.url ?? (first.page.kind === 'page' ? first.page.url : null);
      return {
        id: entry.id,
        anchor: anchorId(entry.id),
        href: url === null ? null : withBasePath(url, basePath),
        pageTitle: url === null ? null : linkedPageTitle(url, first.page.url, site),
        missing: entry.rows.reduce((count, row) => count + Object.values(row.cells).filter((cell) => cell === 'missing').length, 0),
        missingLanguages: inWords(languageLabels(entry.missingLanguages, matrix.languages)),
        rows: entry.rows.map((row) => ({
          keyPath: row.keyPath,
          shared: row.shared,
          cells: matrix.languages.map((language) => {
            const state = row.cells[language.id] ?? 'no-entry';
            return { language: language.id, state, ...cellViews[state] };
          }),
        })),
      };
    }),
  };
}

/** The title of the page a link goes to (`/a/b#c` → `/a/b`), else of the page that holds the entry. */
function linkedPageTitle(url: string, holder: string, site: Site): string {
  return titleOf(site.index, sitePath(splitUrl(url).written, site) ?? holder);
}

/**
 * `out/coverage/index.html`, inside the site's layout; nothing when a page of
 * the content already has that URL, which wins.
 */
export function coverageFiles(site: Site, templates: Templates): Array<{ path: string; content: string }> {
  if (site.index.pagesByUrl.has(coverageUrl)) return [];
  const { index, config } = site;
  const navigation = navigationView({ relativePath: 'coverage.mdx', url: coverageUrl }, index, config.basePath, folderTree(index));
  const html = renderGeneratedPage('coverage', 'Language coverage', coverageUrl, navigation, { site, templates }, coverageView(site));
  return [{ path: `${coverageUrl.slice(1)}/index.html`, content: html }];
}
