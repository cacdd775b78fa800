import { titleOf } from '../index/page-titles.js';
import type { Site } from '../model/site.js';
import type { ParsedPage } from '../model/types.js';
import { markdownUrl } from './page.js';
import { resolveEntry, type ResolvedEntry } from '../resolve/resolved-entry.js';

/**
 * `polyref.json`: the whole site as data, every reference resolved, for
 * tools that would rather not parse HTML. Its shape is documented by
 * `docs/polyref.schema.json`; `version` changes when that shape breaks.
 */
export interface SiteModel {
  version: 1;
  title: string;
  basePath: string;
  siteUrl: string | null;
  defaultLanguage: string;
  languages: Array<{ id: string; label: string }>;
  pages: PageModel[];
  /** `_name.mdx` files: not pages, but their entries (shared definitions) are part of the reference. */
  partials: PartialModel[];
}

export interface PageModel {
  url: string;
  title: string;
  /** The `.mdx` file, relative to the content root. */
  source: string;
  /** The Markdown copy written beside the page. */
  markdown: string;
  headings: Array<{ depth: number; text: string }>;
  /** Frontmatter keys polyref does not interpret, as written. */
  data: Record<string, unknown>;
  /** Language id → the entries the page defines in that language, in display order of languages. */
  entries: Record<string, ResolvedEntry[]>;
}

export interface PartialModel {
  source: string;
  entries: Record<string, ResolvedEntry[]>;
}

/** `polyref.json` without its pages and partials, which follow it as they are made. */
export function siteModelHead(site: Site): Omit<SiteModel, 'pages' | 'partials'> {
  const { config } = site;
  return {
    version: 1,
    title: config.title,
    basePath: config.basePath,
    siteUrl: config.siteUrl,
    defaultLanguage: config.defaultLanguage,
    languages: config.languages.map(({ id, label }) => ({ id, label })),
  };
}

export function pageModel(page: ParsedPage, site: Site): PageModel {
  return {
    url: page.url,
    title: titleOf(site.index, page.url),
    source: page.relativePath,
    markdown: markdownUrl(page.url),
    headings: page.headings.map(({ depth, text }) => ({ depth, text })),
    data: page.data,
    entries: entriesOf(page, site),
  };
}

/** A partial's entries (shared definitions); null when it defines none. */
export function partialModel(page: ParsedPage, site: Site): PartialModel | null {
  return Object.keys(page.reference).length > 0 ? { source: page.relativePath, entries: entriesOf(page, site) } : null;
}

function entriesOf(page: ParsedPage, site: Site): Record<string, ResolvedEntry[]> {
  const entries: Record<string, ResolvedEntry[]> = {};
  for (const language of site.config.languages) {
    const own = page.reference[language.id];
    if (own && own.length > 0) entries[language.id] = own.map((entry) => resolveEntry({ value: entry, page }, page, site.index));
  }
  return entries;
}
