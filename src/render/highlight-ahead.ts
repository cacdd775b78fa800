import type { Site } from '../model/site.js';
import type { ParsedPage } from '../model/types.js';
import type { CodeHighlighter, Grammar } from './highlight.js';
import { highlightJobs } from './highlight-jobs.js';
import { HighlightPool } from './highlight-pool.js';
import type { SymbolLinkers } from './symbol-links.js';

/** How many pages ahead of the render the worker is asked for code, and how many at a time. */
const lookahead = 32;
const batch = 8;

/**
 * A build's highlight worker, kept `lookahead` pages ahead of the page being
 * rendered: it highlights their code while the main thread renders the rest.
 * It is asked a few pages at a time, since each message costs the main
 * thread a system call.
 */
export class HighlightAhead {
  private constructor(
    private readonly pool: HighlightPool,
    private readonly pages: readonly ParsedPage[],
    private readonly site: Site,
    private readonly symbols: SymbolLinkers,
  ) {}

  /** Starts the worker on the first pages' code; null when there is no compiled worker. */
  static start(pages: readonly ParsedPage[], site: Site, symbols: SymbolLinkers, grammars: Iterable<Grammar>, workerScript?: URL): HighlightAhead | null {
    const pool = HighlightPool.start(grammars, workerScript ? { workerScript } : {});
    if (!pool) return null;
    const ahead = new HighlightAhead(pool, pages, site, symbols);
    for (let position = 0; position < lookahead; position += batch) ahead.ask(position);
    return ahead;
  }

  /** Lets `highlighter` take what the worker made instead of highlighting it again. */
  serve(highlighter: CodeHighlighter): void {
    highlighter.usePool(this.pool);
  }

  /** Told before the page at `position` (in `pages`) renders. */
  rendering(position: number): void {
    this.ask(position + lookahead);
  }

  close(): void {
    this.pool.close();
  }

  private ask(position: number): void {
    if (position % batch !== 0) return;
    this.pool.request(this.pages.slice(position, position + batch).flatMap((page) => this.jobsOf(page)));
  }

  /** A page whose examples cannot even be read asks for nothing: its render reports the problem. */
  private jobsOf(page: ParsedPage): ReturnType<typeof highlightJobs> {
    try {
      return highlightJobs(page, this.site, this.symbols);
    } catch {
      return [];
    }
  }
}
