import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the generator is plain JavaScript without declarations.
import { generateSite } from '../../bench/generate.js';
import type { SourceFile } from '../../src/load/find-sources.js';
import { runParseJob } from '../../src/load/parse-job.js';
import { parseEach, parseTasks, parseWorkerScript, type ParseTask } from '../../src/load/parse-pool.js';
import { sourceHash } from '../../src/parse/parse-page.js';
import { repoRoot } from '../helpers/run-cli.js';

/** The compiled worker: `npm test` builds dist/ before it runs the tests. */
const workerScript = pathToFileURL(path.join(repoRoot, 'dist', 'load', 'parse-worker.js'));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'polyref-pool-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function tasksOf(pages: number): ParseTask[] {
  const site = generateSite({ pages, seed: 3 }) as { files: Array<{ path: string; text: string }> };
  return site.files
    .filter((file) => file.path.endsWith('.mdx'))
    .map((file, index) => {
      const relativePath = file.path.replace(/^content\//, '');
      const source: SourceFile = { file: `/site/${file.path}`, relativePath, kind: relativePath.endsWith('_navigation.mdx') ? 'navigation' : 'page', url: `/${index}` };
      const bytes = Buffer.from(file.text);
      return { index: index * 10, job: { source, bytes, hash: sourceHash(bytes) }, cacheKey: null };
    });
}

const inThread = (tasks: ParseTask[]) => parseTasks(tasks, { parse: { keepTree: false }, cacheRoot: null, workerScript: null });

describe('pool', () => {
  it('pool-worker: runs from dist/ only; from TypeScript sources it parses in-thread', () => {
    expect(fs.existsSync(workerScript), 'dist/load/parse-worker.js is built (run `npx tsc -p .`)').toBe(true);
    expect(parseWorkerScript()).toBeNull();
  });

  it('pool-order: workers return every page in task order, equal to an in-thread parse', () => {
    const tasks = tasksOf(48);
    const pooled = parseTasks(tasks, {
      parse: { keepTree: false },
      cacheRoot: null,
      workerScript,
      workers: 2,
      minBytesPerThread: 0,
      mainThreadParses: false,
    });
    expect(pooled.map((page) => page.url)).toEqual(tasks.map((task) => task.job.source.url));
    expect(isDeepStrictEqual(pooled, inThread(tasks))).toBe(true);
  });

  it('pool-order: with the main thread helping, the result is the same', () => {
    const tasks = tasksOf(48);
    const pooled = parseTasks(tasks, { parse: { keepTree: true }, cacheRoot: null, workerScript, workers: 1, minBytesPerThread: 0 });
    expect(isDeepStrictEqual(pooled, parseTasks(tasks, { parse: { keepTree: true }, cacheRoot: null, workerScript: null }))).toBe(true);
  });

  it('pool-each: each page is handed over once, as it is parsed, equal to the parse that keeps them all', () => {
    const tasks = tasksOf(48);
    const taken: number[] = [];
    const byPosition = new Map<number, unknown>();
    parseEach(tasks, { parse: { keepTree: false }, cacheRoot: null, workerScript, workers: 1, minBytesPerThread: 0 }, (position, page) => {
      taken.push(position);
      byPosition.set(position, page);
    });
    expect([...taken].sort((a, b) => a - b)).toEqual(tasks.map((_task, position) => position));
    expect(isDeepStrictEqual(tasks.map((_task, position) => byPosition.get(position)), inThread(tasks))).toBe(true);
  });

  it('pool-crash: a worker that dies costs time, never a page', () => {
    const dying = path.join(scratch, 'dying-worker.mjs');
    fs.writeFileSync(dying, "import { parentPort } from 'node:worker_threads';\nparentPort.once('message', () => process.exit(1));\n");
    const tasks = tasksOf(24);
    const pooled = parseTasks(tasks, {
      parse: { keepTree: false },
      cacheRoot: null,
      workerScript: pathToFileURL(dying),
      workers: 1,
      minBytesPerThread: 0,
      mainThreadParses: false,
      stallMs: 200,
    });
    expect(isDeepStrictEqual(pooled, inThread(tasks))).toBe(true);
  });

  it('pool-threshold: below the size that pays for a worker, no worker starts', () => {
    const marker = path.join(scratch, 'started');
    const noting = path.join(scratch, 'noting-worker.mjs');
    fs.writeFileSync(noting, `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(marker)}, 'yes');\n`);
    const tasks = tasksOf(24);
    const pages = parseTasks(tasks, { parse: { keepTree: false }, cacheRoot: null, workerScript: pathToFileURL(noting), workers: 1 });
    expect(pages).toHaveLength(tasks.length);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('pool-share: a worker starts only when every thread, the main one included, gets its share of bytes', () => {
    const marker = path.join(scratch, 'shared');
    const noting = path.join(scratch, 'noting-share-worker.mjs');
    fs.writeFileSync(noting, `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(marker)}, 'yes');\n`);
    const tasks = tasksOf(24);
    const bytes = tasks.reduce((sum, task) => sum + task.job.bytes.byteLength, 0);
    // The worker notes its start, then answers nothing: after `stallMs` the main thread parses every page itself.
    const options = { parse: { keepTree: false }, cacheRoot: null, workerScript: pathToFileURL(noting), workers: 3, mainThreadParses: false, stallMs: 1000 };
    // Just short of two shares: the main thread keeps every page.
    expect(parseTasks(tasks, { ...options, minBytesPerThread: Math.floor(bytes / 2) + 1 })).toHaveLength(tasks.length);
    expect(fs.existsSync(marker)).toBe(false);
    // Two shares: one worker.
    const pages = parseTasks(tasks, { ...options, minBytesPerThread: Math.floor(bytes / 2) });
    expect(isDeepStrictEqual(pages, inThread(tasks))).toBe(true);
    expect(fs.existsSync(marker)).toBe(true);
  });

  it('pool-error: a page whose parse throws gets an internal-error diagnostic, and the rest are parsed', () => {
    const [first, second] = tasksOf(3);
    const failing = runParseJob(first!.job, { keepTree: false }, () => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(failing).toMatchObject({ relativePath: first!.job.source.relativePath, hash: first!.job.hash, title: null });
    expect(failing.diagnostics).toEqual([
      {
        ruleId: 'internal-error',
        message: 'Parsing failed on this file: Maximum call stack size exceeded; please report it',
        place: { line: 1, column: 1, endLine: 1, endColumn: 1 },
      },
    ]);
    expect(runParseJob(second!.job, { keepTree: false }).diagnostics).toEqual([]);
  });
});
