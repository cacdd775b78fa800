import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ParsedPage } from '../model/types.js';
import type { ParseOptions } from '../parse/parse-page.js';
import { ParseCache } from './parse-cache.js';
import { contentJson, pageFromContent, runParseJob, survivesJson, type PageContent, type ParseJob } from './parse-job.js';

/** A page to parse, its place in the result, and the cache entry to fill. */
export interface ParseTask {
  index: number;
  job: ParseJob;
  cacheKey: string | null;
}

/** What a worker sends back for one task: the page as content JSON, or as a cloned object when JSON would change it. */
export type ParseResult = { index: number; json: string } | { index: number; content: PageContent };

/** What the main thread sends a worker. */
export interface ParseBatch {
  tasks: Array<{ index: number; job: ParseJob; cacheKey: string | null }>;
}

export interface WorkerSetup {
  options: ParseOptions;
  cacheRoot: string | null;
  /** Bumped by a worker after each message, so that a waiting main thread wakes. */
  signal: SharedArrayBuffer;
  results: MessagePort;
}

export interface PoolOptions {
  parse: ParseOptions;
  /** Where misses are written, or null without a cache. */
  cacheRoot: string | null;
  /** Workers besides the main thread (default: available cores less one). */
  workers?: number;
  /** Bytes of pages each thread needs for a worker to pay (default: `minBytesPerThread`); 0 starts workers for any amount. */
  minBytesPerThread?: number;
  /** The compiled worker script; without one (running from TypeScript sources) parsing stays in-thread. */
  workerScript?: URL | null;
  /** Whether the main thread parses too (default true); tests turn it off to make the workers do all. */
  mainThreadParses?: boolean;
  /** How long the main thread waits for silent workers before it parses their pages itself. */
  stallMs?: number;
}

/**
 * How many bytes of pages each thread, the main one included, must have to
 * parse for one more worker to pay: a worker loads its modules, warms up its
 * own compiler and sends every page back as JSON, which the main thread
 * reads again. Kept with their body trees (a build), pages cost enough that
 * about 3 MB (some 250 reference pages) pay for one worker beside the main
 * thread. Without trees (a check), a simple page parses several times
 * faster, while a worker costs as much as before: on two cores it saved
 * little time for 11 MB of pages and cost half again as much CPU.
 */
export function minBytesPerThread(keepTree: boolean): number {
  return (keepTree ? 1.5 : 8) * 1024 * 1024;
}
/** Worker threads that leave one core to the main thread, which has work of its own; none on one core. */
export function workersBesideMain(): number {
  return Math.max(0, os.availableParallelism() - 1);
}

const batchSize = 8;
const defaultStallMs = 2000;

/**
 * Parses every task, in worker threads when there is enough work, and
 * returns the pages in task order. The main thread parses too, and takes
 * back any task a worker leaves unanswered (a crashed or stuck worker
 * costs time, never a page). Synchronous: the main thread has nothing else
 * to do meanwhile, so it waits on an `Atomics` signal instead of the event
 * loop, which keeps `loadSite` a plain function.
 */
export function parseTasks(tasks: ParseTask[], options: PoolOptions): ParsedPage[] {
  const results: ParsedPage[] = new Array(tasks.length);
  parseEach(tasks, options, (position, page) => {
    results[position] = page;
  });
  return results;
}

/**
 * Parses every task as `parseTasks` does, but hands each page to `take`
 * (by its position in `tasks`, in the order they are done) and keeps
 * none: a caller that needs only something of each page holds no more
 * than that.
 */
