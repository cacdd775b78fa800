import path from 'node:path';
import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { titleOf } from '../index/page-titles.js';
import { startResolving } from '../resolve/resolved-entry.js';
import { BoundedCaches } from '../model/bounded-cache.js';
import type { Site } from '../model/site.js';
import type { NavigationLink, ParsedPage } from '../model/types.js';
import { coverageSections, type CoverageSection } from './coverage.js';
import type { CodeHighlighter } from './highlight.js';
import type { PageSummary } from './llms-txt.js';
import type { MarkdownRenderer } from './markdown.js';
import { markdownUrl, renderPage } from './page.js';
import { cleanMarkdown, pageMarkdown } from './page-markdown.js';
import { searchDocuments } from './search-index.js';
import { pageModel, partialModel } from './site-model.js';
import type { SymbolLinkers } from './symbol-links.js';
import type { Templates } from './templates.js';

/** A file of the output, its path relative to the output folder with `/` separators. */
export interface OutputFile {
  path: string;
  content: string | Buffer;
}

/** What rendering needs besides the page: the same for every page of a build. */
export interface RenderResources {
  site: Site;
  templates: Templates;
  markdown: MarkdownRenderer;
  highlighter: CodeHighlighter;
  /** Symbols of example code, compiled once for every page rendered with the same index. */
  symbols: SymbolLinkers;
  /** The folder tree of every page, for sidebars without a navigation file. */
  tree: NavigationLink[];
}

/**
 * Everything one source gives the output, made in one pass over it so that
 * it can be made anywhere (a worker thread, an earlier build) and joined in
 * page order: the page's own files, and its share of the files about the
 * whole site, already serialised.
 */
export interface PageOutput {
  files: OutputFile[];
  /** The page's search documents as JSON, each without its `id`, which counts the documents of the pages before it. */
  searchDocuments: string[];
  /** Its part of `polyref.json`, as JSON: a page's model, or a partial's; null when it has none. */
  model: { kind: 'page' | 'partial'; json: string } | null;
  /** What `llms.txt` and `sitemap.xml` say of a page; null for other sources. */
  summary: PageSummary | null;
  /** The coverage page's sections for the ids whose first entry stands here. */
  coverage: CoverageSection[];
}

/** The longest summary `llms.txt` gives a page. */
const summaryLimit = 200;

/**
 * A page's files and its share of the site-wide files; a partial's share of
 * `polyref.json`; nothing for a navigation file. `site` may be a view that
 * records what the page reads.
 */
export function renderPageOutput(page: ParsedPage, resources: RenderResources): PageOutput {
  const { site } = resources;
  startResolving();
  if (page.kind === 'navigation') return { files: [], searchDocuments: [], model: null, summary: null, coverage: [] };
  if (page.kind === 'partial') {
    const model = partialModel(page, site);
    return { files: [], searchDocuments: [], model: model ? { kind: 'partial', json: modelJson(model, site) } : null, summary: null, coverage: coverageSections(page, site) };
  }
  const { templates, markdown, highlighter, symbols, tree } = resources;
  const rendered = renderPage(page, { site, page, templates, markdown, highlighter, symbols, ids: new Set() }, tree);
  return {
    files: [
      { path: path.posix.join('.', page.url, 'index.html'), content: rendered.html },
      { path: markdownUrl(page.url).slice(1), content: pageMarkdown(page, site) },
    ],
    searchDocuments: searchDocuments(page, rendered.headings, site).map((document) => JSON.stringify(document)),
    model: { kind: 'page', json: modelJson(pageModel(page, site), site) },
    summary: { url: page.url, title: titleOf(site.index, page.url), summary: page.tree ? firstSentences(page.tree.children) : '' },
    coverage: coverageSections(page, site),
  };
}

/** By configuration; 4,000 descriptions at once: a page's and the shared ones many pages show, not the whole site's. */
const cleaned = new BoundedCaches<Site['config'], string>(4_000);

/** A model as JSON, its descriptions as the pages show them: raw HTML and unsafe links removed. */
function modelJson(model: object, site: Site): string {
  const memo = cleaned.of(site.config);
  return JSON.stringify(model, function (this: object, key: string, value: unknown): unknown {
    if (key !== 'markdown' || typeof value !== 'string' || !('keyPath' in this)) return value;
    return memo.get(value, () => cleanMarkdown(value, site));
  });
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
