import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parse/parse-page.js';

const source = { file: '/site/content/p.mdx', relativePath: 'p.mdx', kind: 'page' as const, url: '/p' };
const parse = (text: string | Buffer, keepTree = false) =>
  parsePage(source, typeof text === 'string' ? Buffer.from(text) : text, { keepTree });

describe('parsePage', () => {
  it('reads descriptions, entries and properties with their places', () => {
    const page = parse(
      [
        '---',
        'descriptions:',
        '  group:',
        '    self: The group.',
        '    id: Id.',
        'reference:',
        '  python:',
        '    - key: Group',
        '      id: group',
        '      sendsEmail: true',
        '      properties:',
        '        - key: id',
        '          type: str',
        '          optional: true',
        '          description: (group.id)',
        '        - (Other.name)',
        '---',
        '# Group',
      ].join('\n'),
    );
    expect(page.diagnostics).toEqual([]);
    // `title` is the frontmatter's; the index names the page by its heading (see page-titles).
    expect(page.title).toBeNull();
    expect(page.headings).toEqual([{ depth: 1, text: 'Group' }]);
    expect(page.descriptions.map((definition) => [definition.keyPath, definition.markdown, definition.place.line])).toEqual([
      ['group', 'The group.', 3],
      ['group.id', 'Id.', 5],
    ]);
    const entry = page.reference.python![0]!;
    expect(entry).toMatchObject({ key: 'Group', id: 'group', extra: { sendsEmail: true }, keyPlace: { line: 8, column: 12 } });
    expect(entry.properties![0]).toMatchObject({
      kind: 'property',
      key: 'id',
      optional: true,
      description: { kind: 'reference', keyPath: 'group.id', place: { line: 15, column: 24, endLine: 15, endColumn: 34 } },
    });
    expect(entry.properties![1]).toMatchObject({ kind: 'item-reference', path: ['Other', 'name'], place: { line: 16, column: 11 } });
    expect(page.languagePlaces.python).toMatchObject({ line: 7, column: 3 });
  });

  it('keeps literal text that only looks like a reference', () => {
    const page = parse('---\nreference:\n  go:\n    - key: X\n      description: (see above) for details\n---\n');
    expect(page.reference.go![0]!.description).toMatchObject({ kind: 'markdown', markdown: '(see above) for details' });
  });

  it('places body components on the file’s own lines, after a BOM and CRLF', () => {
    const page = parse(Buffer.from('\uFEFF---\r\ntitle: T\r\n---\r\n\r\n<Callout type="info">\r\nHi\r\n</Callout>\r\n'));
    expect(page.diagnostics).toEqual([]);
    expect(page.title).toBe('T');
    expect(page.components).toEqual([
      expect.objectContaining({ name: 'Callout', place: { line: 5, column: 1, endLine: 7, endColumn: 11 } }),
    ]);
  });

  it('reports shape errors at the offending value', () => {
    const page = parse('---\nreference:\n  python:\n    - key: X\n      properties:\n        key: id\n---\n');
    expect(page.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'frontmatter-shape', message: 'Unexpected map for `properties`, expected a list', place: expect.objectContaining({ line: 6, column: 9 }) }),
    ]);
  });

  it('stops an alias bomb with one diagnostic', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const page = parse(`---\n${levels.join('\n')}\n---\n`);
    expect(page.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['frontmatter-syntax']);
    expect(page.diagnostics[0]!.message).toContain('alias');
  });

  it('takes a lowercase tag for an HTML element, not a component, and reports only those that cannot be shown safely', () => {
    const body = [
      '---',
      'title: T',
      '---',
      'A <code>name</code>, <ui.Badge /> and <br /> <Callout>x</Callout>.',
      '',
      '<details open>',
      '<summary>More</summary>',
      '<Callout>Inside</Callout>',
      '</details>',
      '',
      'Then <script src="x.js"></script> and <img src={url} />.',
      '',
      '<my-widget />',
    ].join('\n');
    const page = parse(body);
    expect(page.components.map((component) => [component.name, component.parent])).toEqual([
      ['ui.Badge', null],
      ['Callout', null],
      ['Callout', null],
    ]);
    expect(page.diagnostics).toEqual([
      {
        ruleId: 'unsafe-html',
        message: 'Unexpected HTML element `<script>`, expected one that is safe to show, such as `<div>`, `<details>` or `<img>`',
        place: { line: 11, column: 6, endLine: 11, endColumn: 34 },
      },
      {
        ruleId: 'mdx-unsupported',
        message: 'Unexpected expression `src={url}` on `<img>`, expected a quoted value such as `src="…"`',
        place: { line: 11, column: 44, endLine: 11, endColumn: 53 },
      },
      {
        ruleId: 'unsafe-html',
        message: 'Unexpected HTML element `<my-widget>`, expected one that is safe to show, such as `<div>`, `<details>` or `<img>`',
        place: { line: 13, column: 1, endLine: 13, endColumn: 14 },
      },
    ]);
  });

  it('keeps for rendering a tree without unsafe elements, where a paragraph of only tags is those tags, as MDX unravels it', () => {
    const page = parse('<details>\n<summary>More</summary>\n\nText <iframe src="x" /> here.\n</details>\n\n<script>x</script>\n', true);
    const shape = (node: { type: string; name?: string | null; children?: unknown[] }): unknown => [
      node.name ?? node.type,
      ...(node.children ?? []).map((child) => shape(child as typeof node)),
    ];
    expect(page.tree && shape(page.tree)).toEqual(['root', ['details', ['summary', ['text']], ['paragraph', ['text'], ['text']]]]);
    expect(page.tree?.children[0]).toMatchObject({ type: 'mdxJsxFlowElement', children: [{ type: 'mdxJsxFlowElement', name: 'summary' }, { type: 'paragraph' }] });
  });

  it('drops positions from a tree kept for rendering', () => {
    const page = parse('# Title\n\nText.\n', true);
    expect(page.tree?.children[0]).not.toHaveProperty('position');
  });
});
