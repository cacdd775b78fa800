import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Grammar } from './highlight.js';
import type { SymbolRange } from './symbol-links.js';

/** One snippet to highlight, under the key the highlighter caches it by. */
export interface HighlightJob {
  key: string;
  code: string;
  lang: string | null;
  symbols: readonly SymbolRange[];
}

/** What the worker sends back: a snippet's HTML, or word that it is ready. */
export type HighlightMessage = { key: string; html: string } | { ready: true };

export interface HighlightWorkerSetup {
  /** The grammars to load (see `CodeHighlighter.create`). */
  grammars: Grammar[];
  /** Bumped by the worker after each message, so that a waiting main thread wakes. */
  signal: SharedArrayBuffer;
  results: MessagePort;
}

const defaultStallMs = 5000;

/**
 * Highlighting in a worker thread, ahead of the pages that show it. The
 * build asks for every example before it renders the first page; the worker
 * works through them in page order while the main thread renders, and
 * `take` hands a snippet over when its page gets there. A snippet the worker
 * has not answered in time (a crashed or stuck worker) is the caller's to
 * highlight itself: the pool costs time, never output.
 */
export class HighlightPool {
  private readonly done = new Map<string, string>();
  private readonly pending = new Set<string>();
  private readonly signal: Int32Array;
  private lastHeard = Date.now();

  private constructor(
    private readonly worker: Worker,
    private readonly results: MessagePort,
    signal: SharedArrayBuffer,
    private readonly stallMs: number,
  ) {
    this.signal = new Int32Array(signal);
  }

  /** A pool with one worker, or null when the compiled worker is not there (running from sources). */
  static start(
    grammars: Iterable<Grammar>,
    { stallMs = defaultStallMs, workerScript = highlightWorkerScript() }: { stallMs?: number; workerScript?: URL | null } = {},
  ): HighlightPool | null {
    if (!workerScript) return null;
    const signal = new SharedArrayBuffer(4);
    const channel = new MessageChannel();
    const setup: HighlightWorkerSetup = { grammars: [...grammars], signal, results: channel.port2 };
    const worker = new Worker(workerScript, { workerData: setup, transferList: [channel.port2] });
    // The worker never keeps the process alive; its failure shows as silence, handled in `take`.
    worker.unref();
    worker.on('error', () => {});
    return new HighlightPool(worker, channel.port1, signal, stallMs);
  }

  /** Queues snippets, in the order the pages will want them; keys already asked for are skipped. */
  request(jobs: Iterable<HighlightJob>): void {
    const batch: HighlightJob[] = [];
    for (const job of jobs) {
      if (this.pending.has(job.key) || this.done.has(job.key)) continue;
      this.pending.add(job.key);
      batch.push(job);
    }
    if (batch.length > 0) this.worker.postMessage(batch);
  }

  /** Whether `key` was asked for and not taken yet. */
  has(key: string): boolean {
    return this.pending.has(key) || this.done.has(key);
  }

  /** The HTML of a snippet asked for, waiting for the worker if need be; undefined if it was never asked for, or the worker went silent. */
  take(key: string): string | undefined {
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      this.drain();
      const html = this.done.get(key);
      if (html !== undefined) {
        this.done.delete(key);
        return html;
      }
      if (!this.pending.has(key)) return undefined;
      if (Date.now() - this.lastHeard > this.stallMs) {
        this.pending.delete(key);
        return undefined;
      }
      Atomics.wait(this.signal, 0, seen, 50);
    }
  }

  close(): void {
    this.results.close();
    void this.worker.terminate();
  }

  private drain(): void {
    for (let message = receiveMessageOnPort(this.results); message; message = receiveMessageOnPort(this.results)) {
      this.lastHeard = Date.now();
      const result = message.message as HighlightMessage;
      if ('ready' in result) continue;
      if (!this.pending.delete(result.key)) continue;
      this.done.set(result.key, result.html);
    }
  }
}

/** The compiled worker beside this module, or null when running from TypeScript sources. */
export function highlightWorkerScript(): URL | null {
  const script = new URL('./highlight-worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') && fs.existsSync(fileURLToPath(script)) ? script : null;
}
