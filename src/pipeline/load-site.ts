import fs from 'node:fs';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { buildFactsIndex } from '../index/facts-index.js';
import { pageFacts, type PageFacts } from '../index/page-facts.js';
import { buildSiteIndex } from '../index/site-index.js';
import { ExampleStore } from '../load/examples.js';
import { FactsStore } from '../load/facts-store.js';
import { findSources, type SourceFile } from '../load/find-sources.js';
import { loadEach, loadPages, type LoadPagesOptions } from '../load/load-pages.js';
import { PageReader } from '../load/page-reader.js';
import { readSource } from '../load/read-source.js';
import { sourceHash } from '../parse/parse-page.js';
import { componentNames, findTemplates } from '../load/template-files.js';
import type { Site } from '../model/site.js';
import type { ParsedPage } from '../model/types.js';

export interface LoadOptions {
  /** Keep body trees for rendering. `check` never does. */
  keepTrees: boolean;
  /** Contents to use instead of the file on disk (staged content, an editor's buffer), by absolute path. */
  contents?: ReadonlyMap<string, Buffer>;
  /** Sources to leave out though the disk has them (pages a staged commit deletes), by absolute path. */
  without?: ReadonlySet<string>;
  /** `false` parses every page afresh, whatever `config.cache` says. */
  cache?: false;
  /** Worker pool settings, for tests and benchmarks. */
  pool?: LoadPagesOptions['pool'];
}

/** load → parse → index: every source under the content root, read, parsed and held whole in memory. */
export function loadSite(config: Config, options: LoadOptions): Site {
  assertContentFolder(config);
  const without = options.without;
  const found = findSources(config.content);
  const sources = found.filter((source) => !without?.has(source.file));
  const pages = loadPages(sources, {
    keepTrees: options.keepTrees,
    contents: options.contents,
    cache: options.cache === false ? null : config.cache,
    pool: options.pool,
  });
  return siteOf(config, buildSiteIndex(pages));
}

export interface OpenSiteOptions {
  /** Contents to use instead of the file on disk (staged content), by absolute path; never stored as facts. */
  contents?: ReadonlyMap<string, Buffer>;
  /** Sources to leave out (a commit's deletions still in the working tree), by absolute path. */
  without?: ReadonlySet<string>;
  /**
   * Keep the pages this run parses in the index whole (a check, which reads
   * them again at once); else the index holds only facts and the pages are
   * let go (a build, whose threads read each page again).
   */
  keepParsed?: boolean;
  /** Worker pool settings, for tests and benchmarks. */
  pool?: LoadPagesOptions['pool'];
}

/** A site whose index holds the facts of its pages, and where to read the pages themselves. */
export interface OpenSite {
  site: Site;
  /** The pages' facts, in page order. */
  facts: PageFacts[];
  /** Reads a page, without its body tree, when a check or a lookup needs more than its facts. */
  reader: PageReader;
  /** Where parsed pages are kept across runs; null without a cache, when a page is parsed again when read again. */
  cacheRoot: string | null;
}

/**
 * load → parse → index, for a site of any size: the facts of each source
 * come from the facts store when its file is unchanged (by size and time),
 * else from parsing it (the parse cache answering for bytes it has seen);
 * the index is built from the facts alone. Without a cache, a page whose
 * facts are not enough is parsed again when read: a run without a cache is
 * a run from an empty one that keeps nothing.
 */
export function openSite(config: Config, options: OpenSiteOptions = {}): OpenSite {
  assertContentFolder(config);
  const cacheRoot = config.cache;
  const without = options.without;
  const found = findSources(config.content);
  const sources = found.filter((source) => !without?.has(source.file));
  const store = FactsStore.open(config.cache, config.content);
  const facts: PageFacts[] = new Array(sources.length);
  const stale: Array<{ position: number; source: SourceFile; stat: fs.Stats | null }> = [];
  sources.forEach((source, position) => {
    const given = options.contents?.get(source.file);
    const stat = given ? null : statOrNull(source.file);
    const known = stat ? store.fresh(source, stat) : null;
    if (known) facts[position] = known;
    else stale.push({ position, source, stat });
  });
  // A touched file may hold the bytes its facts were read from: they stand, under its new time.
  const bytesRead = new Map(options.contents ?? []);
  const toParse = stale.filter(({ position, source, stat }) => {
    if (!stat || !store.has(source)) return true;
    const read = readSource(source.file);
    if (!read.ok) return true;
    const same = store.sameBytes(source, sourceHash(read.bytes));
    if (!same) {
      bytesRead.set(source.file, read.bytes);
      return true;
    }
    facts[position] = same;
    store.set(same, stat);
    return false;
  });
  // Each page gives its facts as it is parsed; only a check keeps the page itself, read already, for the index to hold whole.
  const parsedNow = new Map<string, ParsedPage>();
  loadEach(
    toParse.map(({ source }) => source),
    { keepTrees: false, contents: bytesRead, cache: cacheRoot, pool: options.pool },
    (at, page) => {
      const { position, stat } = toParse[at]!;
      facts[position] = pageFacts(page);
      if (options.keepParsed) parsedNow.set(page.file, page);
      if (stat) store.set(facts[position], stat);
    },
  );
  store.save(new Set(found.map((source) => source.relativePath)));
  const reader = new PageReader(cacheRoot);
  return {
    site: siteOf(config, buildFactsIndex(facts, reader, options.keepParsed ? parsedNow : undefined)),
    facts,
    reader,
    cacheRoot,
  };
}

function siteOf(config: Config, index: Site['index']): Site {
  const templates = findTemplates(config.templates);
  return { config, index, examples: new ExampleStore(config.examples), templates, components: componentNames(templates) };
}

function assertContentFolder(config: Config): void {
  if (!fs.existsSync(config.content) || !fs.statSync(config.content).isDirectory()) {
    throw new ConfigError(`Cannot find content folder \`${config.content}\``, 'pass `--content DIR` or set `content` in polyref.config.json');
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}
