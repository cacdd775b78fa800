import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeWatcher } from '../../src/dev/watcher.js';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyref-watcher-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Waits until `holds`, checking every few milliseconds, for at most `ms`. */
async function until(holds: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!holds() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('ChangeWatcher', () => {
  it('reports a change made right after it is ready, when one of the watched paths does not exist yet', async () => {
    const dir = tempDir();
    // Enough folders that scanning them takes a while.
    const folders = Array.from({ length: 400 }, (_, at) => path.join(dir, 'content', `folder-${at}`));
    for (const folder of folders) {
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'page.mdx'), 'first\n');
    }
    const batches: string[][] = [];
    const watcher = new ChangeWatcher(
      [path.join(dir, 'content'), path.join(dir, 'templates'), path.join(dir, 'polyref.config.json')],
      async (paths) => void batches.push(paths),
      (error) => {
        throw error;
      },
    );
    cleanup.push(() => watcher.close());
    await watcher.ready();
    const last = path.join(folders.at(-1)!, 'page.mdx');
    fs.writeFileSync(last, 'second\n');
    await until(() => batches.length > 0);
    expect(batches).toEqual([[last]]);
  }, 30_000);

  it('reports a write that comes while the batch of the one before is handled', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'page.mdx');
    fs.writeFileSync(file, 'first\n');
    const read: string[] = [];
    const watcher = new ChangeWatcher(
      [dir],
      async () => void read.push(fs.readFileSync(file, 'utf8')),
      (error) => {
        throw error;
      },
    );
    cleanup.push(() => watcher.close());
    await watcher.ready();
    fs.writeFileSync(file, 'second\n');
    await until(() => read.length > 0);
    // Written as soon as the first write was handled: soon enough for the file system events to drop it.
    fs.writeFileSync(file, 'third\n');
    await until(() => read.at(-1) === 'third\n');
    expect(read[0]).toBe('second\n');
    expect(read.at(-1)).toBe('third\n');
  }, 30_000);
});
