/**
 * Pages are checked and rendered in worker threads (the compiled build in
 * dist/), and written in page order: the output is the same bytes for any
 * number of threads, and a thread that dies costs the pages it held an
 * error, never the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ruleIds } from '../../src/check/rules/index.js';
import { loadConfig } from '../../src/config/config.js';
import { openSite } from '../../src/pipeline/load-site.js';
import { workOnPages } from '../../src/pipeline/page-pool.js';
import { copyExampleSite } from '../helpers/example-site.js';
import { readTree, expectSameFiles } from '../helpers/site-edits.js';
import { repoRoot, runPolyref } from '../helpers/run-cli.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

describe('build threads', () => {
  it('write the same bytes with one thread as with several', () => {
    const dir = copyExampleSite('polyref-threads-');
    folders.push(dir);
    expect(fs.existsSync(path.join(repoRoot, 'dist', 'pipeline', 'page-worker.js')), 'dist/ is built (run `npx tsc -p .`)').toBe(true);
    const one = runPolyref(['build', '--no-cache', '--jobs', '1', '--out', 'one'], dir);
    const three = runPolyref(['build', '--no-cache', '--jobs', '3', '--out', 'three'], dir);
    expect(one.status, one.stderr).toBe(0);
    expect(three.status, three.stderr).toBe(0);
    // Same findings, in the same order.
    expect(three.stderr.replace(/ in [\d.]+s/, '').replace(/three/g, 'one')).toBe(one.stderr.replace(/ in [\d.]+s/, ''));
    expect(readTree(path.join(dir, 'one')).size).toBeGreaterThan(20);
    expectSameFiles(readTree(path.join(dir, 'three')), readTree(path.join(dir, 'one')), 'three threads against one');
  }, 180_000);

  it('give the pages a dying thread held an internal error, and go on', async () => {
    const dir = copyExampleSite('polyref-threads-');
    folders.push(dir);
    const dying = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polyref-dying-')), 'worker.mjs');
    folders.push(path.dirname(dying));
    // Ready at once, then gone at the first page it is sent.
    fs.writeFileSync(dying, "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ ready: true });\nparentPort.once('message', () => process.exit(1));\n");
    const config = loadConfig({ cwd: dir, ruleIds, overrides: { cache: false } });
    const { facts } = openSite(config);
    const positions = facts.map((_facts, position) => position);
    const results = [];
    for await (const result of workOnPages({ config, facts, cacheRoot: null, record: false }, positions, { jobs: 2, workerScript: pathToFileURL(dying) })) results.push(result);
    expect(results.map((result) => result.position)).toEqual(positions);
    for (const { result } of results) {
      expect(result.output).toBeNull();
      expect(result.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([['internal-error', 'error']]);
      expect(result.findings[0]!.message).toContain('stopped a worker thread');
    }
  }, 120_000);
});
