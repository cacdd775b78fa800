/**
 * The Markdown copies write each shared node (a description, a name in code,
 * a caption) once per context and reuse the text, parse descriptions once for
 * the HTML pages and the copies, and skip the parser for plain prose. Each of
 * these must give the bytes a plain, unshared `toMarkdown` gives: these tests
 * hold the fast path to that reference on edge cases and generated input.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { List, Nodes, Paragraph, Root, RootContent, Table, TableCell } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleIds } from '../../src/check/rules/index.js';
import { loadConfig } from '../../src/config/config.js';
import type { Site } from '../../src/model/site.js';
import { loadSite } from '../../src/pipeline/load-site.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { parseMarkdown } from '../../src/render/markdown-parse.js';
import { copyDescription } from '../../src/render/markdown-copy/descriptions.js';
import { markdownStyle, serializeMarkdown, share } from '../../src/render/markdown-copy/serialize.js';
import { cleanMarkdown, pageMarkdown, pageMarkdownTree } from '../../src/render/page-markdown.js';
import { withBasePath } from '../../src/render/sanitize.js';
import { safeUrl } from '../../src/render/templates.js';

const basePath = '/docs/';

/** `toMarkdown` as the copies used it before any sharing: a fresh serialiser, mdast-util-gfm's own table handler. */
function referenceMarkdown(tree: Root): string {
  return toMarkdown(tree, { ...markdownStyle, extensions: [gfmToMarkdown()] });
}

const referenceParser = unified().use(remarkParse).use(remarkGfm).freeze();

/** A description as the copies cleaned it: a fresh parse of the text as given, changed in place. */
function referenceBlocks(markdown: string): RootContent[] {
  const tree = referenceParser.parse(markdown) as Root;
  const clean = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'definition' || node.type === 'image') node.url = safeUrl(withBasePath(node.url, basePath));
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index--) {
        if (children[index]!.type === 'html') children.splice(index, 1);
        else clean(children[index]!);
      }
    }
  };
  clean(tree);
  return tree.children;
}

/** A deep copy without positions: the same content in nodes the serialiser has never seen. */
function unshared<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'position' ? undefined : inner))) as T;
}

/** A table of shared cells: the header, then one row per description with names and types in code. */
function tableOf(descriptions: string[]): Table {
  const cell = (value: string): TableCell => share({ type: 'tableCell', children: value ? [{ type: 'inlineCode', value }] : [] });
  const header = ['Name', 'Type', 'Optional', 'Description'].map((label): TableCell => share({ type: 'tableCell', children: [{ type: 'text', value: label }] }));
  return {
    type: 'table',
    align: [null, null, null, null],
    children: [
      { type: 'tableRow', children: header },
      ...descriptions.map((markdown, index) => ({
        type: 'tableRow' as const,
        children: [cell(`name_${index % 3}`), cell(index % 2 ? 'string' : 'a|b'), cell(''), copyDescription(markdown, basePath).cell],
      })),
    ],
  };
}

/** Pieces that mean something to markdown, GFM or the table writer, to build descriptions from. */
const pieces = [
  'word', 'Word', ' ', '  ', '\n', '\n\n', '\t', '|', '`', '``', '*', '**', '_', '__', '~', '~~', '\\', '#', '# ', '- ', '+ ', '1. ', '2) ', '> ',
  '[', ']', '(', ')', '!', '<', '>', '&', '&amp;', '&#x41;', ':', '/', '.', ',', '@', '=', '---', '===', '"', "'", '$', '%', '?', ';',
  '[a link](/guide)', '[ext](https://example.com/x?y=1)', '[bad](javascript:alert(1))', '![img](/i.png "t")', '<b>', '</b>', '<!-- note -->',
  '<span class="x">y</span>', '`a|b`', '`` a`b ``', '```js\nconst a = 1 | 2;\n```\n', '    indented code\n', 'www.example.com', 'W.x', 'new.value',
  'mail@example.com', 'https://example.com', '[^1]', '[^1]: A note.', '[ref]', '[ref]: /target', '- [x] done', '| a | b |\n| - | - |\n| 1 | 2 |\n',
  '  \nbreak', '\\\nbreak', 'line\r\nnext', '\u00a0', 'é', '😀',
];
const description = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));
const plainWords = fc
  .array(fc.constantFrom('The', 'owner', 'id', 'of', 'W', 'new', 'value', '50%', '(now)', '"quoted"', "it's", 'a-b', '+3', '$4', '1.', 'www', 'x.', 'y;', ','), {
    minLength: 1,
    maxLength: 10,
  })
  .map((words) => words.join(' '));

