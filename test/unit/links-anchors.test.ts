import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageAnchors } from '../../src/check/page-anchors.js';
import { ruleIds } from '../../src/check/rules/index.js';
import { loadConfig } from '../../src/config/config.js';
import { anchorId, entryAnchor, entryReferenceAnchor, headingSlugs, propertyAnchor } from '../../src/index/anchors.js';
import type { Place } from '../../src/model/types.js';
import { loadSite } from '../../src/pipeline/load-site.js';
import { repoRoot, runPolyref } from '../helpers/run-cli.js';

const place: Place = { line: 1, column: 1, endLine: 1, endColumn: 1 };

describe('anchor names', () => {
  it('names an entry by its id, else its key', () => {
    expect(entryAnchor({ id: 'directory_group', key: 'Group' })).toBe('directory_group');
    expect(entryAnchor({ id: null, key: 'ctx' })).toBe('ctx');
  });

  it('names a property by its description key path, else `parent.key`', () => {
    expect(propertyAnchor({ key: 'IdpId', description: { kind: 'reference', keyPath: 'directory_group.idp', place } }, 'directory_group')).toBe('directory_group.idp');
    expect(propertyAnchor({ key: 'err', description: { kind: 'markdown', markdown: 'Not nil on failure.', place } }, 'get_group')).toBe('get_group.err');
    expect(propertyAnchor({ key: 'x', description: null }, 'a.b')).toBe('a.b.x');
  });

  it('names a row standing for a whole entry by the description it shows, else the entry', () => {
    expect(entryReferenceAnchor({ id: 'pagination_limit', key: 'limit' }, { kind: 'reference', keyPath: 'pagination.limit', place })).toBe('pagination.limit');
    expect(entryReferenceAnchor({ id: 'x', key: 'X' }, null)).toBe('x');
  });

  it('turns whitespace, which an id may not hold, into `-`', () => {
    expect(anchorId('parent.my key')).toBe('parent.my-key');
    expect(anchorId('')).toBe('section');
  });

  it('slugs headings as GitHub does, numbering repeats', () => {
    expect(headingSlugs(['Get a Group', 'Paging', 'Paging', 'C++ & `code`'])).toEqual(['get-a-group', 'paging', 'paging-1', 'c--code']);
  });
});

/**
 * The check accepts a `#fragment` exactly when the render gives some element
 * that id: build the bundled example and compare, page by page.
 */
describe('page anchors against the built site', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'polyref-anchors-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('are exactly the anchors the render writes', () => {
    const config = loadConfig({ cwd: repoRoot, ruleIds, overrides: { out: path.join(out, 'site') } });
    // The real binary builds much faster than the render run through the test transform.
    expect(runPolyref(['build', '--out', config.out], repoRoot).status).toBe(0);
    const site = loadSite(config, { keepTrees: false });
    let compared = 0;
    for (const page of site.index.pages) {
      if (page.kind !== 'page') continue;
      const html = fs.readFileSync(path.join(config.out, page.url, 'index.html'), 'utf8');
      const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => unescape(match[1]!)));
      const anchors = pageAnchors(page, site);
      // Every anchor the check accepts is an element id of the page…
      for (const anchor of anchors) expect(ids.has(anchor), `${page.url}#${anchor}`).toBe(true);
      // …and every entry, property and heading anchor the page shows is accepted.
      for (const match of html.matchAll(/data-anchor="([^"]*)"/g)) {
        expect(anchors.has(anchorId(unescape(match[1]!))), `${page.url} data-anchor ${match[1]}`).toBe(true);
      }
      const article = html.slice(html.indexOf('<article'), html.lastIndexOf('</article>'));
      for (const match of article.matchAll(/<h[1-6][^>]*\sid="([^"]*)"/g)) {
        const id = unescape(match[1]!);
        // A heading whose slug an entry already holds gets `slug-2`; the slug itself still lands on the page.
        const slug = anchors.has(id) ? id : id.replace(/-\d+$/, '');
        expect(anchors.has(slug), `${page.url} heading #${id}`).toBe(true);
      }
      compared += anchors.size;
    }
    expect(compared).toBeGreaterThan(100);
  }, 180_000);
});

function unescape(value: string): string {
  return value.replace(/&#x([0-9a-f]+);/gi, (_match, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&amp;/g, '&');
}