export function parseEach(tasks: ParseTask[], options: PoolOptions, take: (position: number, page: ParsedPage) => void): void {
  const taken = new Uint8Array(tasks.length);
  const cache = options.cacheRoot ? new ParseCache(options.cacheRoot) : null;
  const parseHere = (position: number): ParsedPage => {
    const task = tasks[position]!;
    const page = runParseJob(task.job, options.parse);
    if (cache && task.cacheKey && survivesJson(page)) cache.write(task.cacheKey, contentJson(page));
    return page;
  };

  const bytes = tasks.reduce((sum, task) => sum + task.job.bytes.byteLength, 0);
  const script = options.workerScript === undefined ? parseWorkerScript() : options.workerScript;
  const perThread = options.minBytesPerThread ?? minBytesPerThread(options.parse.keepTree);
  const workerCount = Math.min(
    options.workers ?? workersBesideMain(),
    Math.ceil(tasks.length / batchSize) - 1,
    perThread === 0 ? Infinity : Math.floor(bytes / perThread) - 1,
  );
  if (!script || workerCount < 1) {
    tasks.forEach((_task, position) => take(position, parseHere(position)));
    return;
  }

  const pool = startWorkers(script, workerCount, options);
  try {
    let next = 0;
    let done = 0;
    const batchesInFlight = pool.map(() => 0);
    const positionOf = new Map(tasks.map((task, position) => [task.index, position]));
    const finish = (position: number, page: ParsedPage): void => {
      if (taken[position]) return;
      taken[position] = 1;
      done += 1;
      take(position, page);
    };
    // Each worker holds two batches, so that it never waits for the main thread.
    const dispatch = (): void => {
      pool.forEach((worker, number) => {
        while (batchesInFlight[number]! < 2 && next < tasks.length) {
          const batch = tasks.slice(next, Math.min(tasks.length, next + batchSize));
          next += batch.length;
          batchesInFlight[number]! += 1;
          worker.worker.postMessage({ tasks: batch } satisfies ParseBatch);
        }
      });
    };
    const drain = (): boolean => {
      let received = false;
      pool.forEach((worker, number) => {
        for (let message = receiveMessageOnPort(worker.results); message; message = receiveMessageOnPort(worker.results)) {
          received = true;
          const result = message.message as ParseResult | { batchDone: true };
          if ('batchDone' in result) {
            batchesInFlight[number]! -= 1;
            continue;
          }
          const position = positionOf.get(result.index)!;
          const content = 'json' in result ? (JSON.parse(result.json) as PageContent) : result.content;
          finish(position, pageFromContent(tasks[position]!.job.source, content));
        }
      });
      return received;
    };

    dispatch();
    let lastProgress = Date.now();
    while (done < tasks.length) {
      const seen = Atomics.load(pool.signal, 0);
      if (drain()) {
        lastProgress = Date.now();
        dispatch();
      } else if (next < tasks.length && options.mainThreadParses !== false) {
        // Pages no worker holds yet: the main thread parses one.
        const position = next++;
        finish(position, parseHere(position));
      } else if (Date.now() - lastProgress < (options.stallMs ?? defaultStallMs)) {
        Atomics.wait(pool.signal, 0, seen, 50);
      } else {
        // No word from the workers for a while (one crashed, or hangs): the main thread finishes alone.
        for (let position = 0; position < tasks.length; position += 1) {
          if (!taken[position]) finish(position, parseHere(position));
        }
      }
    }
  } finally {
    for (const worker of pool) {
      worker.results.close();
      void worker.worker.terminate();
    }
  }
}

interface PoolWorker {
  worker: Worker;
  results: MessagePort;
}

function startWorkers(script: URL, count: number, options: PoolOptions): PoolWorker[] & { signal: Int32Array } {
  const signal = new SharedArrayBuffer(4);
  const workers: PoolWorker[] = [];
  for (let number = 0; number < count; number += 1) {
    const channel = new MessageChannel();
    const setup: WorkerSetup = { options: options.parse, cacheRoot: options.cacheRoot, signal, results: channel.port2 };
    const worker = new Worker(script, { workerData: setup, transferList: [channel.port2] });
    // A worker never keeps the process alive, and its failures are handled by taking its tasks back.
    worker.unref();
    worker.on('error', () => {});
    workers.push({ worker, results: channel.port1 });
  }
  return Object.assign(workers, { signal: new Int32Array(signal) });
}

/** The compiled worker beside this module, or null when running from TypeScript sources. */
export function parseWorkerScript(): URL | null {
  const script = new URL('./parse-worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') && fs.existsSync(fileURLToPath(script)) ? script : null;
}
