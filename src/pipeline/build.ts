import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { markConsequences } from '../check/consequences.js';
import { checkPage, countFindings, type Finding } from '../check/run-checks.js';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { findAssets } from '../load/asset-files.js';
import type { Site } from '../model/site.js';
import { coverageFiles } from '../render/coverage.js';
import { CodeHighlighter } from '../render/highlight.js';
import { HighlightAhead } from '../render/highlight-ahead.js';
import { grammarsUsed } from '../render/highlight-jobs.js';
import { SymbolLinkers } from '../render/symbol-links.js';
import { MarkdownRenderer } from '../render/markdown.js';
import { SiteRenderer, type OutputFile } from '../render/site-renderer.js';
import { Templates, TemplateError } from '../render/templates.js';
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
  // In page order, as the render below reads them; reported with consequences of syntax errors marked.
  const results = site.index.pages.map((page) => ({ file: page.file, findings: checkPage(page, site) }));
  if (countFindings(results.flatMap((result) => result.findings)).errors > 0) return { results: markConsequences(results, site), written: null };

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
  const renderer = new SiteRenderer({ site, templates, markdown, highlighter, symbols });
  const output = new StagedOutput(config.out);
  let written = 0;
  let failed = false;
  try {
    const total = pages.length;
    let rendering = 0;
    for (const [position, page] of site.index.pages.entries()) {
      if (page.kind !== 'page') continue;
      ahead?.rendering(rendering++);
      const files = renderOrReport(() => renderer.renderPage(page), results[position]!.findings);
      // The tree is not needed again: let it go while the rest renders.
      page.tree = null;
      if (files === null) {
        failed = true;
        continue;
      }
      for (const file of files) await output.write(file.path, file.content);
      written += 1;
      options.onPage?.(written, total);
    }
    for (const file of generatedFiles(renderer, site, templates)) await output.write(file.path, file.content);
    for (const [name, file] of findAssets(config.templates)) await output.write(`assets/${name}`, fs.readFileSync(file));
    if (failed) {
      await output.abort();
      return { results: markConsequences(results, site), written: null };
    }
    await output.commit();
  } catch (error) {
    await output.abort();
    throw error;
  } finally {
    ahead?.close();
    highlighter.dispose();
  }
  return { results: markConsequences(results, site), written };
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

/**
 * The files about the whole site, once every page is rendered. A built-in or
 * project template that fails on a generated page (404, index, coverage) is a
 * configuration problem.
 */
export function generatedFiles(renderer: SiteRenderer, site: Site, templates: Templates): OutputFile[] {
  try {
    return [...renderer.siteFiles(), ...coverageFiles(site, templates)];
  } catch (error) {
    if (error instanceof TemplateError) throw new ConfigError(error.message, 'fix the template named in the message');
    throw error;
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
