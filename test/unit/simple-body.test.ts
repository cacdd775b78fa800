import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSources } from '../../src/load/find-sources.js';
import { parseBody, parseMdxBody } from '../../src/parse/body.js';
import { readSimpleBody } from '../../src/parse/simple-body.js';
import { splitFrontmatter } from '../../src/parse/split-frontmatter.js';
import { repoRoot } from '../helpers/run-cli.js';

/**
 * `readSimpleBody` reads the facts of simple bodies without the MDX parser
 * and gives up (null) on anything else; wherever it answers, it must give
 * what the parser gives, places included, and the parser must find no
 * problem there.
 */
function expectSameAsParser(body: string, firstLine: number): boolean {
  const simple = readSimpleBody(body, firstLine);
  if (simple === null) return false;
  const parsed = parseMdxBody(body, { line: firstLine, offset: 0, keepTree: false });
  expect(
    { components: simple.components, headings: simple.headings, links: simple.links, diagnostics: [] },
    JSON.stringify(body),
  ).toStrictEqual({ components: parsed.components, headings: parsed.headings, links: parsed.links, diagnostics: parsed.diagnostics });
  return true;
}

/** Mostly what the reader takes, sometimes what it must leave to the parser. */
const mostly = <T>(plain: readonly T[], risky: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...plain) }, { weight: 1, arbitrary: fc.constantFrom(...risky) });

const words = ['Returns', 'a', 'single', 'widget', 'Ünïcode', 'über', '42', 'x'];
/** Inline pieces: plain words and punctuation, mostly, and every kind of markup that could change what a line holds. */
const plainPieces = [
  ...words, ' ', '.', ',', ':', ';', "'", '"', '(', ')', '?', '’', '*', '_', '**', '`', '[a](/b)', '[a b](/c#d)', '[](/e)', '[x](https://e.com/p?q=1)',
  '`code`', '`a [b](/c)`', '``x`y``', '` `', '` a `', '`<T>`', '`{x}`', '`\\`', '`a\\`', '[`c`](/f)', '[a `]` b](/g)',
];
const riskyPieces = [
  '  ', '-', '=', '+', '#', ' #', '``', '&', '&amp;', '>', '<', '<b>', '@', 'a@b.co', 'www.e.com', 'WWW.E.COM', 'https://e.com', '[`c`](/f)',
  '[*e*](/g)', '[a](/b "t")', '[a](<b>)', '[a](/b&amp;c)', '[a]', '[a][b]', '[a]: /d', '[', ']', '[^1](/x)', '[^1]', '![i](/j)', '!',
  '{x}', '{/* c */}', '|', '~', '~~s~~', '\\', '\\[', '\u00a0', '\t', '😀', 'import', 'export',
];
const inline = fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...plainPieces) }, { weight: 1, arbitrary: fc.constantFrom(...riskyPieces) });
const line = fc.array(inline, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
const lineStart = mostly(['', '', '', '- ', '* ', '1. '], ['# ', '## ', '####### ', '#', '-', '2) ', '> ', '1.5 ', ':', '- [ ] ', '- - ', '    ', '  ', '---', '===', '```', '~~~', 'import ', 'export ', '[a]: ']);
const headingText = fc.array(mostly([...words, ' ', '.', ',', ':', "'", '?', '(', ')', '`code`', '` a `', '``x`y``'], ['*', '_', '`', '[a](/b)', '&', '<', '`#`', '~']), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const headingLine = fc.tuple(fc.constantFrom('# ', '## ', '###### ', '#  '), headingText, mostly(['', '  '], [' #', ' ##'])).map(([start, text, end]) => start + text + end);
const textLine = fc.tuple(lineStart, line, mostly(['', '  '], [' ', ' #', '\\'])).map(([start, text, end]) => start + text + end);

const attribute = fc
  .tuple(
    mostly(['title', 'file', 'referenceId', 'flag', 'a1'], ['data-x', '__proto__', 'x:y']),
    mostly(['', '="x"', "='y'", '="a b"', '=""', '="it\'s"', "='it\"s'", '="é"', '="a/>b"'], ['="a&amp;b"', '="<b>"', '="{x}"', '={1}', '= "x"', '="a\nb"']),
  )
  .map(([name, value]) => name + value);
const componentName = mostly(['CodeBlock', 'Callout', 'X1'], ['div', 'Code.Block', 'code-block']);
const attributes = fc
  .array(fc.tuple(mostly([' ', '  ', '\n  ', '\n'], ['\n\n  ', '\t', '']), attribute), { maxLength: 4 })
  .map((list) => list.map(([space, text]) => space + text).join(''));
const selfClosing = fc
  .tuple(componentName, attributes, mostly([' />', '/>', '  />', '\n/>', '\n  />'], ['>', ' /> x', ' />  ', '></Callout>', ' />{1}']), mostly([''], [' ', '  ']))
  .map(([name, list, end, indent]) => `${indent}<${name}${list}${end}`);
/** What a component may hold: other components (often indented), prose, blank lines, and now and then what breaks it. */
const child = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(mostly(['', '  ', '    '], ['\t']), selfClosing).map(([indent, tag]) => indent + tag) },
  { weight: 2, arbitrary: line },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', '```\n[a](/b)\n```', '# Heading', '- [a](/b)', '  indented [a](/b)') },
);
const withChildren = fc
  .tuple(componentName, attributes, fc.array(child, { maxLength: 4 }), mostly(['same'], ['other', 'none', 'inline']))
  .map(([name, list, children, closing]) => {
    const close = closing === 'same' ? `</${name}>` : closing === 'other' ? '</Other>' : closing === 'inline' ? `x</${name}>` : '';
    return [`<${name}${list}>`, ...children, close].join('\n');
  });
