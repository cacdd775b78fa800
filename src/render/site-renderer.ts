import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { titleOf } from '../index/page-titles.js';
import type { Site } from '../model/site.js';
import type { NavigationLink, ParsedPage } from '../model/types.js';
import type { BodyHtml } from './body.js';
import type { CodeHighlighter } from './highlight.js';
import { llmsTxt, type PageSummary } from './llms-txt.js';
import type { MarkdownRenderer } from './markdown.js';
import { navigationFiles } from './navigation-files.js';
import { markdownUrl, renderGeneratedPage, renderPage } from './page.js';
import { cleanMarkdown, pageMarkdown } from './page-markdown.js';
import { withBasePath } from './sanitize.js';
import { SearchIndexBuilder } from './search-index.js';
import { siteModel } from './site-model.js';
import { sitemapXml } from './sitemap.js';
import type { SymbolLinkers } from './symbol-links.js';
import type { Templates } from './templates.js';
import { folderTree, navigationView } from './views/navigation-view.js';

/** A file of the output, its path relative to the output folder with `/` separators. */
export interface OutputFile {
  path: string;
  content: string | Buffer;
}

export interface SiteRendererOptions {
  site: Site;
  templates: Templates;
  markdown: MarkdownRenderer;
  highlighter: CodeHighlighter;
  /** Symbols of example code, compiled once for every page rendered with the same index. */
  symbols: SymbolLinkers;
  /** The folder tree of every page, when the caller keeps one already. */
  tree?: NavigationLink[];
}

/** The longest summary `llms.txt` gives a page. */
const summaryLimit = 200;

/**
 * Everything `build` writes besides the template assets: each page as HTML
 * and Markdown, then the files about the whole site (search index, sitemap,
 * `llms.txt`, `polyref.json`, the 404 page). Pages must all be rendered
 * before `siteFiles()`, which reads what they left behind.
 */
export class SiteRenderer {
  private readonly tree: NavigationLink[];
  private readonly search: SearchIndexBuilder;
  private readonly summaries = new Map<string, PageSummary>();

  constructor(private readonly options: SiteRendererOptions) {
    this.tree = options.tree ?? folderTree(options.site.index);
    this.search = new SearchIndexBuilder(options.site);
  }

  /** `out/<url>/index.html` and the Markdown copy beside it. */
  renderPage(page: ParsedPage): OutputFile[] {
    const rendered = renderPageFiles(page, this.options, this.tree);
    this.remember(page, rendered.headings);
    return rendered.files;
  }

  /** What `siteFiles()` needs of a page rendered elsewhere (by an incremental build, which keeps its files). */
  remember(page: ParsedPage, headings: BodyHtml['headings']): void {
    this.search.addPage(page, headings);
    const title = titleOf(this.options.site.index, page.url);
    this.summaries.set(page.url, { url: page.url, title, summary: page.tree ? firstSentences(page.tree.children) : '' });
  }

  siteFiles(): OutputFile[] {
    const { site, templates } = this.options;
    const { config } = site;
    const files: OutputFile[] = siteNavigationFiles(site, templates, this.tree);
    files.push({ path: 'search-index.json', content: `${JSON.stringify(this.search.file())}\n` });
    // Descriptions go out as the pages show them: raw HTML and unsafe links removed.
    const clean = new Map<string, string>();
    const cleanDescriptions = function (this: object, key: string, value: unknown): unknown {
      if (key !== 'markdown' || typeof value !== 'string' || !('keyPath' in this)) return value;
      let cleaned = clean.get(value);
      if (cleaned === undefined) clean.set(value, (cleaned = cleanMarkdown(value, site)));
      return cleaned;
    };
    files.push({ path: 'polyref.json', content: `${JSON.stringify(siteModel(site), cleanDescriptions)}\n` });
    files.push({
      path: 'llms.txt',
      content: llmsTxt({
        title: config.title,
        basePath: config.basePath,
        siteUrl: config.siteUrl,
        intro: this.summaries.get('/')?.summary ?? '',
        tree: this.tree,
        pages: this.summaries,
      }),
    });
    if (config.siteUrl) {
      const hrefs = [...this.summaries.keys()].map((url) => withBasePath(url, config.basePath));
      files.push({ path: 'sitemap.xml', content: sitemapXml(config.siteUrl, hrefs) });
    }
    files.push({ path: 'assets/minisearch.js', content: searchLibrary() });
    return files;
  }
}

/**
 * The files about the whole site made from the index alone, without what
 * pages left when they rendered: the generated home and 404 pages and the
 * navigation files. A dev server makes them apart from the rest, which
 * takes longer.
 */
export function siteNavigationFiles(site: Site, templates: Templates, tree: NavigationLink[]): OutputFile[] {
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

/** One page's files, remembered by nobody: `site` and `tree` may be views that record what the page reads. */
export function renderPageFiles(
  page: ParsedPage,
  { site, templates, markdown, highlighter, symbols }: SiteRendererOptions,
  tree: NavigationLink[],
): { files: OutputFile[]; headings: BodyHtml['headings'] } {
  const rendered = renderPage(page, { site, page, templates, markdown, highlighter, symbols, ids: new Set() }, tree);
  return {
    files: [
      { path: path.posix.join('.', page.url, 'index.html'), content: rendered.html },
      { path: markdownUrl(page.url).slice(1), content: pageMarkdown(page, site) },
    ],
    headings: rendered.headings,
  };
}

/** The opening of the first paragraph, up to a sentence end that fits in the summary limit. */
function firstSentences(nodes: RootContent[]): string {
  const paragraph = nodes.find((node): node is Paragraph => node.type === 'paragraph');
  if (!paragraph) return '';
  const text = toString(paragraph).replace(/\s+/g, ' ').trim();
  if (text.length <= summaryLimit) return text;
  const cut = text.slice(0, summaryLimit);
  const sentenceEnd = cut.lastIndexOf('. ');
  return sentenceEnd > 40 ? cut.slice(0, sentenceEnd + 1) : `${cut.replace(/\s+\S*$/, '')}…`;
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