let folder: string;
let site: Site;

/** Sample descriptions for the page-level check: fixed edge cases and a deterministic draw from the generator. */
const edgeCases = [
  'Plain prose, with a full stop.',
  'Ends with a line ending, as a YAML block scalar leaves it.\n',
  'Either `a|b` or c | d.',
  'First paragraph.\n\nSecond *paragraph* with [a link](/reference/x).',
  'Hi <b>there</b> <script>alert(1)</script>',
  '[Click](javascript:alert(1))',
  '```js\nconst a = 1;\n```',
  '- one\n- two',
  'See www.example.com or new.value.',
  '    indented code',
  'Line one  \nline two\\\nline three',
  '+ not a list in a cell',
];
const sampled = fc.sample(description, { seed: 20261128, numRuns: 60 });

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'polyref-markdown-copy-'));
  const all = [...edgeCases, ...sampled];
  const keys = all.map((_, index) => `d${index}`);
  const property = (key: string, index: number) =>
    [`        - key: ${key}`, `          type: ${JSON.stringify(index % 2 ? 'string' : 'a | b')}`, `          description: (widget.${key})`].join('\n');
  const literal = (index: number) => `        - key: literal_${index}\n          type: string\n          description: ${JSON.stringify(all[index])}`;
  const entry = (language: string, title: string) =>
    [
      `  ${language}:`,
      `    - key: Widget`,
      `      id: widget`,
      `      url: /reference/widget`,
      `      title: ${title}`,
      `      type: object`,
      `      paginated: true`,
      `      description: (widget.d3)`,
      `      properties:`,
      ...keys.map(property),
      `        - key: nested`,
      `          type: object`,
      `          description: (widget.d2)`,
      `          properties:`,
      ...keys.slice(0, 5).map((key, index) => property(key, index).replace(/^ {8}/gm, '            ')),
      `      parameters:`,
      ...all.slice(0, 8).map((_, index) => literal(index)),
    ].join('\n');
  const page = [
    '---',
    'descriptions:',
    '  widget:',
    ...keys.map((key, index) => `    ${key}: ${JSON.stringify(all[index])}`),
    'reference:',
    entry('curl', 'widget'),
    entry('python', 'class Widget'),
    '---',
    '',
    '# Widget',
    '',
    'A widget, shown at the top level, in a callout and in a list item: the same descriptions in other contexts.',
    '',
    '<CodeBlock referenceId="widget" />',
    '',
    '<Callout type="warning">',
    '',
    '<CodeBlock referenceId="widget" />',
    '',
    '</Callout>',
    '',
    '- [x] A task item, then the block:',
    '',
    '  <CodeBlock referenceId="widget" />',
    '',
  ].join('\n');
  fs.mkdirSync(path.join(folder, 'content', 'reference', 'widget'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'content', 'reference', 'widget', 'index.mdx'), page);
  fs.writeFileSync(
    path.join(folder, 'content', 'elements.mdx'),
    [
      '# Elements',
      '',
      'A <code>name</code>, <strong onClick="x()">always</strong> set.<br />See <a href="/reference/widget" style="color: red">the widget</a>.',
      '',
      '<details open>',
      '<summary>More about <em>widgets</em></summary>',
      '',
      '- one <kbd>K</kbd>',
      '- two',
      '</details>',
      '',
      '<img src="/logo.png" alt="Logo" onerror="x()" />',
      '',
      '<table>',
      '  <tr><td>cell</td></tr>',
      '</table>',
      '',
      '<Callout>',
      '<td>A cell outside a table</td> <a href="javascript:x()">is text</a>',
      '</Callout>',
      '',
      '<iframe src="https://e.com" />',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(folder, 'polyref.config.json'), JSON.stringify({ basePath, languages: [{ id: 'curl', label: 'cURL' }, { id: 'python', label: 'Python' }] }));
  const config = loadConfig({ cwd: folder, ruleIds });
  site = loadSite(config, { keepTrees: true, cache: false });
});

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('descriptions in the Markdown copies', () => {
  it('escape pipes in table cells, not in their own paragraphs', () => {
    const markdown = 'Either `a|b` or c | d.';
    expect(serializeMarkdown({ type: 'root', children: [tableOf([markdown])] })).toBe(
      [
        '| Name     | Type   | Optional | Description              |',
        '| -------- | ------ | -------- | ------------------------ |',
        '| `name_0` | `a\\|b` |          | Either `a\\|b` or c \\| d. |',
        '',
      ].join('\n'),
    );
    expect(cleanMarkdown(markdown, site)).toBe('Either `a|b` or c | d.');
  });

  it('squeeze paragraphs, line breaks and code blocks onto the one line of a cell', () => {
    const markdown = 'First *one*.\n\nSecond\nline  \nbreak.\n\n```js\nconst a = 1;\nconst b = 2;\n```';
    const text = serializeMarkdown({ type: 'root', children: [tableOf([markdown])] });
    expect(text.split('\n')[2]).toBe('| `name_0` | `a\\|b` |          | First _one_. Second line break. `const a = 1; const b = 2;` |');
    expect(cleanMarkdown(markdown, site)).toBe('First _one_.\n\nSecond\nline\\\nbreak.\n\n```js\nconst a = 1;\nconst b = 2;\n```');
  });

  it('drop raw HTML, neutralise unsafe links and give root-relative links the base path', () => {
    expect(cleanMarkdown('Hi <b>there</b>, see [users](/users) and [x](javascript:alert(1)).', site)).toBe(
      `Hi there, see [users](/docs/users) and [x](${safeUrl('javascript:alert(1)')}).`,
    );
  });

  it('link `www.` text as GFM does, while plain prose skips the parser', () => {
    expect(cleanMarkdown('See www.example.com today', site)).toBe('See [www.example.com](http://www.example.com) today');
    expect(cleanMarkdown('Set it to new.value', site)).toBe('Set it to new\\.value');
    expect(copyDescription('Plain words only.\n', basePath).blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'Plain words only.' }] }]);
  });

  it('leave the parsed trees they share with the HTML pages as parsed', () => {
    const markdown = 'See [users](/users), <b>bold</b> and ![i](javascript:x).';
    copyDescription(markdown, basePath);
    expect(parseMarkdown(markdown)).toEqual(referenceParser.parse(markdown));
    expect(renderMarkdown(markdown, basePath)).toBe('<p>See <a href="/docs/users">users</a>, bold and <img alt="i">.</p>');
  });

  it('give the same blocks as a fresh parse of the text as given, for any description', () => {
    fc.assert(
      fc.property(fc.oneof(description, plainWords, description.map((text) => `${text}\n`)), (markdown) => {
        expect(unshared(copyDescription(markdown, basePath).blocks)).toEqual(unshared(referenceBlocks(markdown)));
      }),
      { numRuns: 400 },
    );
  });

  it('write the same text in flow and in table cells as an unshared serialiser, however often shown', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(description, plainWords), { minLength: 1, maxLength: 6 }), (markdowns) => {
        for (const markdown of markdowns) {
          expect(cleanMarkdown(markdown, site)).toBe(referenceMarkdown({ type: 'root', children: referenceBlocks(markdown) }).trimEnd());
        }
        // Twice, so the second table is written from what the first left behind.
        for (let round = 0; round < 2; round++) {
          const table = tableOf(markdowns);
          expect(serializeMarkdown({ type: 'root', children: [table] })).toBe(referenceMarkdown(unshared({ type: 'root', children: [table] })));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('shared nodes', () => {
  it('are written afresh in each context: a cell, a paragraph, a quote, a list item', () => {
    const text = share<Paragraph>({ type: 'paragraph', children: [{ type: 'text', value: '+ a | b' }] });
    const cell = share<TableCell>({ type: 'tableCell', children: text.children });
    const tree: Root = {
      type: 'root',
      children: [
        text,
        { type: 'blockquote', children: [text] },
        { type: 'table', align: [null], children: [{ type: 'tableRow', children: [cell] }] },
        { type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [text] }] },
      ],
    };
    expect(serializeMarkdown(tree)).toBe('\\+ a | b\n\n> \\+ a | b\n\n| + a \\| b |\n| -------- |\n\n- \\+ a | b\n');
    expect(serializeMarkdown(tree)).toBe(referenceMarkdown(unshared(tree)));
  });

  it('make tables as mdast-util-gfm-table does when rows are ragged or alignments missing', () => {
    const cell = (value: string): TableCell => share({ type: 'tableCell', children: [{ type: 'text', value }] });
    const row = (...values: string[]) => ({ type: 'tableRow' as const, children: values.map(cell) });
    for (const align of [undefined, [], ['left' as const, 'center' as const, 'right' as const]]) {
      const tree: Root = { type: 'root', children: [{ type: 'table', align, children: [row('Head'), row('a', 'bb', 'c|c'), row('d')] }] };
      expect(serializeMarkdown(tree)).toBe(referenceMarkdown(unshared(tree)));
    }
    const ragged: Root = { type: 'root', children: [{ type: 'table', children: [row('Head'), row('a', 'bb')] }] };
    expect(serializeMarkdown(ragged)).toBe('| Head |    |\n| ---- | -- |\n| a    | bb |\n');
  });

  it('keep each task item’s own checkbox when the same paragraph stands in several', () => {
    const done = share<Paragraph>({ type: 'paragraph', children: [{ type: 'text', value: 'Ship it' }] });
    const list: List = {
      type: 'list',
      ordered: false,
      spread: false,
      children: [
        { type: 'listItem', spread: false, checked: true, children: [done] },
        { type: 'listItem', spread: false, checked: false, children: [done] },
        { type: 'listItem', spread: false, children: [done] },
      ],
    };
    expect(serializeMarkdown({ type: 'root', children: [list] })).toBe('- [x] Ship it\n- [ ] Ship it\n- Ship it\n');
  });
});

