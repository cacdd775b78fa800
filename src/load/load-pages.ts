import type { ParsedPage } from '../model/types.js';
import { emptyPage, sourceHash } from '../parse/parse-page.js';
import type { SourceFile } from './find-sources.js';
import { ParseCache } from './parse-cache.js';
import { parseEach, type ParseTask, type PoolOptions } from './parse-pool.js';
import { readSource } from './read-source.js';

export interface LoadPagesOptions {
  /** Keep body trees for rendering. */
  keepTrees: boolean;
  /** Contents to use instead of the file on disk, by absolute path. */
  contents?: ReadonlyMap<string, Buffer>;
  /** The parse cache folder, or null for none. */
  cache: string | null;
  /** Pool settings, for tests and benchmarks. */
  pool?: Omit<PoolOptions, 'parse' | 'cacheRoot'>;
}

/**
 * Reads every source and parses what the cache does not already hold, in
 * worker threads when that pays. The pages come back in source order, the
 * same whichever way each was obtained.
 */
export function loadPages(sources: readonly SourceFile[], options: LoadPagesOptions): ParsedPage[] {
  const pages: ParsedPage[] = new Array(sources.length);
  loadEach(sources, options, (index, page) => {
    pages[index] = page;
  });
  return pages;
}

/**
 * Loads every source as `loadPages` does, but hands each page to `take`
 * (by its index in `sources`, in the order they come) and keeps none.
 */
export function loadEach(sources: readonly SourceFile[], options: LoadPagesOptions, take: (index: number, page: ParsedPage) => void): void {
  const cache = options.cache ? new ParseCache(options.cache) : null;
  const tasks: ParseTask[] = [];
  sources.forEach((source, index) => {
    const given = options.contents?.get(source.file);
    const read = given ? ({ ok: true, bytes: given } as const) : readSource(source.file);
    if (!read.ok) {
      take(index, { ...emptyPage(source, ''), diagnostics: [read.diagnostic] });
      return;
    }
    const hash = sourceHash(read.bytes);
    // Only pages keep a tree: partials and navigation files share one entry between check and build.
    const cacheKey = cache ? cache.key(hash, source.kind, options.keepTrees && source.kind === 'page') : null;
    const cached = cache && cacheKey ? cache.read(cacheKey, source, hash) : null;
    if (cached) take(index, cached);
    else tasks.push({ index, job: { source, bytes: read.bytes, hash }, cacheKey });
  });
  parseEach(tasks, { ...options.pool, parse: { keepTree: options.keepTrees }, cacheRoot: options.cache }, (position, page) => take(tasks[position]!.index, page));
}
