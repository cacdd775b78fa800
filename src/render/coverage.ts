import { sitePath } from '../check/links.js';
import { splitUrl } from '../index/link-paths.js';
import { coveragePercent, coverageUrl, inMatrix, inWords, languageCoverage, languageLabels, parityOf, type ParityCell, type ParityEntry } from '../check/parity.js';
import { anchorId } from '../index/anchors.js';
import { titleOf } from '../index/page-titles.js';
import { samePage } from '../index/site-index.js';
import type { Site } from '../model/site.js';
import type { ParsedPage } from '../model/types.js';
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

/** One entry `id` on the coverage page: its rows and cells as the template shows them, and the parity its figures count. */
export interface CoverageSection {
  id: string;
  anchor: string;
  href: string | null;
  pageTitle: string | null;
  missing: number;
  missingLanguages: string;
  rows: Array<{ keyPath: string; shared: boolean; cells: Array<{ language: string; state: ParityCell; symbol: string; text: string }> }>;
  /** What the figures per language count. */
  parity: Pick<ParityEntry, 'rows' | 'missingLanguages'>;
}

/**
 * The sections a source gives the coverage page: one for each `id` whose
 * first entry in page order stands in it, so that every id is worked out
 * once, with the page that holds it.
 */
export function coverageSections(page: ParsedPage, site: Site): CoverageSection[] {
  const ids = new Set<string>();
  for (const entries of Object.values(page.reference)) for (const entry of entries) if (entry.id !== null) ids.add(entry.id);
  const sections: CoverageSection[] = [];
  for (const id of ids) {
    const first = site.index.entriesById.get(id)?.[0];
    if (!first || !samePage(first.page, page)) continue;
    const entry = parityOf(site, id);
    if (inMatrix(entry)) sections.push(coverageSection(entry, site));
  }
  return sections;
}

/** Every section of the coverage page, from every source of the index: what a build gathers page by page. */
export function siteCoverageSections(site: Site): CoverageSection[] {
  return site.index.pages.flatMap((page) => coverageSections(page, site));
}

function coverageSection(entry: ParityEntry, site: Site): CoverageSection {
  const { basePath, languages } = site.config;
  const first = entry.entries[0]!;
  const url = first.value.url ?? (first.page.kind === 'page' ? first.page.url : null);
  return {
    id: entry.id,
    anchor: anchorId(entry.id),
    href: url === null ? null : withBasePath(url, basePath),
    pageTitle: url === null ? null : linkedPageTitle(url, first.page.url, site),
    missing: entry.rows.reduce((count, row) => count + Object.values(row.cells).filter((cell) => cell === 'missing').length, 0),
    missingLanguages: inWords(languageLabels(entry.missingLanguages, languages)),
    rows: entry.rows.map((row) => ({
      keyPath: row.keyPath,
      shared: row.shared,
      cells: languages.map((language) => {
        const state = row.cells[language.id] ?? 'no-entry';
        return { language: language.id, state, ...cellViews[state] };
      }),
    })),
    parity: { rows: entry.rows, missingLanguages: entry.missingLanguages },
  };
}

/** The view of `templates/coverage.hbs`: the parity matrix, entry by entry in order of `id`, and a figure per language. */
export function coverageView(site: Site, sections: readonly CoverageSection[]) {
  const languages = site.config.languages.map(({ id, label }) => ({ id, label }));
  const sorted = [...sections].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    languages,
    coverage: languageCoverage(sorted.map((section) => section.parity), languages).map((coverage) => ({ ...coverage, percent: coveragePercent(coverage), complete: coverage.missing === 0 })),
    entries: sorted.map(({ parity: _parity, ...shown }) => shown),
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
export function coverageFiles(site: Site, templates: Templates, sections: readonly CoverageSection[]): Array<{ path: string; content: string }> {
  if (site.index.pagesByUrl.has(coverageUrl)) return [];
  const { index, config } = site;
  const navigation = navigationView({ relativePath: 'coverage.mdx', url: coverageUrl }, index, config.basePath, folderTree(index));
  const html = renderGeneratedPage('coverage', 'Language coverage', coverageUrl, navigation, { site, templates }, coverageView(site, sections));
  return [{ path: `${coverageUrl.slice(1)}/index.html`, content: html }];
}
