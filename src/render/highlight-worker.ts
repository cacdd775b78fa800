import { parentPort, workerData } from 'node:worker_threads';
import { CodeHighlighter } from './highlight.js';
import type { HighlightJob, HighlightMessage, HighlightWorkerSetup } from './highlight-pool.js';

/**
 * A highlight worker: highlights the snippets it is sent with the same
 * `CodeHighlighter` a page render uses, so the HTML is the same bytes, and
 * bumps the shared signal after each one so that a waiting main thread wakes.
 */
const setup = workerData as HighlightWorkerSetup;
const signal = new Int32Array(setup.signal);
const highlighter = await CodeHighlighter.create({ only: setup.grammars });

const send = (message: HighlightMessage): void => {
  setup.results.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};

parentPort!.on('message', (jobs: HighlightJob[]) => {
  for (const job of jobs) send({ key: job.key, html: highlighter.highlight(job.code, job.lang, job.symbols) });
});
send({ ready: true });
