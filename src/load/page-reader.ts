import type { ParsedPages } from '../index/facts-index.js';
import type { PageFacts } from '../index/page-facts.js';
import type { ParsedPage } from '../model/types.js';
import { ParseCache } from './parse-cache.js';
import { runParseJob } from './parse-job.js';
import { readSource } from './read-source.js';
import { emptyPage } from '../parse/parse-page.js';

/** Pages read back at once: enough for the pages one page refers to, few enough to stay small on any site. */
const keptPages = 256;

/**
 * Reads the parsed form (without body tree) of a page the index knows by
 * its facts: from the parse cache when it holds the page's bytes, else by
 * parsing the file again. The last pages read are kept, so that a page's
 * many lookups into another cost one read.
 */
export class PageReader implements ParsedPages {
  private readonly cache: ParseCache | null;
  private readonly kept = new Map<string, ParsedPage>();

  constructor(cacheRoot: string | null) {
    this.cache = cacheRoot ? new ParseCache(cacheRoot) : null;
  }

  parsed(facts: PageFacts): ParsedPage {
    const found = this.kept.get(facts.file);
    if (found && found.hash === facts.hash) {
      // Most recently used last: the first one is the one to let go.
      this.kept.delete(facts.file);
      this.kept.set(facts.file, found);
      return found;
    }
    const page = this.read(facts);
    this.keep(page);
    return page;
  }

  /** A page parsed elsewhere in this run, kept for the lookups that follow. */
  keep(page: ParsedPage): void {
    this.kept.delete(page.file);
    this.kept.set(page.file, page);
    if (this.kept.size > keptPages) this.kept.delete(this.kept.keys().next().value!);
  }

  /** Keeps a page the reader holds without its body tree, which only its own render reads. */
  dropTree(file: string): void {
    const page = this.kept.get(file);
    if (page?.tree) this.kept.set(file, { ...page, tree: null });
  }

  private read(facts: PageFacts): ParsedPage {
    const source = { file: facts.file, relativePath: facts.relativePath, kind: facts.kind, url: facts.url };
    const cached = this.cache?.read(this.cache.key(facts.hash, facts.kind, false), source, facts.hash);
    if (cached) return cached;
    const read = readSource(facts.file);
    if (!read.ok) return { ...emptyPage(source, facts.hash), diagnostics: [read.diagnostic] };
    return runParseJob({ source, bytes: read.bytes, hash: facts.hash }, { keepTree: false });
  }
}
