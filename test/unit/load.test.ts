import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExampleStore } from '../../src/load/examples.js';
import { findSources, urlOf } from '../../src/load/find-sources.js';
import { StagedOutput } from '../../src/write/staged-output.js';
import { makeProject } from '../helpers/run-cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function project(files: Record<string, string>) {
  const created = makeProject(files);
  cleanups.push(created.cleanup);
  return created.dir;
}

describe('findSources', () => {
  it('maps paths to URLs and sorts sources', () => {
    const dir = project({
      'content/index.mdx': '',
      'content/b/index.mdx': '',
      'content/b/get.mdx': '',
      'content/b/_navigation.mdx': '',
      'content/b/_shared.mdx': '',
      'content/_partials/x.mdx': '',
      'content/.hidden/x.mdx': '',
      'content/notes.md': '',
    });
    expect(findSources(path.join(dir, 'content')).map((source) => [source.relativePath, source.kind, source.url])).toEqual([
      ['_partials/x.mdx', 'partial', '/_partials/x'],
      ['b/_navigation.mdx', 'navigation', '/b/_navigation'],
      ['b/_shared.mdx', 'partial', '/b/_shared'],
      ['b/get.mdx', 'page', '/b/get'],
      ['b/index.mdx', 'page', '/b'],
      ['index.mdx', 'page', '/'],
    ]);
    expect(urlOf('reference/directory-sync/directory-group/index.mdx')).toBe('/reference/directory-sync/directory-group');
  });
});

describe('ExampleStore', () => {
  it('finds one file per language and refuses paths that leave the root', () => {
    const dir = project({ 'examples/group/python.py': 'x', 'examples/group/curl.json': '{}', 'secret/passwd': 'x' });
    fs.symlinkSync(path.join(dir, 'secret'), path.join(dir, 'examples/linked'));
    const store = new ExampleStore(path.join(dir, 'examples'));
    const found = store.lookup('group');
    expect(found.kind === 'found' && [...found.files.keys()]).toEqual(['curl', 'python']);
    expect(store.lookup('../secret').kind).toBe('outside');
    expect(store.lookup('../../etc/passwd').kind).toBe('outside');
    expect(store.lookup('/etc').kind).toBe('outside');
    expect(store.lookup('linked').kind).toBe('outside');
    expect(store.lookup('nothing').kind).toBe('missing');
    expect(store.lookup('https://example.com/x.py')).toEqual({ kind: 'remote', url: 'https://example.com/x.py' });
  });

  it('follows a linked example file only when it stays inside the root, and skips folders', () => {
    const dir = project({
      'examples/group/curl.sh': 'x',
      'examples/shared/go.go': 'x',
      'examples/group/nested/ruby.rb': 'x',
      'secret/python.py': 'x',
    });
    fs.symlinkSync(path.join(dir, 'secret/python.py'), path.join(dir, 'examples/group/python.py'));
    fs.symlinkSync(path.join(dir, 'examples/shared/go.go'), path.join(dir, 'examples/group/go.go'));
    fs.symlinkSync(path.join(dir, 'nowhere.js'), path.join(dir, 'examples/group/node.js'));
    const store = new ExampleStore(path.join(dir, 'examples'));
    const found = store.lookup('group');
    const real = fs.realpathSync(path.join(dir, 'examples/group'));
    expect(found).toEqual({
      kind: 'found',
      folder: path.join(dir, 'examples/group'),
      files: new Map([
        ['curl', path.join(real, 'curl.sh')],
        ['go', path.join(real, 'go.go')],
      ]),
    });
  });
});

describe('StagedOutput', () => {
  it('swaps the new output in whole on commit, once every write is done', async () => {
    const dir = project({ 'out/old.html': 'old' });
    const output = new StagedOutput(path.join(dir, 'out'));
    const pages = Array.from({ length: 100 }, (_, index) => `p${index}/index.html`);
    for (const page of pages) await output.write(page, `new ${page}`);
    expect(fs.readFileSync(path.join(dir, 'out/old.html'), 'utf8')).toBe('old');
    await output.commit();
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(pages.map((page) => page.split('/')[0]).sort());
    for (const page of pages) expect(fs.readFileSync(path.join(dir, 'out', page), 'utf8')).toBe(`new ${page}`);
    expect(fs.readdirSync(dir)).toEqual(['out']);
  });

  it('leaves the previous output untouched on abort and never writes outside', async () => {
    const dir = project({ 'out/old.html': 'old' });
    const output = new StagedOutput(path.join(dir, 'out'));
    await output.write('a/index.html', 'new');
    await expect(output.write('../escape.html', 'x')).rejects.toThrow('outside');
    await output.abort();
    expect(fs.readdirSync(dir)).toEqual(['out']);
    expect(fs.readFileSync(path.join(dir, 'out/old.html'), 'utf8')).toBe('old');
  });

  it('fails the commit, and keeps the previous output, when a write failed', async () => {
    const dir = project({ 'out/old.html': 'old' });
    const output = new StagedOutput(path.join(dir, 'out'));
    // A folder where the file should go: the write fails with EISDIR.
    fs.mkdirSync(path.join(output.staging, 'taken.html'));
    await output.write('taken.html', 'x');
    await expect(output.commit()).rejects.toThrow();
    expect(fs.readFileSync(path.join(dir, 'out/old.html'), 'utf8')).toBe('old');
    await output.abort();
    expect(fs.readdirSync(dir)).toEqual(['out']);
  });
});
