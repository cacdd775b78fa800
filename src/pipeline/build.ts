import fs from 'node:fs';
import path from 'node:path';
import { markConsequences } from '../check/consequences.js';
import { countFindings, type Finding } from '../check/run-checks.js';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import type { PageFacts } from '../index/page-facts.js';
import { findAssets } from '../load/asset-files.js';
import type { PageOutput } from '../render/page-output.js';
import { SiteFilesWriter } from '../render/site-files.js';
import { Templates } from '../render/templates.js';
import { folderTree } from '../render/views/navigation-view.js';
import type { FileFindings } from '../report/to-vfiles.js';
import { StagedOutput } from '../write/staged-output.js';
import { openSite } from './load-site.js';
import { checkKey, OutputCache, renderKey, type PageRecord } from './output-cache.js';
import { workOnPages, type PagePoolOptions } from './page-pool.js';
import type { PageResult } from './page-work.js';
import { ReadingHashes, type ReadingSources } from './reading-hashes.js';

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

/** A source's result as the build writes it: its output made now, or kept in the cache. */
type SourceResult =
  | { from: 'work'; findings: Finding[]; output: PageOutput | null }
  | { from: 'cache'; findings: Finding[]; record: PageRecord };

/**
 * load → parse → index, then check → render → write source by source, all
 * or nothing. The index is built from each source's facts. A source whose
 * bytes, and everything it read of the site, hash as they did when the
 * output cache recorded it gives its recorded findings and output again;
 * each other one is read, checked and rendered whole in one of the threads
 * (and recorded). Files are written in page order as they come, and let
 * go. A source with an error is not rendered, and the build then writes
 * nothing. Without a cache every source is worked on: a build without a
 * cache is a build from an empty one.
 */
export async function runBuild(config: Config, options: BuildOptions = {}): Promise<BuildResult> {
  guardOutFolder(config);
  const { site, facts, cacheRoot } = openSite(config);
  const tree = folderTree(site.index);
  const cache = cacheRoot === null ? null : new CachedResults(new OutputCache(cacheRoot, config.content), config, site.templates, { index: site.index, examples: site.examples, tree: () => tree });
  const reusable = new Map<number, PageRecord>();
  const toWork: number[] = [];
  facts.forEach((source, position) => {
    const record = cache?.reusable(source);
    if (record) reusable.set(position, record);
    else toWork.push(position);
  });

  const output = new StagedOutput(config.out, cache?.manifestFile(config.out) ?? null);
  const siteFiles = new SiteFilesWriter(output, { site, templates: new Templates(site.templates), tree });
  const worked = workOnPages({ config, facts, cacheRoot, record: cache !== null }, toWork, options)[Symbol.asyncIterator]();
  const resultOf = async (position: number): Promise<SourceResult> => {
    const record = reusable.get(position);
    if (record) {
      reusable.delete(position);
      return { from: 'cache', findings: record.check.findings, record };
    }
    const next = await worked.next();
    if (next.done || next.value.position !== position) throw new Error(`The results of the build's threads came out of order at ${facts[position]!.relativePath}`);
    const { result } = next.value;
    cache?.record(facts[position]!, result);
    return { from: 'work', findings: result.findings, output: result.output };
  };
  const workedPaths = () => toWork.map((position) => facts[position]!.relativePath);
  const results: FileFindings[] = [];
  const total = facts.filter((source) => source.kind === 'page').length;
  let written = 0;
  let fromCache = 0;
  let failed = false;
  try {
    for (const [position, source] of facts.entries()) {
      const result = await resultOf(position);
      results.push({ file: source.file, findings: result.findings });
      if (countFindings(result.findings).errors > 0) failed = true;
      if (failed) continue;
      if (result.from === 'work') {
        if (!result.output) continue;
        for (const file of result.output.files) await output.write(file.path, file.content);
        siteFiles.add(result.output);
      } else if (result.record.render) {
        const kept = cache!.output(result.record);
        for (const file of kept.files) await output.copy(file.path, file.from, file.hash);
        siteFiles.add({ files: [], ...kept.shares });
      }
      if (source.kind !== 'page') continue;
      written += 1;
      if (result.from === 'cache') fromCache += 1;
      options.onPage?.(written, total);
    }
    if (failed) {
      await output.abort();
      return { results: markConsequences(results, site), written: null, worked: workedPaths(), fromCache: 0 };
    }
    for (const file of siteFiles.finish()) await output.write(file.path, file.content);
    for (const [name, file] of findAssets(config.templates)) await output.write(`assets/${name}`, fs.readFileSync(file));
    await output.commit();
    cache?.prune(facts);
  } catch (error) {
    await output.abort();
    throw error;
  } finally {
    await worked.return?.(undefined);
  }
  return { results: markConsequences(results, site), written, worked: workedPaths(), fromCache };
}

/** The output cache as a build uses it: which sources it can answer for, and what the others gave. */
class CachedResults {
  private readonly checkKey: string;
  private readonly renderKey: string;
  private readonly hashes: { check: ReadingHashes; render: ReadingHashes };

  constructor(
    private readonly cache: OutputCache,
    config: Config,
    templates: ReadonlyMap<string, string>,
    sources: ReadingSources,
  ) {
    this.checkKey = checkKey(config, templates);
    this.renderKey = renderKey(config, templates);
    this.hashes = { check: new ReadingHashes(sources, 'check'), render: new ReadingHashes(sources, 'render') };
  }

  /** The record of `source` when it holds what checking and rendering it now would give. */
  reusable(source: PageFacts): PageRecord | null {
    const record = this.cache.read(source.relativePath);
    if (!record || record.hash !== source.hash || record.kind !== source.kind) return null;
    if (record.checkKey !== this.checkKey || !this.hashes.check.unchanged(record.check.dependencies)) return null;
    // A source with an error is never rendered: its findings are all it gives.
    if (countFindings(record.check.findings).errors > 0) return record;
    const render = record.render;
    if (record.renderKey !== this.renderKey || !render || !this.hashes.render.unchanged(render.dependencies)) return null;
    return this.cache.complete(render) ? record : null;
  }

  manifestFile(out: string): string {
    return this.cache.manifestFile(out);
  }

  output(record: PageRecord): ReturnType<OutputCache['output']> {
    return this.cache.output(record.render!);
  }

  /** Keeps what a source gave when it was worked on, for the next build. */
  record(source: PageFacts, result: PageResult): void {
    if (!result.reads) return;
    const { check, render, hasSyntaxError } = result.reads;
    this.cache.write(
      source.relativePath,
      { hash: source.hash, kind: source.kind, hasSyntaxError, checkKey: this.checkKey, check: { dependencies: check, findings: result.findings }, renderKey: render ? this.renderKey : null },
      render && result.output ? { dependencies: render, output: result.output } : null,
    );
  }

  /** Drops what sources no longer there, and contents no longer named, left in the cache. */
  prune(facts: readonly PageFacts[]): void {
    this.cache.prune(new Set(facts.map((source) => this.cache.recordName(source.relativePath))));
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