const nested = fc
  .tuple(componentName, fc.array(fc.oneof(child, withChildren.map((inner) => inner.replace(/^/gm, '  '))), { maxLength: 3 }))
  .map(([name, children]) => [`<${name}>`, ...children, `</${name}>`].join('\n'));
const component = fc.oneof({ weight: 3, arbitrary: selfClosing }, { weight: 2, arbitrary: withChildren }, { weight: 1, arbitrary: nested });

/** Fenced code, whatever it holds, closed or not. */
const fence = fc
  .tuple(
    mostly(['```', '````', '~~~'], ['``', '  ```', '```js`x']),
    mostly(['', 'js', 'sh title="x"'], ['{x}']),
    fc.array(mostly(['[a](/b)', '<X />', '{x}', '# not a heading', '\tindented', '\\', 'www.e.com', '</Callout>'], ['```', '~~~', '  ```', '````']), { maxLength: 3 }),
    mostly(['```', '````', '~~~'], ['', '``` x', '   ```', '    ```']),
  )
  .map(([open, info, content, close]) => [open + info, ...content, close].join('\n'));

/** Numbered and bulleted items, with indented and lazy continuation lines, tight or loose. */
const listItemText = fc.tuple(
  mostly(['1. ', '2. ', '3. ', '- ', '* '], ['1) ', '2) ', '10. ', '+ ']),
  line,
  fc.array(fc.tuple(mostly(['   ', '  ', ''], ['    ', ' ']), line), { maxLength: 2 }),
  mostly(['\n'], ['\n\n']),
);
const list = fc
  .array(listItemText, { minLength: 1, maxLength: 3 })
  .map((items) => items.map(([marker, text, more, gap]) => [marker + text, ...more.map(([indent, next]) => indent + next)].join('\n') + gap).join(''));

const block = fc.oneof(
  { weight: 3, arbitrary: textLine },
  { weight: 1, arbitrary: headingLine },
  { weight: 2, arbitrary: component },
  { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: list },
);
const separator = mostly(['\n\n', '\n\n\n', '\n \n', '\n'], ['\r\n\r\n', '\n\u00a0\n']);
const body = fc
  .tuple(fc.constantFrom('', '\n'), fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 6 }), fc.constantFrom('', '\n'))
  .map(([head, blocks, tail]) => head + blocks.map(([text, gap]) => text + gap).join('') + tail);

/** Bodies as reference pages write them: the reader must take these itself. */
const plainWord = fc.constantFrom(...words, 'the', 'field', 'C#', 'it’s', '“quoted”', 'a.b', '*em*', '_em_', '**strong**', '`code`', 'x&y', 'a > b');
const plainLink = fc
  .tuple(fc.array(fc.constantFrom(...words, '*em*'), { minLength: 1, maxLength: 3 }), fc.constantFrom('/reference/a', '/b#c', 'https://e.com/x', '', '#id'))
  .map(([label, url]) => `[${label.join(' ')}](${url})`);
