import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderSite } from '../../src/serve/folder-site.js';
import { lookup } from '../../src/serve/site-server.js';
import { makeProject } from '../helpers/run-cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function builtFolder(): { dir: string; out: string } {
  const project = makeProject({
    'out/index.html': 'home',
    'out/widget/index.html': 'widget page',
    'out/assets/polyref.css': 'body{}',
    'secret.txt': 'secret',
  });
  cleanups.push(project.cleanup);
  return { dir: project.dir, out: path.join(project.dir, 'out') };
}

describe('folderSite', () => {
  it('reads files of the folder, and nothing that is a folder or lies outside it', () => {
    const { dir, out } = builtFolder();
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(out, 'linked.txt'));
    fs.symlinkSync(dir, path.join(out, 'up'));
    const site = folderSite(out);
    expect(site.file('widget/index.html')?.toString()).toBe('widget page');
    for (const name of ['widget', 'assets', '', '../secret.txt', 'assets/../../secret.txt', path.join(dir, 'secret.txt'), 'linked.txt', 'up/secret.txt', 'nothing.html']) {
      expect(site.file(name), name).toBeUndefined();
    }
  });
});

describe('lookup', () => {
  it('names a page by its URL with or without a trailing slash, under the base path only', () => {
    const { out } = builtFolder();
    const site = folderSite(out);
    const name = (url: string, basePath = '/') => {
      const found = lookup(site, url, basePath);
      return found.kind === 'file' ? found.name : found.kind === 'redirect' ? `→ ${found.location}` : null;
    };
    expect([name('/'), name('/widget'), name('/widget/'), name('/widget?lang=go#id'), name('/assets/polyref.css')]).toEqual([
      'index.html',
      'widget/index.html',
      'widget/index.html',
      'widget/index.html',
      'assets/polyref.css',
    ]);
    expect([name('/../secret.txt'), name('/%2e%2e/secret.txt'), name('/%E0%A4%A'), name('/widget%00')]).toEqual([null, null, null, null]);
    expect([name('/', '/docs/'), name('/docs', '/docs/'), name('/docs/', '/docs/'), name('/docs/widget', '/docs/'), name('/widget', '/docs/')]).toEqual([
      '→ /docs/',
      '→ /docs/',
      'index.html',
      'widget/index.html',
      null,
    ]);
  });
});
