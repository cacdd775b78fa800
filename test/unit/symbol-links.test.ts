import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeHighlighter } from '../../src/render/highlight.js';
import type { SymbolLink } from '../../src/render/symbol-links.js';

let highlighter: CodeHighlighter;
beforeAll(async () => {
  highlighter = await CodeHighlighter.create();
});
afterAll(() => highlighter.dispose());

const listGroups: SymbolLink = { key: 'list_groups', patternBefore: 'directory_sync\\.', href: '/reference/list' };

/** `[text, href]` of every link in the HTML. */
function links(html: string): Array<[string, string]> {
  return [...html.matchAll(/<a href="([^"]*)" class="symbol-link">([^<]*)<\/a>/g)].map((match) => [match[2]!, match[1]!]);
}

describe('symbols in example code', () => {
  it('link where the entry’s patternBefore precedes the key, and nowhere else', () => {
    const code = ['page = client.directory_sync.list_groups(directory_id="d")', 'list_groups()', 'other.list_groups()'].join('\n');
    expect(links(highlighter.highlight(code, 'py', [listGroups]))).toEqual([['list_groups', '/reference/list']]);
  });

  it('never link part of a longer identifier', () => {
    expect(links(highlighter.highlight('directory_sync.list_groups_v2()', 'py', [listGroups]))).toEqual([]);
  });

  it('link every occurrence, also two inside one token of plain text', () => {
    const html = highlighter.highlight('directory_sync.list_groups directory_sync.list_groups', 'unknown-language', [listGroups]);
    expect(links(html)).toEqual([
      ['list_groups', '/reference/list'],
      ['list_groups', '/reference/list'],
    ]);
    expect(html.replace(/<[^>]+>/g, '')).toBe('directory_sync.list_groups directory_sync.list_groups');
  });

  it('keep the code escaped exactly as without links', () => {
    const code = 'directory_sync.list_groups("<script>alert(1)</script>")';
    const linked = highlighter.highlight(code, 'py', [listGroups]);
    expect(linked).not.toContain('<script>');
    expect(linked.replace(/<a href="[^"]*" class="symbol-link">([^<]*)<\/a>/g, '$1')).toBe(highlighter.highlight(code, 'py'));
  });

  it('prefer the first link given where two entries match the same text', () => {
    const nearer: SymbolLink = { key: 'list_groups', patternBefore: '\\.', href: '/here' };
    expect(links(highlighter.highlight('directory_sync.list_groups()', 'py', [nearer, listGroups]))).toEqual([['list_groups', '/here']]);
  });

  it('skip a pattern that is not a valid regular expression', () => {
    const broken: SymbolLink = { key: 'list_groups', patternBefore: '(', href: '/broken' };
    expect(links(highlighter.highlight('directory_sync.list_groups()', 'py', [broken, listGroups]))).toEqual([['list_groups', '/reference/list']]);
  });
});

describe('code lines', () => {
  it('carry their indentation, so a wrapped line continues under its own start', () => {
    const html = highlighter.highlight('{\n    "a": 1,\n\t"b": 2\n}', 'json');
    const lines = [...html.matchAll(/<span class="line"( style="[^"]*")?>/g)].map((match) => match[1] ?? '');
    expect(lines).toEqual(['', ' style="--indent:4ch"', ' style="--indent:4ch"', '']);
  });

  it('are marked in code without a grammar too', () => {
    expect(highlighter.highlight('a\n  b', null)).toBe('<pre class="shiki" tabindex="0"><code><span class="line">a</span>\n<span class="line" style="--indent:2ch">  b</span></code></pre>');
  });
});
