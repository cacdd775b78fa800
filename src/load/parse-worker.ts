import { parentPort, workerData } from 'node:worker_threads';
import { ParseCache } from './parse-cache.js';
import { contentJson, runParseJob, survivesJson } from './parse-job.js';
import type { ParseBatch, ParseResult, WorkerSetup } from './parse-pool.js';

/**
 * A parse worker: parses the pages it is sent, fills the cache, and sends
 * each page back as content JSON (the form the cache keeps, which the main
 * thread reads fastest), then bumps the shared signal so that a main thread
 * waiting on it wakes.
 */
const setup = workerData as WorkerSetup;
const cache = setup.cacheRoot ? new ParseCache(setup.cacheRoot) : null;
const signal = new Int32Array(setup.signal);

const send = (message: ParseResult | { batchDone: true }): void => {
  setup.results.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};

parentPort!.on('message', (batch: ParseBatch) => {
  for (const task of batch.tasks) {
    const page = runParseJob(task.job, setup.options);
    const { file: _file, relativePath: _relativePath, kind: _kind, url: _url, ...content } = page;
    if (!survivesJson(page)) {
      send({ index: task.index, content });
      continue;
    }
    const json = contentJson(page);
    if (cache && task.cacheKey) cache.write(task.cacheKey, json);
    send({ index: task.index, json });
  }
  send({ batchDone: true });
});
