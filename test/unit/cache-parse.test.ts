import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.js';
import { ParseCache, parserFingerprint } from '../../src/load/parse-cache.js';
import { sourceHash } from '../../src/parse/parse-page.js';
import { loadSite } from '../../src/pipeline/load-site.js';
import { makeProject, runPolyref } from '../helpers/run-cli.js';

const page = (title: string) => `---\ntitle: ${title}\ndescriptions:\n  thing:\n    self: A thing.\n---\n\n# Heading\n`;

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function project(files: Record<string, string>): { dir: string; config: Config } {
  const made = makeProject(files);
  cleanups.push(made.cleanup);
  return { dir: made.dir, config: loadConfig({ cwd: made.dir }) };
}

function titles(config: Config): Record<string, string | null> {
  return Object.fromEntries(loadSite(config, { keepTrees: false }).index.pages.map((parsed) => [parsed.relativePath, parsed.title]));
}

/** The entry file a page's current bytes map to. */
function entryOf(config: Config, relativePath: string, fingerprint = parserFingerprint()): string {
  const bytes = fs.readFileSync(path.join(config.content, relativePath));
  const key = new ParseCache(config.cache!, fingerprint).key(sourceHash(bytes), 'page', false);
  return path.join(config.cache!, 'pages-1', key.slice(0, 2), `${key.slice(2)}.json`);
}

/** Rewrites an entry with a valid header around changed content, to see whether it is read. */
function plantTitle(entry: string, title: string): void {
  const text = fs.readFileSync(entry, 'utf8');
  const newline = text.indexOf('\n');
  const header = text.slice(0, newline).split(' ');
  const content = JSON.parse(text.slice(newline + 1)) as { title: string };
  content.title = title;
  const json = JSON.stringify(content);
  fs.writeFileSync(entry, `${header[0]} ${header[1]} ${json.length}\n${json}`);
}

