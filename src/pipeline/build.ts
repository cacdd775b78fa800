import fs from 'node:fs';
import path from 'node:path';
import { checkPage, countFindings, type Finding } from '../check/run-checks.js';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { findAssets } from '../load/asset-files.js';
import type { ParsedPage } from '../model/types.js';
import { CodeHighlighter } from '../render/highlight.js';
import { MarkdownRenderer } from '../render/markdown.js';
import { renderPage, siteView } from '../render/page.js';
import { withBasePath } from '../render/sanitize.js';
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

/** load → parse → index → check → render → write, all or nothing. */
export async function runBuild(config: Config): Promise<BuildResult> {
  guardOutFolder(config);
  const site = loadSite(config, { keepTrees: true });
  const results = site.index.pages.map((page) => ({ file: page.file, findings: checkPage(page, site) }));
  if (countFindings(results.flatMap((result) => result.findings)).errors > 0) return { results, written: null };

  const templates = new Templates(site.templates);
  const highlighter = await CodeHighlighter.create();
  const markdown = new MarkdownRenderer(config.basePath);
  const tree = folderTree(site.index.pages);
  const output = new StagedOutput(config.out);
  let written = 0;
  let failed = false;
  try {
    for (const [position, page] of site.index.pages.entries()) {
      if (page.kind !== 'page') continue;
      const html = renderOrReport(page, () => renderPage(page, { site, page, templates, markdown, highlighter, ids: new Set() }, tree), results[position]!.findings);
      // The tree is not needed again: let it go while the rest renders.
      page.tree = null;
      if (html === null) {
        failed = true;
        continue;
      }
      output.write(path.posix.join('.', page.url, 'index.html'), html);
      written += 1;
    }
    if (!site.index.pagesByUrl.has('/')) {
      output.write('index.html', templates.render('index', { site: siteView({ site }), pages: pageList(site.index.pages, config.basePath) }));
    }
    for (const [name, file] of findAssets(config.templates)) output.write(`assets/${name}`, fs.readFileSync(file));
    if (failed) {
      output.abort();
      return { results, written: null };
    }
    output.commit();
  } catch (error) {
    output.abort();
    throw error;
  } finally {
    highlighter.dispose();
  }
  return { results, written };
}

function renderOrReport(page: ParsedPage, render: () => string, findings: Finding[]): string | null {
  try {
    return render();
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    findings.push({ ruleId: 'template-error', severity: 'error', message: error.message, place: { line: 1, column: 1, endLine: 1, endColumn: 1 } });
    return null;
  }
}

function pageList(pages: ParsedPage[], basePath: string) {
  return pages
    .filter((page) => page.kind === 'page')
    .map((page) => ({ title: page.title ?? page.url, url: page.url, href: withBasePath(page.url, basePath) }));
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
