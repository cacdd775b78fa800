import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: the generator is plain JavaScript without declarations.
import { generateSite } from '../../bench/generate.js';
import { shownKeyPaths } from '../../src/check/parity-rows.js';
import { loadConfig } from '../../src/config/config.js';
import type { Located } from '../../src/index/site-index.js';
import type { Entry } from '../../src/model/types.js';
import type { Site } from '../../src/model/site.js';
import { loadSite } from '../../src/pipeline/load-site.js';
import { resolveEntry, unwrapped, type ResolvedItem } from '../../src/resolve/resolved-entry.js';
import { makeProject, repoRoot } from '../helpers/run-cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** The key paths of the rows an entry's table shows, read off the rows themselves. */
function keyPathsOfRows(located: Located<Entry>, site: Site): string[] {
  const resolved = resolveEntry(located, located.page, site.index);
  const keyPaths = new Set<string>();
  const visit = (items: ResolvedItem[] | null): void => {
    for (const item of unwrapped(items ?? [])) {
      if (item.description?.keyPath) keyPaths.add(item.description.keyPath);
      visit(item.properties);
    }
  };
  visit(resolved.properties);
  visit(resolved.parameters);
  visit(resolved.returns);
  return [...keyPaths];
}

/** Compares the two for every entry of the site; returns how many entries showed any key path. */
function expectSameKeyPaths(site: Site): number {
  let withKeyPaths = 0;
  for (const entries of site.index.entriesByKey.values()) {
    for (const list of entries.values()) {
      for (const located of list) {
        const expected = keyPathsOfRows(located, site);
        expect([...shownKeyPaths(located, site)], `${located.page.relativePath} ${located.value.language} ${located.value.key}`).toEqual(expected);
        if (expected.length > 0) withKeyPaths += 1;
      }
    }
  }
  return withKeyPaths;
}

const siteIn = (cwd: string): Site => loadSite(loadConfig({ cwd, overrides: { cache: false } }), { keepTrees: false });

/** Unwrapped options, entry references with and without a page, a self-reference and a missing description. */
const handWritten = `---
descriptions:
  widget:
    self: A widget.
    id: Its id.
    options:
      self: Options.
      name: The name.
  list:
    limit: How many.
reference:
  python:
    - key: Widget
      id: widget
      url: /widgets
      properties:
        - key: id
          type: str
          description: (widget.id)
        - key: options
          type: Options
          description: (widget.options)
          unwrap: true
          properties:
            - key: name
              type: str
              description: (widget.options.name)
            - key: inner
              type: Inner
              description: (widget.options)
              unwrap: true
              properties:
                - (Limit)
        - key: missing
          type: str
          description: (widget.nothing)
        - (Widget)
        - (Shared)
        - (Widget.id)
    - key: Shared
      properties:
        - key: id
          type: str
          description: (widget.id)
        - (Shared)
    - key: Limit
      type: int
      description: (list.limit)
---
`;

describe('parity key paths', () => {
  it('parity-key-paths: the rows parity counts are the rows the tables show, on generated sites', () => {
    for (const seed of [1, 2, 3]) {
      const generated = generateSite({ pages: 60, seed }) as { files: Array<{ path: string; text: string }> };
      const project = makeProject(Object.fromEntries(generated.files.map((file) => [file.path, file.text])));
      cleanups.push(project.cleanup);
      expect(expectSameKeyPaths(siteIn(project.dir))).toBeGreaterThan(100);
    }
  });

  it('parity-key-paths: the same on the bundled site, every fixture and a site of odd shapes', () => {
    expect(expectSameKeyPaths(siteIn(repoRoot))).toBeGreaterThan(5);
    const fixtures = path.join(repoRoot, 'test/fixtures');
    for (const fixture of fs.readdirSync(fixtures)) {
      if (fs.existsSync(path.join(fixtures, fixture, 'content'))) expectSameKeyPaths(siteIn(path.join(fixtures, fixture)));
    }
    const project = makeProject({ 'content/widgets.mdx': handWritten });
    cleanups.push(project.cleanup);
    expect(expectSameKeyPaths(siteIn(project.dir))).toBe(2);
  });
});
