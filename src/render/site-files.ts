import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigError } from '../config/config-error.js';
import { titleOf } from '../index/page-titles.js';
import type { Site } from '../model/site.js';
import type { NavigationLink } from '../model/types.js';
import { coverageFiles, type CoverageSection } from './coverage.js';
import { llmsTxt, type PageSummary } from './llms-txt.js';
import { navigationFiles } from './navigation-files.js';
import { renderGeneratedPage } from './page.js';
import type { OutputFile, PageOutput } from './page-output.js';
import { withBasePath } from './sanitize.js';
import { numberedDocumentJson, searchIndexHead } from './search-index.js';
import { siteModelHead } from './site-model.js';
import { sitemapXml } from './sitemap.js';
import { TemplateError, type Templates } from './templates.js';
import { navigationView } from './views/navigation-view.js';

/** Where the streamed files about the whole site go. */
export interface OutputSink {
  open(relativePath: string): PieceWriter;
}

/** A file written in pieces, in order. */
export interface PieceWriter {
  append(text: string): void;
  close(): void;
}

export interface SiteFilesContext {
  site: Site;
  templates: Templates;
  /** The folder tree of every page. */
  tree: NavigationLink[];
}

/**
 * The files about the whole site, written as the pages go by: each page's
 * search documents and `polyref.json` model are appended to their files
 * when the page is added, so no part of them waits in memory for the rest;
 * only the small summaries `llms.txt` and `sitemap.xml` need are kept.
 * Pages must be added in page order.
 */
export class SiteFilesWriter {
  private readonly search: PieceWriter;
  private readonly model: PieceWriter;
  private documents = 0;
  private pages = 0;
  private readonly partials: string[] = [];
  private readonly summaries = new Map<string, PageSummary>();
  private readonly coverage: CoverageSection[] = [];

  constructor(
    private readonly sink: OutputSink,
    private readonly context: SiteFilesContext,
  ) {
    const { site } = context;
    this.search = sink.open('search-index.json');
    this.search.append(`${openObject(searchIndexHead(site))},"documents":[`);
    this.model = sink.open('polyref.json');
    this.model.append(`${openObject(siteModelHead(site))},"pages":[`);
  }

  add(output: PageOutput): void {
    for (const document of output.searchDocuments) {
      this.search.append(`${this.documents === 0 ? '' : ','}${numberedDocumentJson(this.documents, document)}`);
      this.documents += 1;
    }
    if (output.model?.kind === 'page') {
      this.model.append(`${this.pages === 0 ? '' : ','}${output.model.json}`);
      this.pages += 1;
    } else if (output.model?.kind === 'partial') {
      this.partials.push(output.model.json);
    }
    if (output.summary) this.summaries.set(output.summary.url, output.summary);
    this.coverage.push(...output.coverage);
  }

  /**
   * Ends the streamed files and returns the others, to be written. A
   * template that fails on a generated page is a configuration problem.
   */
  finish(): OutputFile[] {
    this.search.append(']}\n');
    this.model.append(`],"partials":[${this.partials.join(',')}]}\n`);
    this.search.close();
    this.model.close();
    const { site } = this.context;
    const { config } = site;
    const files: OutputFile[] = [
      ...reportingTemplateErrors(() => [...siteNavigationFiles(this.context), ...coverageFiles(site, this.context.templates, this.coverage)]),
      {
        path: 'llms.txt',
        content: llmsTxt({
          title: config.title,
          basePath: config.basePath,
          siteUrl: config.siteUrl,
          intro: this.summaries.get('/')?.summary ?? '',
          tree: this.context.tree,
          pages: this.summaries,
        }),
      },
      { path: 'assets/minisearch.js', content: searchLibrary() },
    ];
    if (config.siteUrl) {
      const hrefs = [...this.summaries.keys()].map((url) => withBasePath(url, config.basePath));
      files.push({ path: 'sitemap.xml', content: sitemapXml(config.siteUrl, hrefs) });
    }
    return files;
  }
}

/**
 * The files about the whole site made from the index alone: the generated
 * home and 404 pages and the navigation files. A dev server makes them
 * apart from the rest, which takes longer.
 */
export function siteNavigationFiles({ site, templates, tree }: SiteFilesContext): OutputFile[] {
  const { config, index } = site;
  const files: OutputFile[] = [];
  // Generated pages stand at the root: they get the sidebar the home page would get.
  const home = { relativePath: 'index.mdx', url: '/' };
  if (!index.pagesByUrl.has('/')) {
    const pages = index.pages
      .filter((page) => page.kind === 'page')
      .map((page) => ({ title: titleOf(index, page.url), url: page.url, href: withBasePath(page.url, config.basePath) }));
    const navigation = navigationView(home, index, config.basePath, tree);
    files.push({ path: 'index.html', content: renderGeneratedPage('index', config.title, '/', navigation, { site, templates }, { pages }) });
  }
  const notFound = { relativePath: '404.mdx', url: '/404' };
  files.push({ path: '404.html', content: renderGeneratedPage('404', 'Page not found', '/404', navigationView(notFound, index, config.basePath, tree), { site, templates }) });
  files.push(...navigationFiles(site, tree, templates));
  return files;
}

export function reportingTemplateErrors<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof TemplateError) throw new ConfigError(error.message, 'fix the template named in the message');
    throw error;
  }
}

/** `{"a":1}` → `{"a":1`, to be continued with more members. */
function openObject(value: object): string {
  return JSON.stringify(value).slice(0, -1);
}

let library: Buffer | null = null;

/**
 * MiniSearch, which the search dialog imports on first use. Copied from the
 * installed package as its ES module, with its licence on top and its source
 * map reference dropped (the map is not copied).
 */
function searchLibrary(): Buffer {
  if (library) return library;
  const require = createRequire(import.meta.url);
  // The package's `require` entry is dist/cjs/index.cjs; its ES build stands beside it.
  const folder = path.resolve(path.dirname(require.resolve('minisearch')), '..', '..');
  const version = (JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version: string }).version;
  const copyright = /^Copyright.*$/m.exec(fs.readFileSync(path.join(folder, 'LICENSE.txt'), 'utf8'))?.[0] ?? '';
  const code = fs.readFileSync(path.join(folder, 'dist', 'es', 'index.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  library = Buffer.from(`/*! MiniSearch ${version} | MIT License | ${copyright} */\n${code}`);
  return library;
}
