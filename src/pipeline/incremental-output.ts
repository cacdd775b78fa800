/**
 * The output of `build`, made in two parts an incremental build can keep
 * apart: the files of one page, with what the page read to make them, and
 * the files about the whole site, made from what every page left. Both go
 * through the functions `build` itself uses, so the bytes are the same.
 */
import fs from 'node:fs';
import type { ParsedPage } from '../model/types.js';
import { renderPageOutput, type OutputFile, type PageOutput, type RenderResources } from '../render/page-output.js';
import { reportingTemplateErrors, SiteFilesWriter, siteNavigationFiles } from '../render/site-files.js';
import { MemoryOutput } from '../write/memory-output.js';
import { DependencySet, recordingFolderTree, recordingSite } from './dependencies.js';

/** An output file whose content the output cache keeps on disk: read when served, never held. */
export interface KeptContent {
  from: string;
  /** Makes the content again, should the cache have lost it (deleted by hand, or pruned by another build). */
  again(): string | Buffer;
}

export type PageFileContent = string | Buffer | KeptContent;

/** The bytes of an output file, read from the cache when it keeps them. */
export function contentOf(content: PageFileContent): string | Buffer {
  if (typeof content === 'string' || Buffer.isBuffer(content)) return content;
  try {
    return fs.readFileSync(content.from);
  } catch {
    return content.again();
  }
}

/** A page's last output as an incremental build keeps it. */
export interface PageRender {
  page: ParsedPage;
  /** What the page read of the rest of the site while it rendered. */
  dependencies: DependencySet;
  files: Array<{ path: string; content: PageFileContent }>;
  /** Its share of the files about the whole site, read back when they are made. */
  shares(): Omit<PageOutput, 'files'>;
}

/** One page's output, seen through a view of the site that records what the page reads. */
export function renderRecorded(page: ParsedPage, resources: RenderResources): PageRender {
  const dependencies = new DependencySet();
  const output = renderPageOutput(page, {
    ...resources,
    site: recordingSite(resources.site, dependencies),
    tree: recordingFolderTree(resources.tree, dependencies),
  });
  return renderOf(page, dependencies, output);
}

/** A page's output made in memory, as an incremental build keeps it. */
export function renderOf(page: ParsedPage, dependencies: DependencySet, output: PageOutput): PageRender {
  const { files, ...shares } = output;
  return { page, dependencies, files, shares: () => shares };
}

/**
 * The files about the whole site that the index alone makes (home and 404
 * pages, navigation files): what a reader asks for first, made in a moment
 * where the rest takes seconds on a large site.
 */
export function siteNavigationOutput(resources: RenderResources): OutputFile[] {
  return reportingTemplateErrors(() => siteNavigationFiles(resources));
}

/** The files about the whole site, from every source's output in page order. */
export function siteFiles(renders: PageOutput[], resources: RenderResources): Map<string, string | Buffer> {
  const output = new MemoryOutput();
  const writer = new SiteFilesWriter(output, resources);
  for (const render of renders) writer.add(render);
  for (const file of writer.finish()) output.files.set(file.path, file.content);
  return output.files;
}

/** What the files about the whole site are made from, asked for only when they are made. */
export interface SiteWideSources {
  /** What to render with; null when the templates never compiled, which leaves nothing to make the files with. */
  resources(): RenderResources | null;
  /** Every source's last output, in page order. */
  renders(): PageOutput[];
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
    this.all = siteFiles(this.sources.renders(), resources);
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
