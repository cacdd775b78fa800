/**
 * What a build gives of each source, in page order: the findings and
 * output the output cache recorded, when the source's bytes and everything
 * it read of the site hash as they did then; else the findings and output
 * of working on it now, in one of the threads, recorded for the next run.
 * `build` writes these results out; `dev` keeps them and goes on from them.
 * Without a cache every source is worked on: a run without a cache is a
 * run from an empty one.
 */
import { countFindings, type Finding } from '../check/run-checks.js';
import type { Config } from '../config/config.js';
import type { PageFacts } from '../index/page-facts.js';
import type { PageOutput } from '../render/page-output.js';
import type { NavigationLink } from '../model/types.js';
import { DependencySet } from './dependencies.js';
import type { OpenSite } from './load-site.js';
import { checkKey, OutputCache, renderKey, type KeptFile, type PageRecord, type RenderRecord } from './output-cache.js';
import { workOnPages, type PagePoolOptions } from './page-pool.js';
import type { PageReads, PageResult } from './page-work.js';
import { dependencySetOf, ReadingHashes, type ReadingSources } from './reading-hashes.js';

/** A source's result: its output made now, or kept in the cache. */
export type SourceResult =
  | { from: 'work'; findings: Finding[]; output: PageOutput | null; reads: PageReads | null; record: PageRecord | null }
  | { from: 'cache'; findings: Finding[]; record: PageRecord };

export interface SourceResultsOptions extends PagePoolOptions {
  /** Record what each worked source reads even without a cache (a dev server follows changes by it). */
  alwaysRecordReads?: boolean;
}

/** The results of every source of an opened site, in page order; iterate once. */
export class SourceResults implements AsyncIterable<{ position: number; source: PageFacts; result: SourceResult }> {
  /** Sources to work on now (the others the cache answers for), by path under the content root. */
  readonly worked: string[];
  private readonly reusable = new Map<number, PageRecord>();
  private readonly toWork: number[] = [];

  constructor(
    private readonly config: Config,
    private readonly opened: OpenSite,
    readonly cache: CachedResults | null,
    private readonly options: SourceResultsOptions = {},
  ) {
    opened.facts.forEach((source, position) => {
      const record = cache?.reusable(source);
      if (record) this.reusable.set(position, record);
      else this.toWork.push(position);
    });
    this.worked = this.toWork.map((position) => opened.facts[position]!.relativePath);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<{ position: number; source: PageFacts; result: SourceResult }> {
    const { facts, cacheRoot } = this.opened;
    const record = this.cache !== null || this.options.alwaysRecordReads === true;
    const worked = workOnPages({ config: this.config, facts, cacheRoot, record }, this.toWork, this.options)[Symbol.asyncIterator]();
    try {
      for (const [position, source] of facts.entries()) {
        const kept = this.reusable.get(position);
        if (kept) {
          this.reusable.delete(position);
          yield { position, source, result: { from: 'cache', findings: kept.check.findings, record: kept } };
          continue;
        }
        const next = await worked.next();
        if (next.done || next.value.position !== position) throw new Error(`The results of the build's threads came out of order at ${source.relativePath}`);
        const { result } = next.value;
        const recorded = this.cache?.record(source, result) ?? null;
        yield { position, source, result: { from: 'work', findings: result.findings, output: result.output, reads: result.reads, record: recorded } };
      }
    } finally {
      await worked.return?.(undefined);
    }
  }
}

/** The output cache as a run uses it: which sources it can answer for, and what the others gave. */
export class CachedResults {
  private readonly checkKey: string;
  private readonly renderKey: string;
  private readonly hashes: { check: ReadingHashes; render: ReadingHashes };

  private constructor(
    private readonly cache: OutputCache,
    config: Config,
    templates: ReadonlyMap<string, string>,
    sources: ReadingSources,
  ) {
    this.checkKey = checkKey(config, templates);
    this.renderKey = renderKey(config, templates);
    this.hashes = { check: new ReadingHashes(sources, 'check'), render: new ReadingHashes(sources, 'render') };
  }

  /** The output cache of an opened site, judged against its index and folder tree; null when the run has no cache. */
  static of(config: Config, opened: OpenSite, tree: NavigationLink[]): CachedResults | null {
    if (opened.cacheRoot === null) return null;
    const { site } = opened;
    return new CachedResults(new OutputCache(opened.cacheRoot, config.content), config, site.templates, { index: site.index, examples: site.examples, tree: () => tree });
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

  /** The files a rendered record keeps. */
  files(render: RenderRecord): KeptFile[] {
    return this.cache.files(render);
  }

  /** A rendered record's share of the files about the whole site, read back. */
  shares(render: RenderRecord): Omit<PageOutput, 'files'> {
    return this.cache.shares(render);
  }

  /** Keeps what a source gave when it was worked on, for the next run; the record as kept, or null when there is none to keep. */
  record(source: PageFacts, result: PageResult): PageRecord | null {
    if (!result.reads) return null;
    const { check, render, hasSyntaxError } = result.reads;
    return this.cache.write(
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

/** What a source's result says it read, as dependency sets: a run that goes on finds the sources a change concerns by them. */
export function readsOf(result: SourceResult): { check: DependencySet; render: DependencySet | null } {
  if (result.from === 'cache') {
    const { check, render } = result.record;
    return { check: dependencySetOf(check.dependencies), render: render && dependencySetOf(render.dependencies) };
  }
  // Polyref failed on the source (its finding says so): nothing is known of what it reads.
  if (!result.reads) return { check: new DependencySet(), render: null };
  return { check: dependencySetOf(result.reads.check), render: result.reads.render && dependencySetOf(result.reads.render) };
}
