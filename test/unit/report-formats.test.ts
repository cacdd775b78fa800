import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { fromXml } from 'xast-util-from-xml';
import type { Element, Root } from 'xast';
import { rules } from '../../src/check/rules/index.js';
import type { Finding } from '../../src/check/run-checks.js';
import { SourceLines } from '../../src/load/source-lines.js';
import { codeFrame } from '../../src/report/code-frame.js';
import { reporters } from '../../src/report/reporters.js';
import { toVFiles } from '../../src/report/to-vfiles.js';
import { repoRoot } from '../helpers/run-cli.js';

const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;

const page = [
  '---',
  'descriptions:',
  '  widget:',
  '    self: A widget.',
  '    color: The color.',
  'reference:',
  '  curl:',
  '    - key: widget',
  '      description: (widget.colr)',
  '---',
  '',
].join('\n');

const unresolved: Finding = {
  ruleId: 'unresolved-description',
  severity: 'error',
  message: 'Unexpected unresolved description `(widget.colr)`, expected a key in `descriptions` (did you mean `widget.color`?)',
  place: { line: 9, column: 20, endLine: 9, endColumn: 33 },
  suggestions: ['widget.color'],
};
const unused: Finding = {
  ruleId: 'unused-description',
  severity: 'warn',
  message: 'Unexpected unused description `widget.color`, expected a reference to it or its removal',
  place: { line: 5, column: 5, endLine: 5, endColumn: 10 },
};

function sourcesOf(files: Record<string, string>, reads: string[] = []): SourceLines {
  return new SourceLines((file) => {
    reads.push(file);
    return file in files ? Buffer.from(files[file]!) : null;
  });
}

const results = [
  { file: '/site/content/widget.mdx', findings: [unresolved, unused] },
  { file: '/site/content/clean page.mdx', findings: [] },
];

describe('stylish', () => {
  it('prints each problem with its position, rule and a code frame, by position', () => {
    const output = reporters.stylish.format(toVFiles(results, '/site'), { color: false, sources: sourcesOf({ '/site/content/widget.mdx': page }) });
    expect(output).toBe(
      [
        'content/widget.mdx',
        '  5:5   warning  Unexpected unused description `widget.color`, expected a reference to it or its removal  unused-description',
        '    5 |     color: The color.',
        '      |     ^^^^^',
        '  9:20  error    Unexpected unresolved description `(widget.colr)`, expected a key in `descriptions` (did you mean `widget.color`?)  unresolved-description',
        '    9 |       description: (widget.colr)',
        '      |                    ^^^^^^^^^^^^^',
        '',
        '',
      ].join('\n'),
    );
  });

  it('reads a source once per file with problems and never for clean files', () => {
    const reads: string[] = [];
    reporters.stylish.format(toVFiles(results, '/site'), { color: false, sources: sourcesOf({ '/site/content/widget.mdx': page }, reads) });
    expect(reads).toEqual(['/site/content/widget.mdx']);
  });

  it('colours only when asked', () => {
    const sources = sourcesOf({ '/site/content/widget.mdx': page });
    const plain = reporters.stylish.format(toVFiles(results, '/site'), { color: false, sources });
    const coloured = reporters.stylish.format(toVFiles(results, '/site'), { color: true, sources });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[31merror  \u001b[39m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('prints the message without a frame when the file cannot be read', () => {
    const output = reporters.stylish.format(toVFiles([results[0]!], '/site'), { color: false, sources: sourcesOf({}) });
    expect(output).not.toContain(' | ');
    expect(output).toContain('9:20  error');
  });

  it('prints nothing for clean files', () => {
    expect(reporters.stylish.format(toVFiles([{ file: '/site/x.mdx', findings: [] }], '/site'), { color: false })).toBe('');
  });
});

describe('codeFrame', () => {
  const frame = (line: string, range: { line: number; column: number; endLine: number; endColumn: number }, maxWidth?: number) =>
    codeFrame(line, range, { color: false, severity: 'error', maxWidth });

  it('repeats tabs under the line so the caret lines up', () => {
    expect(frame('\t\tkey: (a.b)', { line: 3, column: 8, endLine: 3, endColumn: 13 })).toBe('    3 | \t\tkey: (a.b)\n      | \t\t     ^^^^^');
  });

  it('marks to the end of the line when the range goes on below', () => {
    expect(frame('  idp: >', { line: 12, column: 3, endLine: 14, endColumn: 1 })).toBe('    12 |   idp: >\n       |   ^^^^^^');
  });

  it('shows one caret for a point, even past the end of the line', () => {
    expect(frame('---', { line: 1, column: 4, endLine: 1, endColumn: 4 })).toBe('    1 | ---\n      |    ^');
  });

  it('replaces control characters that could drive the terminal', () => {
    expect(frame('key: \u001b[2Jx', { line: 2, column: 6, endLine: 2, endColumn: 7 })).toBe('    2 | key: \uFFFD[2Jx\n      |      ^');
  });

  it('cuts a long line to a window around the range', () => {
    const line = `${'a'.repeat(100)}(target)${'b'.repeat(100)}`;
    const output = frame(line, { line: 1, column: 101, endLine: 1, endColumn: 109 }, 40);
    const [text, marker] = output.split('\n') as [string, string];
    expect(text).toBe(`    1 | …${'a'.repeat(10)}(target)${'b'.repeat(22)}…`);
    expect(marker.indexOf('^') - marker.indexOf('|')).toBe(text.indexOf('(') - text.indexOf('|'));
    expect(marker.replace(/\s/g, '')).toBe('|^^^^^^^^');
  });
});

describe('json', () => {
  it('prints ESLint-shaped results with the rule docs link', () => {
    const [file] = JSON.parse(reporters.json.format(toVFiles([results[0]!], '/site'), { color: false })) as Array<{ messages: unknown[] }>;
    expect(file!.messages[1]).toEqual({
      ruleId: 'unresolved-description',
      severity: 2,
      message: unresolved.message,
      line: 9,
      column: 20,
      endLine: 9,
      endColumn: 33,
      suggestions: ['widget.color'],
      url: pathToFileURL(path.join(repoRoot, 'docs/rules/unresolved-description.md')).href,
    });
  });
});

describe('sarif', () => {
  // The published schema has patterns that are not valid `u` regular expressions, and formats this test checks itself.
  const validate = new AjvDraft04.default({ strict: false, validateSchema: false, unicodeRegExp: false, validateFormats: false, logger: false }).compile(sarifSchema);
  const rulesDocsUrl = 'https://example.com/polyref/docs/rules/';
  const log = JSON.parse(reporters.sarif.format(toVFiles(results, '/site'), { color: false, rulesDocsUrl })) as Log;

  it('is valid SARIF 2.1.0', () => {
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.version).toBe('2.1.0');
  });

  it('lists every rule with a stable id, summary, help page, absolute help link and default level', () => {
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('polyref');
    expect(driver.rules?.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id));
    expect(driver.rules?.find((rule) => rule.id === 'unused-description')).toMatchObject({
      shortDescription: { text: rules.find((rule) => rule.id === 'unused-description')!.summary },
      helpUri: 'https://example.com/polyref/docs/rules/unused-description.md',
      defaultConfiguration: { level: 'warning' },
    });
    expect(driver.rules?.find((rule) => rule.id === 'unresolved-description')?.defaultConfiguration).toEqual({ level: 'error' });
    expect(driver.rules?.find((rule) => rule.id === 'unused-description')?.help?.markdown).toContain('# unused-description');
  });

  it('gives each result its rule, level, message and exact region in a relative uri', () => {
    expect(log.runs[0]!.results).toEqual([
      {
        ruleId: 'unused-description',
        ruleIndex: rules.findIndex((rule) => rule.id === 'unused-description'),
        level: 'warning',
        message: { text: unused.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'content/widget.mdx', uriBaseId: '%SRCROOT%' },
              region: { startLine: 5, startColumn: 5, endLine: 5, endColumn: 10 },
            },
          },
        ],
      },
      {
        ruleId: 'unresolved-description',
        ruleIndex: rules.findIndex((rule) => rule.id === 'unresolved-description'),
        level: 'error',
        message: { text: unresolved.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'content/widget.mdx', uriBaseId: '%SRCROOT%' },
              region: { startLine: 9, startColumn: 20, endLine: 9, endColumn: 33 },
            },
          },
        ],
      },
    ]);
  });

  it('links, without a configured base, the page installed with polyref by an absolute `file:` URI, as SARIF wants', () => {
    const installed = JSON.parse(reporters.sarif.format(toVFiles(results, '/site'), { color: false })) as Log;
    expect(validate(installed)).toBe(true);
    for (const rule of installed.runs[0]!.tool.driver.rules!) {
      expect(rule.helpUri).toBe(pathToFileURL(path.join(repoRoot, 'docs/rules', `${rule.id}.md`)).href);
      expect(fs.existsSync(new URL(rule.helpUri!)), rule.id).toBe(true);
    }
  });

  it('percent-encodes file paths', () => {
    const spaced = JSON.parse(reporters.sarif.format(toVFiles([{ file: '/site/content/a b#1.mdx', findings: [unused] }], '/site'), { color: false })) as Log;
    expect(spaced.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('content/a%20b%231.mdx');
  });
});

