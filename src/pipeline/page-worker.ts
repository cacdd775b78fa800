import { parentPort, workerData } from 'node:worker_threads';
import type { PageFacts } from '../index/page-facts.js';
import { PageWorker, type PageResult, type WorkSetup } from './page-work.js';

/** What the main thread sends: pages to work on, by their position in page order. */
export interface WorkBatch {
  pages: Array<{ position: number; facts: PageFacts }>;
}

/** What a worker sends back: each page's result as it is done, then word that the batch is. */
export type WorkMessage = { position: number; result: PageResult } | { batchDone: true } | { ready: true };

/**
 * A build's worker thread: it builds the site's index from the facts it is
 * given, then checks and renders the pages it is sent, one after another.
 */
const worker = await PageWorker.start(workerData as WorkSetup);
const port = parentPort!;
let queue = Promise.resolve();
port.on('message', (message: WorkBatch | { close: true }) => {
  if ('close' in message) {
    queue = queue.then(() => {
      worker.dispose();
      port.close();
    });
    return;
  }
  queue = queue.then(async () => {
    for (const { position, facts } of message.pages) {
      port.postMessage({ position, result: await worker.work(facts) } satisfies WorkMessage);
    }
    port.postMessage({ batchDone: true } satisfies WorkMessage);
  });
});
port.postMessage({ ready: true } satisfies WorkMessage);
