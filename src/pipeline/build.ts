import fs from 'node:fs';
import path from 'node:path';
import { countFindings } from '../check/run-checks.js';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { findAssets } from '../load/asset-files.js';
import { SiteFilesWriter } from '../render/site-files.js';
import { Templates } from '../render/templates.js';
import { folderTree } from '../render/views/navigation-view.js';
import type { FileFindings } from '../report/to-vfiles.js';
import { StagedOutput } from '../write/staged-output.js';
import { openSite } from './load-site.js';
import { workOnPages, type PagePoolOptions } from './page-pool.js';

export interface BuildResult {
  results: FileFindings[];
  /** Pages written, or null when the build failed and wrote nothing. */
  written: number | null;
}

export interface BuildOptions extends PagePoolOptions {
  /** Told after each page is rendered: pages done, pages in all. */
  onPage?(done: number, total: number): void;
}

/**
 * load → parse → index, then check → render → write page by page, all or
 * nothing. The index is built from each source's facts; each page is then
 * read, checked and rendered whole in one of the threads, its files written
 * in page order as they come, and let go. A page with an error is not
 * rendered, and the build then writes nothing.
 */
export async function runBuild(config: Config, options: BuildOptions = {}): Promise<BuildResult> {
  guardOutFolder(config);
  const { site, facts, cacheRoot } = openSite(config);
  const tree = folderTree(site.index.pages, site.index.navigation);
  const output = new StagedOutput(config.out);
  const siteFiles = new SiteFilesWriter(output, { site, templates: new Templates(site.templates), tree });
  const results: FileFindings[] = [];
  const total = facts.filter((source) => source.kind === 'page').length;
  let written = 0;
  let failed = false;
  try {
    for await (const { position, result } of workOnPages({ config, facts, cacheRoot }, options)) {
      results.push({ file: facts[position]!.file, findings: result.findings });
      if (countFindings(result.findings).errors > 0) failed = true;
      if (failed || !result.output) continue;
      for (const file of result.output.files) await output.write(file.path, file.content);
      siteFiles.add(result.output);
      if (facts[position]!.kind !== 'page') continue;
      written += 1;
      options.onPage?.(written, total);
    }
    if (failed) {
      await output.abort();
      return { results, written: null };
    }
    for (const file of siteFiles.finish()) await output.write(file.path, file.content);
    for (const [name, file] of findAssets(config.templates)) await output.write(`assets/${name}`, fs.readFileSync(file));
    await output.commit();
  } catch (error) {
    await output.abort();
    throw error;
  }
  return { results, written };
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