describe('cache', () => {
  it('cache-hit: a second load reads each page from its entry under node_modules/.cache/polyref', () => {
    const { dir, config } = project({ 'content/a.mdx': page('A'), 'content/b.mdx': page('B') });
    expect(config.cache).toBe(path.join(dir, 'node_modules', '.cache', 'polyref'));
    expect(titles(config)).toEqual({ 'a.mdx': 'A', 'b.mdx': 'B' });
    const entry = entryOf(config, 'a.mdx');
    expect(fs.existsSync(entry)).toBe(true);
    plantTitle(entry, 'From the cache');
    expect(titles(config)).toEqual({ 'a.mdx': 'From the cache', 'b.mdx': 'B' });
  });

  it('cache-miss: a changed page is parsed again, never served from the old entry', () => {
    const { config } = project({ 'content/a.mdx': page('A') });
    titles(config);
    plantTitle(entryOf(config, 'a.mdx'), 'Stale');
    fs.writeFileSync(path.join(config.content, 'a.mdx'), page('A changed'));
    expect(titles(config)).toEqual({ 'a.mdx': 'A changed' });
    expect(fs.existsSync(entryOf(config, 'a.mdx'))).toBe(true);
  });

  it('cache-corrupt: a truncated entry is ignored and rewritten', () => {
    const { config } = project({ 'content/a.mdx': page('A') });
    titles(config);
    const entry = entryOf(config, 'a.mdx');
    const whole = fs.readFileSync(entry, 'utf8');
    fs.writeFileSync(entry, whole.slice(0, Math.floor(whole.length / 2)));
    expect(titles(config)).toEqual({ 'a.mdx': 'A' });
    expect(fs.readFileSync(entry, 'utf8')).toBe(whole);
  });

  it('cache-corrupt: garbage, a foreign JSON file and an entry for other bytes are all ignored', () => {
    const { config } = project({ 'content/a.mdx': page('A') });
    titles(config);
    const entry = entryOf(config, 'a.mdx');
    const whole = fs.readFileSync(entry, 'utf8');
    const header = whole.slice(0, whole.indexOf('\n'));
    const otherContent = JSON.stringify({ ...JSON.parse(whole.slice(whole.indexOf('\n') + 1)), hash: 'f'.repeat(40), title: 'Other' });
    for (const foreign of [
      '\u0000\u0001garbage',
      JSON.stringify({ title: 'Foreign', hash: 'x' }),
      `${header.split(' ').slice(0, 2).join(' ')} ${otherContent.length}\n${otherContent}`,
      `${header}\n[]`,
      `${header.replace(/ \d+$/, ' 2')}\n{}`,
    ]) {
      fs.writeFileSync(entry, foreign);
      expect(titles(config)).toEqual({ 'a.mdx': 'A' });
    }
  });

  it('cache-version: entries written by another build of the parser are never read', () => {
    const { config } = project({ 'content/a.mdx': page('A') });
    const oldEntry = entryOf(config, 'a.mdx', 'an older polyref');
    const current = entryOf(config, 'a.mdx');
    expect(oldEntry).not.toBe(current);
    titles(config);
    // Plant a readable, wrong entry under the old parser's key: the current one never looks there.
    fs.mkdirSync(path.dirname(oldEntry), { recursive: true });
    fs.copyFileSync(current, oldEntry);
    plantTitle(oldEntry, 'Old parser');
    fs.rmSync(current);
    expect(titles(config)).toEqual({ 'a.mdx': 'A' });
  });

  it('cache-safe-to-delete: removing the folder between runs changes nothing', () => {
    const { config } = project({ 'content/a.mdx': page('A'), 'content/b.mdx': page('B') });
    const first = loadSite(config, { keepTrees: false }).index.pages;
    fs.rmSync(config.cache!, { recursive: true, force: true });
    expect(loadSite(config, { keepTrees: false }).index.pages).toEqual(first);
    // And a warm load gives the very same pages as a cold one.
    expect(loadSite(config, { keepTrees: false }).index.pages).toEqual(first);
  });

  it('cache-trees: build pages keep their body tree through the cache, check pages do not', () => {
    const { config } = project({ 'content/a.mdx': page('A') });
    const cold = loadSite(config, { keepTrees: true }).index.pages[0]!;
    const warm = loadSite(config, { keepTrees: true }).index.pages[0]!;
    expect(cold.tree).not.toBeNull();
    expect(warm.tree).toEqual(cold.tree);
    expect(loadSite(config, { keepTrees: false }).index.pages[0]!.tree).toBeNull();
  });

  it('cache-json: a page whose data JSON would change (NaN, Infinity) is never cached, and reads the same each time', () => {
    const { config } = project({ 'content/a.mdx': '---\ntitle: A\nratio: .nan\nlimit: .inf\n---\n' });
    const first = loadSite(config, { keepTrees: false }).index.pages[0]!;
    expect(first.data).toEqual({ ratio: NaN, limit: Infinity });
    expect(fs.existsSync(entryOf(config, 'a.mdx'))).toBe(false);
    expect(loadSite(config, { keepTrees: false }).index.pages[0]!.data).toEqual({ ratio: NaN, limit: Infinity });
  });

  it('cache-off: `cache: false`, `--no-cache` and `--cache-dir` decide where entries go', () => {
    const { dir, config } = project({ 'content/a.mdx': page('A'), 'polyref.config.json': JSON.stringify({ cache: false }) });
    expect(config.cache).toBeNull();
    loadSite(config, { keepTrees: false });
    expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false);
    fs.rmSync(path.join(dir, 'polyref.config.json'));

    expect(runPolyref(['check', '--no-cache'], dir).status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false);
    expect(runPolyref(['check', '--cache-dir', 'my-cache'], dir).status).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'my-cache')).sort()).toEqual(['facts-1', 'pages-1']);
    expect(runPolyref(['check'], dir).status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'node_modules', '.cache', 'polyref', 'pages-1'))).toBe(true);
  });

  it('cache-config: `cache` must be a folder or false', () => {
    const made = makeProject({ 'polyref.config.json': JSON.stringify({ cache: 3 }) });
    cleanups.push(made.cleanup);
    expect(() => loadConfig({ cwd: made.dir })).toThrow('`cache` must be a folder or `false`');
  });
});
