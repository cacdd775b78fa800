/**
 * The output of `build`, made in two parts an incremental build can keep
 * apart: the files of one page, with what the page read to make them, and
 * the files about the whole site, made from what every page left. Both go
 * through the functions `build` itself uses, so the bytes are the same.
 */
import { ConfigError } from '../config/config-error.js';
import type { Site } from '../model/site.js';
import type { NavigationLink, ParsedPage } from '../model/types.js';
import type { BodyHtml } from '../render/body.js';
import type { CodeHighlighter } from '../render/highlight.js';
import type { MarkdownRenderer } from '../render/markdown.js';
import type { SymbolLinkers } from '../render/symbol-links.js';
import { renderPageFiles, SiteRenderer, siteNavigationFiles, type OutputFile } from '../render/site-renderer.js';
import { TemplateError, type Templates } from '../render/templates.js';
import { generatedFiles } from './build.js';
import { DependencySet, recordingFolderTree, recordingSite } from './dependencies.js';

export interface PageRender {
  page: ParsedPage;
  files: OutputFile[];
  /** What the page read of the rest of the site while it rendered. */
  dependencies: DependencySet;
  headings: BodyHtml['headings'];
}

export interface RenderResources {
  site: Site;
  templates: Templates;
  markdown: MarkdownRenderer;
  highlighter: CodeHighlighter;
  symbols: SymbolLinkers;
  tree: NavigationLink[];
}

/** One page's files, seen through a view of the site that records what the page reads. */
export function renderRecorded(page: ParsedPage, resources: RenderResources): PageRender {
  const dependencies = new DependencySet();
  const { files, headings } = renderPageFiles(
    page,
    { ...resources, site: recordingSite(resources.site, dependencies) },
    recordingFolderTree(resources.tree, dependencies),
  );
  return { page, files, dependencies, headings };
}

/**
 * The files about the whole site that the index alone makes (home and 404
 * pages, navigation files): what a reader asks for first, made in a moment
 * where the rest takes seconds on a large site.
 */
export function siteNavigationOutput(resources: RenderResources): OutputFile[] {
  try {
    return siteNavigationFiles(resources.site, resources.templates, resources.tree);
  } catch (error) {
    // As `generatedFiles` reports it for a build.
    if (error instanceof TemplateError) throw new ConfigError(error.message, 'fix the template named in the message');
    throw error;
  }
}

/** The files about the whole site, from every page's render in page order. */
export function siteFiles(renders: PageRender[], resources: RenderResources): OutputFile[] {
  const renderer = new SiteRenderer(resources);
  for (const render of renders) renderer.remember(render.page, render.headings);
  return generatedFiles(renderer, resources.site, resources.templates);
}

/** What the files about the whole site are made from, asked for only when they are made. */
export interface SiteWideSources {
  /** What to render with; null when the templates never compiled, which leaves nothing to make the files with. */
  resources(): RenderResources | null;
  /** Every page's last render, in page order. */
  renders(): PageRender[];
}

type FileContents = Map<string, string | Buffer>;

/**
 * The files about the whole site in the last good output, made when first
 * asked for. Those the index alone makes (`siteNavigationOutput`) are made
 * apart when one of them is asked for first: the rest (the search index,
 * `polyref.json`) take seconds on a large site.
 */
export class SiteWideFiles {
  private all: FileContents | null = null;
  private navigation: FileContents | null = null;
  /** The names of `all` as last made: they change only when pages come or go, or the templates change. */
  private names: Set<string> | null = null;

  constructor(private readonly sources: SiteWideSources) {}

  /** One of the files, making only the navigation files when they have it, or when it is known to be none of the others. */
  file(relativePath: string): string | Buffer | undefined {
    if (this.all) return this.all.get(relativePath);
    const resources = this.sources.resources();
    if (!resources) return undefined;
    this.navigation ??= contentsOf(siteNavigationOutput(resources));
    const navigation = this.navigation.get(relativePath);
    if (navigation !== undefined || (this.names && !this.names.has(relativePath))) return navigation;
    return this.everything().get(relativePath);
  }

  /** One of the files when it is made already; undefined otherwise. */
  fileAtHand(relativePath: string): string | Buffer | undefined {
    return (this.all ?? this.navigation)?.get(relativePath);
  }

  /** Every one of the files, made now if they are not yet. */
  everything(): ReadonlyMap<string, string | Buffer> {
    if (this.all) return this.all;
    const resources = this.sources.resources();
    if (!resources) return new Map();
    this.all = contentsOf(siteFiles(this.sources.renders(), resources));
    this.names = new Set(this.all.keys());
    return this.all;
  }

  /** The output changed: the files are made again when next asked for. */
  outputChanged(): void {
    this.all = null;
    this.navigation = null;
  }

  /** Pages came or went, or the templates changed: the names of the files may differ. */
  namesChanged(): void {
    this.names = null;
  }
}

function contentsOf(files: OutputFile[]): FileContents {
  return new Map(files.map((file) => [file.path, file.content]));
}
