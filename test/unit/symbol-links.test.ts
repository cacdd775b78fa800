import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeHighlighter, grammarFor, themes } from '../../src/render/highlight.js';
import { emptyPage } from '../../src/parse/parse-page.js';
import { SymbolLinker, type SymbolLink } from '../../src/render/symbol-links.js';

let highlighter: CodeHighlighter;
beforeAll(async () => {
  highlighter = await CodeHighlighter.create();
});
afterAll(() => highlighter.dispose());

const listGroups: SymbolLink = { key: 'list_groups', patternBefore: 'directory_sync\\.', href: '/reference/list' };

/** Highlighted code with the symbols of `links` linked, as a page renders it. */
function linked(code: string, lang: string | null, links: SymbolLink[]): string {
  return highlighter.highlight(code, lang, SymbolLinker.of(links).ranges(code));
}

/** `[text, href]` of every link in the HTML. */
function links(html: string): Array<[string, string]> {
  return [...html.matchAll(/<a href="([^"]*)" class="symbol-link">([^<]*)<\/a>/g)].map((match) => [match[2]!, match[1]!]);
}

describe('symbols in example code', () => {
  it('link where the entry’s patternBefore precedes the key, and nowhere else', () => {
    const code = ['page = client.directory_sync.list_groups(directory_id="d")', 'list_groups()', 'other.list_groups()'].join('\n');
    expect(links(linked(code, 'py', [listGroups]))).toEqual([['list_groups', '/reference/list']]);
  });

  it('never link part of a longer identifier', () => {
    expect(links(linked('directory_sync.list_groups_v2()', 'py', [listGroups]))).toEqual([]);
  });

  it('link every occurrence, also two inside one token of plain text', () => {
    const html = linked('directory_sync.list_groups directory_sync.list_groups', 'unknown-language', [listGroups]);
    expect(links(html)).toEqual([
      ['list_groups', '/reference/list'],
      ['list_groups', '/reference/list'],
    ]);
    expect(html.replace(/<[^>]+>/g, '')).toBe('directory_sync.list_groups directory_sync.list_groups');
  });

  it('keep the code escaped exactly as without links', () => {
    const code = 'directory_sync.list_groups("<script>alert(1)</script>")';
    const html = linked(code, 'py', [listGroups]);
    expect(html).not.toContain('<script>');
    expect(html.replace(/<a href="[^"]*" class="symbol-link">([^<]*)<\/a>/g, '$1')).toBe(highlighter.highlight(code, 'py'));
  });

  it('prefer the first link given where two entries match the same text', () => {
    const nearer: SymbolLink = { key: 'list_groups', patternBefore: '\\.', href: '/here' };
    expect(links(linked('directory_sync.list_groups()', 'py', [nearer, listGroups]))).toEqual([['list_groups', '/here']]);
  });

  it('prefer the entry of the page being rendered over an earlier one with the same key', () => {
    const page = emptyPage({ file: '/site/b.mdx', relativePath: 'b.mdx', kind: 'page', url: '/b' }, '');
    const elsewhere: SymbolLink = { key: 'list_groups', patternBefore: 'directory_sync\\.', href: '/a' };
    const here: SymbolLink = { ...elsewhere, href: '/b', page };
    const code = 'directory_sync.list_groups()';
    const linker = SymbolLinker.of([elsewhere, here]);
    expect(links(highlighter.highlight(code, 'py', linker.ranges(code, page)))).toEqual([['list_groups', '/b']]);
    expect(links(highlighter.highlight(code, 'py', linker.ranges(code)))).toEqual([['list_groups', '/a']]);
  });

  it('link the longest key where one key begins another', () => {
    const short: SymbolLink = { key: 'Groups', patternBefore: 'client\\.', href: '/groups' };
    const long: SymbolLink = { key: 'Groups.List', patternBefore: 'client\\.', href: '/groups-list' };
    expect(links(linked('client.Groups.List(ctx)', null, [short, long]))).toEqual([['Groups.List', '/groups-list']]);
    expect(links(linked('client.Groups.Get(ctx)', null, [short, long]))).toEqual([['Groups', '/groups']]);
  });

  it('find every symbol of a language, whatever the number of entries', () => {
    const many: SymbolLink[] = Array.from({ length: 2000 }, (_, index) => ({ key: `method_${index}`, patternBefore: `area${index % 40}\\.`, href: `/m/${index}` }));
    const code = 'area3.method_43()\narea7.method_1047()\narea7.method_1048()';
    expect(links(linked(code, 'py', many))).toEqual([
      ['method_43', '/m/43'],
      ['method_1047', '/m/1047'],
    ]);
  });

  it('skip a pattern that is not a valid regular expression', () => {
    const broken: SymbolLink = { key: 'list_groups', patternBefore: '(', href: '/broken' };
    expect(links(linked('directory_sync.list_groups()', 'py', [broken, listGroups]))).toEqual([['list_groups', '/reference/list']]);
  });
});

describe('light and dark colours from one tokenization', () => {
  const samples: Array<[string, string]> = [
    ['py', 'import os\n# a comment\n@decorator\ndef f(x: int = 1) -> str:\n    return f"{x!r} \\n"  # done'],
    ['ts', 'export async function f<T>(x: T): Promise<T> {\n  /** doc */\n  return await Promise.resolve(x as T); // c\n}'],
    ['go', 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println(`raw`, 0x1F, nil)\n}'],
    ['md', '# Title\n\n_emphasis_ **strong** [link](https://example.com) `code`\n\n- item\n~~gone~~'],
    ['sh', 'curl --request POST \\\n  --url "https://api.example.com/v1/x?y=$Y" # comment'],
    ['rb', 'class A < B\n  def initialize(a:, b: nil) = @a = a\nend\n:symbol'],
    ['php', '<?php\n$client = new \\Example\\Client(["a" => 1]);\necho $client->list();'],
    ['java', '@Override\npublic static <T> List<T> of(T... xs) { return List.of(xs); }'],
    ['cs', 'var x = await client.Groups.ListAsync(new() { Limit = 10 });\n// c'],
    ['diff', '--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new'],
    ['yaml', 'key: value\nlist:\n  - &anchor 1\n  - *anchor # c'],
    ['html', '<!doctype html>\n<a href="/x" class=\'y\'>t&amp;</a><script>let a = 1;</script>'],
  ];

  it('tokenize once: the GitHub themes pair every light colour with one dark colour', () => {
    expect(highlighter.tokenizesOnce).toBe(true);
  });

  it.each(samples)('give %s exactly the HTML of tokenizing with both themes', async (lang, code) => {
    const { codeToHast } = await import('shiki');
    const { toHtml } = await import('hast-util-to-html');
    const grammar = grammarFor(lang)!;
    const reference = toHtml(await codeToHast(code, { lang: grammar, themes, defaultColor: false, tokenizeTimeLimit: 0 }));
    const withoutIndents = highlighter.highlight(code, lang).replace(/ style="--indent:\d+ch"/g, '');
    expect(withoutIndents).toBe(reference);
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
