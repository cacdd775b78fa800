import fs from 'node:fs';
import path from 'node:path';
import { markConsequences } from '../check/consequences.js';
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
import type { PagePoolOptions } from './page-pool.js';
import { CachedResults, SourceResults } from './source-results.js';

export interface BuildResult {
  results: FileFindings[];
  /** Pages written, or null when the build failed and wrote nothing. */
  written: number | null;
  /** Sources checked and rendered by this build, by path under the content root; the others were taken whole from the cache. */
  worked: string[];
  /** Pages written as the cache kept them. */
  fromCache: number;
}

export interface BuildOptions extends PagePoolOptions {
  /** Told after each page is written: pages done, pages in all. */
  onPage?(done: number, total: number): void;
}

/**
 * load → parse → index, then check → render → write source by source, all
 * or nothing. The index is built from each source's facts; each source's
 * findings and output come from the output cache or from working on it
 * now (`source-results.ts`). Files are written in page order as they come,
 * and let go. A source with an error is not rendered, and the build then
 * writes nothing.
 */
export async function runBuild(config: Config, options: BuildOptions = {}): Promise<BuildResult> {
  guardOutFolder(config);
  const opened = openSite(config);
  const { site, facts, cacheRoot } = opened;
  const tree = folderTree(site.index);
  const cache = CachedResults.of(config, opened, tree);
  const sources = new SourceResults(config, opened, cache, options);
  const output = new StagedOutput(config.out, cache?.manifestFile(config.out) ?? null);
  const siteFiles = new SiteFilesWriter(output, { site, templates: new Templates(site.templates), tree });
  const results: FileFindings[] = [];
  const total = facts.filter((source) => source.kind === 'page').length;
  let written = 0;
  let fromCache = 0;
  let failed = false;
  try {
    for await (const { source, result } of sources) {
      results.push({ file: source.file, findings: result.findings });
      if (countFindings(result.findings).errors > 0) failed = true;
      if (failed) continue;
      if (result.from === 'work') {
        if (!result.output) continue;
        for (const file of result.output.files) await output.write(file.path, file.content);
        siteFiles.add(result.output);
      } else if (result.record.render) {
        for (const file of cache!.files(result.record.render)) await output.copy(file.path, file.from, file.hash);
        siteFiles.add({ files: [], ...cache!.shares(result.record.render) });
      }
      if (source.kind !== 'page') continue;
      written += 1;
      if (result.from === 'cache') fromCache += 1;
      options.onPage?.(written, total);
    }
    if (failed) {
      await output.abort();
      return { results: markConsequences(results, site), written: null, worked: sources.worked, fromCache: 0 };
    }
    for (const file of siteFiles.finish()) await output.write(file.path, file.content);
    for (const [name, file] of findAssets(config.templates)) await output.write(`assets/${name}`, fs.readFileSync(file));
    await output.commit();
    cache?.prune(facts);
  } catch (error) {
    await output.abort();
    throw error;
  }
  return { results: markConsequences(results, site), written, worked: sources.worked, fromCache };
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
