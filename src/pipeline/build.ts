import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkPage, countFindings, type Finding } from '../check/run-checks.js';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { findAssets } from '../load/asset-files.js';
import type { Site } from '../model/site.js';
import { CodeHighlighter } from '../render/highlight.js';
import { HighlightAhead } from '../render/highlight-ahead.js';
import { grammarsUsed } from '../render/highlight-jobs.js';
import { SymbolLinkers } from '../render/symbol-links.js';
import { MarkdownRenderer } from '../render/markdown.js';
import { renderPageOutput } from '../render/page-output.js';
import { SiteFilesWriter } from '../render/site-files.js';
import { Templates, TemplateError } from '../render/templates.js';
import { folderTree } from '../render/views/navigation-view.js';
import type { FileFindings } from '../report/to-vfiles.js';
import { StagedOutput } from '../write/staged-output.js';
import { loadSite } from './load-site.js';

export interface BuildResult {
  results: FileFindings[];
  /** Pages written, or null when the build failed and wrote nothing. */
  written: number | null;
}

export interface BuildOptions {
  /** Told after each page is rendered: pages done, pages in all. */
  onPage?(done: number, total: number): void;
  /** Whether a worker thread highlights code ahead of the render (default: on sites of `minPagesForWorker` pages, with a spare core). */
  highlightWorker?: boolean;
  /** The worker's compiled script, when not the one beside the running code (tests run from sources). */
  highlightWorkerScript?: URL;
}

/** Below this many pages, starting a worker costs more than it saves. */
const minPagesForWorker = 100;

/** load → parse → index → check → render → write, all or nothing. */
export async function runBuild(config: Config, options: BuildOptions = {}): Promise<BuildResult> {
  guardOutFolder(config);
  const site = loadSite(config, { keepTrees: true });
  const results = site.index.pages.map((page) => ({ file: page.file, findings: checkPage(page, site) }));
  if (countFindings(results.flatMap((result) => result.findings)).errors > 0) return { results, written: null };

  const templates = new Templates(site.templates);
  const pages = site.index.pages.filter((page) => page.kind === 'page');
  const grammars = grammarsUsed(pages, site);
  const symbols = new SymbolLinkers();
  const useWorker = options.highlightWorker ?? (pages.length >= minPagesForWorker && os.availableParallelism() > 1);
  // Started first, so that the worker loads its grammars while the main thread loads its own.
  const ahead = useWorker ? HighlightAhead.start(pages, site, symbols, grammars, options.highlightWorkerScript) : null;
  const highlighter = await CodeHighlighter.create({ only: grammars });
  ahead?.serve(highlighter);
  const markdown = new MarkdownRenderer(config.basePath);
  const tree = folderTree(site.index.pages, site.index.navigation);
  const resources = { site, templates, markdown, highlighter, symbols, tree };
  const output = new StagedOutput(config.out);
  const siteFiles = new SiteFilesWriter(output, { site, templates, tree });
  let written = 0;
  let failed = false;
  try {
    const total = pages.length;
    let rendering = 0;
    for (const [position, page] of site.index.pages.entries()) {
      if (page.kind === 'page') ahead?.rendering(rendering++);
      const rendered = renderOrReport(() => renderPageOutput(page, resources), results[position]!.findings);
      // The tree is not needed again: let it go while the rest renders.
      page.tree = null;
      if (rendered === null) {
        failed = true;
        continue;
      }
      for (const file of rendered.files) await output.write(file.path, file.content);
      siteFiles.add(rendered);
      if (page.kind !== 'page') continue;
      written += 1;
      options.onPage?.(written, total);
    }
    for (const file of siteFiles.finish()) await output.write(file.path, file.content);
    for (const [name, file] of findAssets(config.templates)) await output.write(`assets/${name}`, fs.readFileSync(file));
    if (failed) {
      await output.abort();
      return { results, written: null };
    }
    await output.commit();
  } catch (error) {
    await output.abort();
    throw error;
  } finally {
    ahead?.close();
    highlighter.dispose();
  }
  return { results, written };
}

function renderOrReport<T>(render: () => T, findings: Finding[]): T | null {
  try {
    return render();
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    findings.push({ ruleId: 'template-error', severity: 'error', message: error.message, place: { line: 1, column: 1, endLine: 1, endColumn: 1 } });
    return null;
  }
}

/** Output replaces a whole folder: refuse folders that hold anything else of the project. */
function guardOutFolder(config: Config): void {
  const out = path.resolve(config.out);
  for (const protectedFolder of [config.cwd, config.content, config.examples, config.templates]) {
    const relative = path.relative(out, path.resolve(protectedFolder));
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
      throw new ConfigError(`Refusing to build into \`${config.out}\`: it holds \`${protectedFolder}\``, 'choose a dedicated folder such as `out/`');
    }
  }
}
