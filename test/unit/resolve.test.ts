import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../src/index/site-index.js';
import type { ItemReference, ParsedPage } from '../../src/model/types.js';
import { parsePage } from '../../src/parse/parse-page.js';
import { urlOf } from '../../src/load/find-sources.js';
import { resolveDescription } from '../../src/resolve/descriptions.js';
import { resolveItem } from '../../src/resolve/items.js';
import { closest, editDistance } from '../../src/resolve/suggest.js';

function page(relativePath: string, frontmatter: string): ParsedPage {
  return parsePage(
    { file: `/site/content/${relativePath}`, relativePath, kind: 'page', url: urlOf(relativePath) },
    Buffer.from(`---\n${frontmatter}---\n`),
    { keepTree: false },
  );
}

const reference = (path: string): ItemReference => ({
  kind: 'item-reference',
  path: path.split('.'),
  place: { line: 1, column: 1, endLine: 1, endColumn: 1 },
});

describe('resolveDescription', () => {
  const objects = page('a/object.mdx', 'descriptions:\n  group:\n    self: The group.\n    id: Group id.\n  bare:\n    x: X.\n');
  const other = page('b/other.mdx', 'descriptions:\n  group:\n    id: Local id.\n');
  const index = buildSiteIndex([objects, other]);

  it('prefers the page’s own definition, then the rest of the site', () => {
    expect(resolveDescription('group.id', other, index)).toMatchObject({ ok: true, markdown: 'Local id.' });
    expect(resolveDescription('group.id', objects, index)).toMatchObject({ ok: true, markdown: 'Group id.' });
  });

  it('resolves a map to its self', () => {
    expect(resolveDescription('group', other, index)).toMatchObject({ ok: true, markdown: 'The group.' });
    expect(resolveDescription('group.self', other, index)).toMatchObject({ ok: true, markdown: 'The group.' });
  });

  it('refuses a map without self and names its keys', () => {
    expect(resolveDescription('bare', other, index)).toEqual({ ok: false, reason: 'map-without-self', suggestions: ['bare.x'] });
  });

  it('suggests the nearest key paths for a typo', () => {
    expect(resolveDescription('group.idd', other, index)).toEqual({ ok: false, reason: 'unresolved', suggestions: ['group.id'] });
  });
});

describe('resolveItem', () => {
  const entry = (key: string, url: string) =>
    `reference:\n  python:\n    - key: ${key}\n      id: ${key.toLowerCase()}\n      url: ${url}\n      properties:\n        - key: id\n          type: str\n          description: Id.\n          properties:\n            - key: inner\n              type: str\n              description: Inner.\n`;
  const near = page('ref/sync/group.mdx', entry('Group', '/ref/sync/group'));
  const far = page('other/group.mdx', entry('Group', '/other/group'));
  const twinA = page('x/a.mdx', entry('Twin', '/x/a'));
  const twinB = page('x/b.mdx', entry('Twin', '/x/b'));
  const referrer = page('ref/sync/list.mdx', 'title: List\n');
  const index = buildSiteIndex([near, far, twinA, twinB, referrer]);

  it('picks the entry whose page shares the longest folder path', () => {
    const resolved = resolveItem(reference('Group'), 'python', referrer, index);
    expect(resolved.ok && resolved.target.entry.page).toBe(near);
  });

  it('walks into properties and their children', () => {
    const resolved = resolveItem(reference('Group.id.inner'), 'python', referrer, index);
    expect(resolved.ok && resolved.target.kind === 'property' && resolved.target.property.key).toBe('inner');
  });

  it('reports a tie as ambiguous with the candidates', () => {
    const resolved = resolveItem(reference('Twin'), 'python', referrer, index);
    expect(resolved.ok).toBe(false);
    expect(!resolved.ok && resolved.reason === 'ambiguous' && resolved.candidates.map((candidate) => candidate.page)).toEqual([twinA, twinB]);
  });

  it('resolves only in the same language, with suggestions', () => {
    expect(resolveItem(reference('Group'), 'go', referrer, index)).toEqual({ ok: false, reason: 'unresolved', suggestions: [] });
    expect(resolveItem(reference('Gruop'), 'python', referrer, index)).toEqual({ ok: false, reason: 'unresolved', suggestions: ['Group'] });
    expect(resolveItem(reference('Group.idd'), 'python', referrer, index)).toEqual({ ok: false, reason: 'unresolved', suggestions: ['Group.id'] });
  });
});

describe('suggestions', () => {
  it('measures edits, counting a swap of neighbours as one', () => {
    expect(editDistance('idp', 'idp')).toBe(0);
    expect(editDistance('idpp', 'idp')).toBe(1);
    expect(editDistance('dip', 'idp')).toBe(1);
  });

  it('keeps only the nearest candidates', () => {
    expect(closest('directory_group.idpp', ['directory_group.idp', 'directory_group.id', 'directory_group.name'])).toEqual(['directory_group.idp']);
    expect(closest('nme', ['nmae', 'name', 'nam'])).toEqual(['name', 'nmae']);
    expect(closest('zzzz', ['name'])).toEqual([]);
  });
});
