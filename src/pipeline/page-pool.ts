import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { workersBesideMain } from '../load/parse-pool.js';
import { PageWorker, type PageResult, type WorkSetup } from './page-work.js';
import type { WorkBatch, WorkMessage } from './page-worker.js';

export interface PagePoolOptions {
  /** Threads that check and render; 1 works in the main thread (default: one per core beside the main thread's, on sites large enough to pay). */
  jobs?: number;
  /** The compiled worker script; without one (running from TypeScript sources) the work stays in the main thread. */
  workerScript?: URL | null;
}

/** Below this many sources, starting workers (each builds its own index and loads its own grammars) costs more than it saves. */
const minSourcesForWorkers = 64;
/** Pages sent to a worker at a time, and batches it holds at once: enough that it never waits, few enough that results come back nearly in order. */
const batchSize = 4;
const batchesPerWorker = 2;

/**
 * Checks and renders the sources of `setup.facts` at `positions` (in page
 * order), in worker threads when that pays, and yields each result in that
 * order, whatever order the workers finish in: the output does not depend
 * on how many threads made it. A worker that dies costs the pages it held
 * an `internal-error`, and a new worker takes the rest.
 */
export async function* workOnPages(setup: WorkSetup, positions: readonly number[], options: PagePoolOptions = {}): AsyncGenerator<{ position: number; result: PageResult }> {
  if (positions.length === 0) return;
  const script = options.workerScript === undefined ? pageWorkerScript() : options.workerScript;
  // The main thread hashes what pages read and writes their files: workers leave it a core, and on two cores it works alone.
  const wanted = options.jobs ?? (positions.length >= minSourcesForWorkers ? Math.max(1, workersBesideMain()) : 1);
  const threads = Math.min(wanted, Math.ceil(positions.length / batchSize));
  if (!script || threads <= 1) {
    const worker = await PageWorker.start(setup);
    try {
      for (const position of positions) yield { position, result: await worker.work(setup.facts[position]!) };
    } finally {
      worker.dispose();
    }
    return;
  }
  yield* new ThreadPool(script, setup, positions, threads).results();
}

interface PoolThread {
  worker: Worker;
  /** Positions sent to it and not answered yet. */
  held: Set<number>;
  batches: number;
}

class ThreadPool {
  private readonly threads = new Set<PoolThread>();
  private readonly done = new Map<number, PageResult>();
  /** The next of `positions` to hand out. */
  private next = 0;
  private wake: (() => void) | null = null;

  constructor(
    private readonly script: URL,
    private readonly setup: WorkSetup,
    private readonly positions: readonly number[],
    count: number,
  ) {
    for (let started = 0; started < count; started += 1) this.startThread();
  }

  async *results(): AsyncGenerator<{ position: number; result: PageResult }> {
    try {
      for (const position of this.positions) {
        while (!this.done.has(position)) await new Promise<void>((resolve) => (this.wake = resolve));
        const result = this.done.get(position)!;
        this.done.delete(position);
        yield { position, result };
      }
    } finally {
      for (const thread of this.threads) void thread.worker.terminate();
      this.threads.clear();
    }
  }

  private startThread(): void {
    const thread: PoolThread = { worker: new Worker(this.script, { workerData: this.setup }), held: new Set(), batches: 0 };
    this.threads.add(thread);
    thread.worker.on('message', (message: WorkMessage) => {
      if ('ready' in message) {
        this.feed(thread);
      } else if ('batchDone' in message) {
        thread.batches -= 1;
        this.feed(thread);
      } else {
        thread.held.delete(message.position);
        this.settle(message.position, message.result);
      }
    });
    thread.worker.on('error', (error) => this.lose(thread, error));
    thread.worker.on('exit', (code) => {
      if (this.threads.has(thread)) this.lose(thread, new Error(`worker stopped with exit code ${code}`));
    });
  }

  /** Keeps a thread holding its batches, in page order. */
  private feed(thread: PoolThread): void {
    while (thread.batches < batchesPerWorker && this.next < this.positions.length) {
      const batch: WorkBatch = { pages: [] };
      for (; batch.pages.length < batchSize && this.next < this.positions.length; this.next += 1) {
        const position = this.positions[this.next]!;
        batch.pages.push({ position, facts: this.setup.facts[position]! });
        thread.held.add(position);
      }
      thread.batches += 1;
      thread.worker.postMessage(batch);
    }
  }

  private lose(thread: PoolThread, error: Error): void {
    if (!this.threads.delete(thread)) return;
    void thread.worker.terminate();
    for (const position of thread.held) {
      this.settle(position, {
        findings: [{ ruleId: 'internal-error', severity: 'error', message: `Building this file stopped a worker thread: ${error.message}; please report it`, place: { line: 1, column: 1, endLine: 1, endColumn: 1 } }],
        output: null,
        reads: null,
      });
    }
    if (this.next < this.positions.length) this.startThread();
  }

  private settle(position: number, result: PageResult): void {
    this.done.set(position, result);
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/** The compiled worker beside this module, or null when running from TypeScript sources. */
export function pageWorkerScript(): URL | null {
  const script = new URL('./page-worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') && fs.existsSync(fileURLToPath(script)) ? script : null;
}