describe('page copies', () => {
  it('show HTML elements as the page does, sanitized, around their content in Markdown, and leave out unsafe ones', () => {
    const page = site.index.pages.find((candidate) => candidate.url === '/elements')!;
    expect(pageMarkdown(page, site)).toBe(
      [
        '# Elements',
        '',
        'A <code>name</code>, <strong>always</strong> set.<br>See <a href="/docs/reference/widget">the widget</a>.',
        '',
        '<details open>',
        '',
        '<summary>More about <em>widgets</em></summary>',
        '',
        '- one <kbd>K</kbd>',
        '- two',
        '',
        '</details>',
        '',
        '<img src="/docs/logo.png" alt="Logo">',
        '',
        '<table>',
        '',
        '<tr><td>cell</td></tr>',
        '',
        '</table>',
        '',
        '> **Note:**',
        '>',
        '> A cell outside a table',
        '>',
        '> <a>is text</a>',
        '',
      ].join('\n'),
    );
  });

  it('equal an unshared serialisation of the same tree, with descriptions at the top level, in a callout and in a list item', () => {
    const page = site.index.pages.find((candidate) => candidate.url === '/reference/widget')!;
    const tree = pageMarkdownTree(page, site);
    const reference = referenceMarkdown(unshared(tree));
    expect(pageMarkdown(page, site)).toBe(reference);
    // Written again, every shared node comes from what the first copy left behind.
    expect(pageMarkdown(page, site)).toBe(reference);
    expect(reference).toContain('> **Warning:**');
    expect(reference).toContain('- [x] A task item, then the block:');
    // Two languages, each at the top level, in the callout (`> `) and in the list item (indented).
    expect(reference.match(/^(?:> | {2})?\| Name +\| Type +\| Required +\| Description +\|$/gm)).toHaveLength(6);
  });
});