describe('junit', () => {
  const elements = (node: Root | Element, name: string): Element[] =>
    node.children.flatMap((child) => (child.type === 'element' ? [...(child.name === name ? [child] : []), ...elements(child, name)] : []));
  const textOf = (node: Element): string => node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');

  it('has one suite per file, one case per problem, and a failure for each error', () => {
    const tree = fromXml(reporters.junit.format(toVFiles(results, '/site'), { color: false }));
    const [root] = elements(tree, 'testsuites');
    expect(root!.attributes).toMatchObject({ tests: '3', failures: '1' });
    const suites = elements(tree, 'testsuite');
    expect(suites.map((suite) => suite.attributes)).toEqual([
      { name: 'content/widget.mdx', tests: '2', failures: '1', errors: '0', skipped: '0' },
      { name: 'content/clean page.mdx', tests: '1', failures: '0', errors: '0', skipped: '0' },
    ]);
    const cases = elements(suites[0]!, 'testcase');
    expect(cases.map((testCase) => testCase.attributes.name)).toEqual(['unused-description at 5:5', 'unresolved-description at 9:20']);
    const [failure] = elements(cases[1]!, 'failure');
    expect(failure!.attributes).toEqual({ type: 'unresolved-description', message: unresolved.message });
    expect(textOf(failure!)).toBe(`content/widget.mdx:9:20: ${unresolved.message} (unresolved-description)\n${pathToFileURL(path.join(repoRoot, 'docs/rules/unresolved-description.md')).href}`);
    expect(elements(cases[0]!, 'failure')).toEqual([]);
    expect(textOf(elements(cases[0]!, 'system-out')[0]!)).toContain('content/widget.mdx:5:5: Unexpected unused description');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const odd: Finding = { ...unused, message: 'Unexpected key `<b>&"\u0001"</b>`' };
    const xml = reporters.junit.format(toVFiles([{ file: '/site/content/widget.mdx', findings: [{ ...odd, severity: 'error' }] }], '/site'), { color: false });
    expect(xml).not.toContain('\u0001');
    const [failure] = elements(fromXml(xml), 'failure');
    expect(failure!.attributes.message).toBe('Unexpected key `<b>&"\uFFFD"</b>`');
  });
});
