/**
 * A build reuses what the output cache recorded of a source while nothing
 * it read has changed, and works on the rest: its output must be what a
 * build without a cache writes, byte for byte, whatever changed in between.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ruleIds } from '../../src/check/rules/index.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { runBuild, type BuildResult } from '../../src/pipeline/build.js';
import { copyExampleSite } from '../helpers/example-site.js';
import { createRandom } from '../helpers/random-pages.js';
import { edits, expectSameFiles, pickEdit, readTree } from '../helpers/site-edits.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function site(): string {
  const dir = copyExampleSite('polyref-build-cache-');
  folders.push(dir);
  return dir;
}

function configOf(dir: string, overrides: { cache?: false; out?: string } = {}): Config {
  return loadConfig({ cwd: dir, ruleIds, overrides });
}

/** A build with the project's cache, and one without any into `clean/`; both must say and write the same. */
async function buildBoth(dir: string): Promise<{ cached: BuildResult; clean: BuildResult }> {
  const cached = await runBuild(configOf(dir));
  const clean = await runBuild(configOf(dir, { cache: false, out: path.join(dir, 'clean') }));
  return { cached, clean };
}

function findingsOf(result: BuildResult): unknown {
  return result.results.map(({ file, findings }) => ({ file, findings: findings.map(({ ruleId, severity, message, place }) => ({ ruleId, severity, message, place })) }));
}

describe('build with the output cache', () => {
  it('works on no source when nothing changed, and writes the same bytes', async () => {
    const dir = site();
    const first = await runBuild(configOf(dir));
    expect(first.worked.length).toBe(14);
    const before = readTree(path.join(dir, 'out'));
    const second = await runBuild(configOf(dir));
    expect(second.worked).toEqual([]);
    expect(findingsOf(second)).toEqual(findingsOf(first));
    expectSameFiles(readTree(path.join(dir, 'out')), before, 'second build');
  }, 120_000);

  it('works again on exactly the sources that read a changed description', async () => {
    const dir = site();
    await runBuild(configOf(dir));
    const page = path.join(dir, 'content', 'reference', 'directory-sync', 'directory-group', 'index.mdx');
    const text = fs.readFileSync(page, 'utf8');
    expect(text).toContain('    name: The name of the Directory Group.');
    fs.writeFileSync(page, text.replace('    name: The name of the Directory Group.', '    name: The display name of the Directory Group.'));
    const { cached, clean } = await buildBoth(dir);
    // The page that defines the description, and the pages that show it: through the entry, or a user's groups.
    expect(cached.worked).toEqual([
      'reference/directory-sync/directory-group/get.mdx',
      'reference/directory-sync/directory-group/index.mdx',
      'reference/directory-sync/directory-group/list.mdx',
      'reference/directory-sync/directory-user/index.mdx',
    ]);
    expect(findingsOf(cached)).toEqual(findingsOf(clean));
    expectSameFiles(readTree(path.join(dir, 'out')), readTree(path.join(dir, 'clean')), 'after the edit');
  }, 120_000);

  it('after random edits, additions, removals and broken references, writes what a build without cache writes', async () => {
    const dir = site();
    await runBuild(configOf(dir));
    const random = createRandom(11_042);
    const seen = new Set<string>();
    const sequence = [...random.shuffle(edits.map(([edit]) => edit)), ...Array.from({ length: 3 }, () => pickEdit(random))];
    for (const [at, edit] of sequence.entries()) {
      const step = at + 1;
      const changed = edit(dir, random, step);
      if (changed.length === 0) continue;
      seen.add(edit.name);
      const { cached, clean } = await buildBoth(dir);
      const when = `step ${step} (${edit.name} ${changed.map((file) => path.relative(dir, file)).join(', ')})`;
      expect(findingsOf(cached), `${when}: findings`).toEqual(findingsOf(clean));
      expect(cached.written, `${when}: pages written`).toBe(clean.written);
      expectSameFiles(readTree(path.join(dir, 'out')), readTree(path.join(dir, 'clean')), when);
      // What did not change is not worked on again: an edit of a page touches a few sources, never all
      // (every page shows the templates and the sidebar).
      if (edit.name !== 'editTemplate' && !changed.some((file) => file.endsWith('_navigation.mdx'))) expect(cached.worked.length, `${when}: sources worked on`).toBeLessThan(14);
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(['addPage', 'breakReference', 'editDescription', 'editExample', 'editNavigation', 'editTemplate', 'retitle', 'shiftLines']));
  }, 900_000);

  it('rewrites what was changed in the output folder since the last build, and removes what the build does not make', async () => {
    const dir = site();
    await runBuild(configOf(dir));
    const out = path.join(dir, 'out');
    const expected = readTree(out);
    const page = path.join(out, 'reference', 'directory-sync', 'directory-group', 'index.html');
    const size = fs.statSync(page).size;
    // The same size and a later time: only the bytes tell.
    fs.writeFileSync(page, Buffer.alloc(size, 'x'));
    fs.writeFileSync(path.join(out, 'stray.html'), 'left here by hand');
    fs.mkdirSync(path.join(out, 'old-folder', 'deeper'), { recursive: true });
    fs.writeFileSync(path.join(out, 'old-folder', 'deeper', 'a.txt'), 'old');
    fs.rmSync(path.join(out, 'llms.txt'));
    const again = await runBuild(configOf(dir));
    expect(again.worked).toEqual([]);
    expectSameFiles(readTree(out), expected, 'after changes by hand');
    expect(fs.existsSync(path.join(out, 'old-folder'))).toBe(false);
  }, 120_000);

  it('takes a cache folder that was deleted, or whose files were damaged, as an empty one', async () => {
    const dir = site();
    await runBuild(configOf(dir));
    const expected = readTree(path.join(dir, 'out'));
    const cache = path.join(dir, 'node_modules', '.cache', 'polyref');
    const damage = (folder: string, change: (file: string) => void): number => {
      let count = 0;
      const walk = (current: string) => {
        for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
          const file = path.join(current, entry.name);
          if (entry.isDirectory()) walk(file);
          else if (count++ % 3 === 0) change(file);
        }
      };
      walk(folder);
      return count;
    };
    expect(damage(cache, (file) => fs.writeFileSync(file, '{"not": "a record"'))).toBeGreaterThan(30);
    const afterDamage = await runBuild(configOf(dir));
    expect(afterDamage.worked.length).toBeGreaterThan(0);
    expectSameFiles(readTree(path.join(dir, 'out')), expected, 'after damage');
    damage(cache, (file) => fs.rmSync(file));
    await runBuild(configOf(dir));
    expectSameFiles(readTree(path.join(dir, 'out')), expected, 'after removals');
    fs.rmSync(cache, { recursive: true });
    await runBuild(configOf(dir));
    expectSameFiles(readTree(path.join(dir, 'out')), expected, 'after deleting the cache');
  }, 300_000);
});