/** A paragraph with both a code span and a link is left to the parser (the span could hide the link): keep one of them. */
const paragraphOf = (lines: string[][]): string => {
  const text = lines.map((words) => words.join(' ')).join('\n');
  return text.includes('[') ? text.replaceAll('`', '') : text;
};
const plainBody = fc
  .tuple(
    fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }),
    fc.array(fc.array(fc.oneof(plainWord, plainLink), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }),
    fc.array(fc.tuple(fc.constantFrom('title', 'file', 'referenceId', 'flag'), fc.constantFrom('="Get a widget"', "='get-widget'", '')), { maxLength: 3 }),
  )
  .map(
    ([title, lines, attributes]) =>
      `\n# ${title.join(' ')}\n\n${paragraphOf(lines)}\n\n<CodeBlock${attributes.map(([name, value]) => ` ${name}${value}`).join('')} />\n`,
  );

describe('simple bodies', () => {
  it('simple-body: agrees with the MDX parser wherever it answers', () => {
    let taken = 0;
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 60 }), (text, firstLine) => {
        if (expectSameAsParser(text, firstLine)) taken += 1;
      }),
      { numRuns: Number(process.env.SIMPLE_BODY_RUNS ?? 1500) },
    );
    // The comparison only counts where the reader answered: make sure it did, often.
    expect(taken).toBeGreaterThan(150);
  });

  it('simple-body: reads the bodies reference pages are made of, as the parser does', () => {
    fc.assert(
      fc.property(plainBody, fc.integer({ min: 1, max: 400 }), (text, firstLine) => {
        expect(expectSameAsParser(text, firstLine), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('simple-body: reads every body of the bundled site itself, as the parser does', () => {
    const pages = findSources(path.join(repoRoot, 'content')).filter((source) => source.kind !== 'navigation');
    expect(pages.length).toBeGreaterThan(10);
    for (const source of pages) {
      const split = splitFrontmatter(fs.readFileSync(source.file, 'utf8'));
      expect(expectSameAsParser(split.body, split.bodyLine), source.relativePath).toBe(true);
    }
  });

  it('simple-body: parseBody reads a simple body without a tree, and parses it when the tree is kept', () => {
    const text = '\n# Get a widget\n\nSee [Widgets](/reference/widgets).\n\n<CodeBlock title="Get" file="get-widget" />\n';
    const read = parseBody(text, { line: 7, offset: 80, keepTree: false });
    expect(read).toStrictEqual({
      tree: null,
      components: [
        {
          name: 'CodeBlock',
          attributes: {
            title: { value: 'Get', place: { line: 12, column: 18, endLine: 12, endColumn: 23 } },
            file: { value: 'get-widget', place: { line: 12, column: 29, endLine: 12, endColumn: 41 } },
          },
          place: { line: 12, column: 1, endLine: 12, endColumn: 44 },
          parent: null,
        },
      ],
      headings: [{ depth: 1, text: 'Get a widget' }],
      links: [{ url: '/reference/widgets', place: { line: 10, column: 5, endLine: 10, endColumn: 34 } }],
      diagnostics: [],
    });
    const parsed = parseBody(text, { line: 7, offset: 80, keepTree: true });
    expect(parsed.tree?.type).toBe('root');
    expect({ ...parsed, tree: null }).toStrictEqual(read);
  });

  it('simple-body: leaves to the parser what it does not read itself', () => {
    for (const text of [
      '\nimport x from "y"\n',
      '\nSee {1 + 1}.\n',
      '\n<Callout>Text</Callout>\n',
      '\n<Callout>\n```\ncode\n```\n</Callout>\n',
      '\n<Callout>\nText\n',
      '\nText\n<CodeBlock file="a" />\n',
      '\n| a |\n| - |\n',
      '\n- a\n  - [b](/c)\n',
      '\nText\n2. [b](/c)\n',
      '\nTitle\n=====\n',
      '\nMail a@b.co\n',
      '\n  ```\n[a](/b)\n  ```\n',
      '\n<details>\n<summary>More</summary>\n</details>\n',
      '\n<br />\n',
      '\nA <code>name</code> field.\n',
      '\n<Callout>\n<div>Text</div>\n</Callout>\n',
    ]) {
      expect(readSimpleBody(text, 1), text).toBeNull();
    }
  });
});
