import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ruleIds } from '../../src/check/rules/index.js';
import { loadConfig } from '../../src/config/config.js';
import { runCheck } from '../../src/pipeline/check.js';
import { applyFindingFixes } from '../../src/pipeline/fix.js';
import { applyFixesToText, type PlannedFix } from '../../src/write/apply-fixes.js';
import { makeProject } from '../helpers/run-cli.js';

const place = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const planned = (start: number, end: number, text: string): PlannedFix => ({ fix: { range: [start, end], text }, place });

describe('applyFixesToText', () => {
  it('applies fixes from the end so that earlier offsets hold', () => {
    const result = applyFixesToText('(a.bb) and (c.dd)', [planned(1, 5, 'a.b'), planned(12, 16, 'c.d')]);
    expect(result.text).toBe('(a.b) and (c.d)');
    expect(result.applied.map(({ before, after }) => [before, after])).toEqual([
      ['(a.bb)', '(a.b)'],
      ['(c.dd)', '(c.d)'],
    ]);
  });

  it('applies an identical fix once and skips one that overlaps an earlier one', () => {
    const result = applyFixesToText('abcdef', [planned(1, 3, 'X'), planned(1, 3, 'X'), planned(2, 4, 'Y'), planned(4, 5, 'Z')]);
    expect(result.text).toBe('aXdZf');
    expect(result.applied).toHaveLength(2);
  });

  it('ignores a range outside the text', () => {
    expect(applyFixesToText('abc', [planned(2, 9, 'X'), planned(-1, 1, 'Y')])).toEqual({ text: 'abc', applied: [] });
  });
});

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const bom = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A page with everything `--fix` must leave alone: a byte-order mark, CRLF
 * line endings, comments, quoting styles and a folded scalar.
 */
const widgetLines = [
  '---',
  '# The widget object, as every SDK spells it.',
  'title: Widget',
  'descriptions:',
  '  widget:',
  '    self: A widget.',
  '    color: The color.   # kept as written',
  "    'size ': The size in pixels.",
  '    weight: >',
  '      The weight,',
  '      folded over two lines.',
  'reference:',
  '  curl:',
  '    - key: Widget',
  '      id: widget',
  '      properties:',
  "        - key: a",
  '          type: string',
  "          description: '(widget.colr)'",
  '        - key: b',
  '          type: string',
  '          description: "(widget.colr)"   # double quotes',
  '        - key: c',
  '          type: string',
  '          description: >-',
  '            (widget.colr)',
  '        - key: d',
  '          type: string',
  '          description: (widget.size)',
  '        - key: e',
  '          type: string',
  '          description: (widget.weight)',
  '    - key: Holder',
  '      id: holder',
  '      properties:',
  '        - (Widgte.a)',
  '        - (Widget.dd)',
  '        - (Widgte.nope)',
  '---',
  '',
  '# Widget',
  '',
];

function project(files: Record<string, string | Buffer>) {
  const created = makeProject(files);
  cleanups.push(created.cleanup);
  return created.dir;
}

async function fix(dir: string) {
  const config = loadConfig({ cwd: dir, ruleIds });
  return applyFindingFixes(await runCheck(config, { paths: [] }));
}

describe('check --fix on files', () => {
  it('changes only the text inside the parentheses and the spaces of a key, byte for byte, through a BOM and CRLF', async () => {
    const original = Buffer.concat([bom, Buffer.from(widgetLines.join('\r\n'), 'utf8')]);
    const dir = project({ 'content/widget.mdx': original });
    const outcomes = await fix(dir);
    const expected = Buffer.concat([
      bom,
      Buffer.from(
        widgetLines
          .join('\r\n')
          .replace("'size '", "'size'")
          .replaceAll('(widget.colr)', '(widget.color)')
          .replace('(Widgte.a)', '(Widget.a)')
          .replace('(Widget.dd)', '(Widget.d)'),
        'utf8',
      ),
    ]);
    expect(fs.readFileSync(path.join(dir, 'content/widget.mdx')).equals(expected)).toBe(true);
    // `(Widgte.nope)` would only trade one unresolved item for another: not fixed.
    expect(fs.readFileSync(path.join(dir, 'content/widget.mdx'), 'utf8')).toContain('(Widgte.nope)');
    expect(outcomes).toHaveLength(1);
    const applied = outcomes[0]!.result.status === 'fixed' ? outcomes[0]!.result.applied : [];
    const line = (text: string) => widgetLines.findIndex((candidate) => candidate.includes(text)) + 1;
    expect(applied.map(({ place: at, before, after }) => [at.line, at.column, before, after])).toEqual([
      [line("'size '"), 5, "'size '", "'size'"],
      [line("'(widget.colr)'"), 24, '(widget.colr)', '(widget.color)'],
      [line('"(widget.colr)"'), 24, '(widget.colr)', '(widget.color)'],
      [line('description: >-'), 24, '(widget.colr)', '(widget.color)'],
      [line('(Widgte.a)'), 11, '(Widgte.a)', '(Widget.a)'],
      [line('(Widget.dd)'), 11, '(Widget.dd)', '(Widget.d)'],
    ]);
  });

  it('changes nothing the second time', async () => {
    const dir = project({ 'content/widget.mdx': widgetLines.join('\n') });
    await fix(dir);
    const once = fs.readFileSync(path.join(dir, 'content/widget.mdx'));
    expect(await fix(dir)).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'content/widget.mdx')).equals(once)).toBe(true);
  });

  it('never writes a file that changed on disk since it was read', async () => {
    const dir = project({ 'content/widget.mdx': widgetLines.join('\n') });
    const config = loadConfig({ cwd: dir, ruleIds });
    const results = await runCheck(config, { paths: [] });
    const edited = `${widgetLines.join('\n')}Edited meanwhile.\n`;
    fs.writeFileSync(path.join(dir, 'content/widget.mdx'), edited);
    expect(applyFindingFixes(results).map((outcome) => outcome.result)).toEqual([{ status: 'changed-on-disk' }]);
    expect(fs.readFileSync(path.join(dir, 'content/widget.mdx'), 'utf8')).toBe(edited);
  });

  it('leaves a file with an MDX or YAML syntax error as it is', async () => {
    const mdxError = `${widgetLines.join('\n')}\n<Callout>never closed\n`;
    const yamlError = widgetLines.join('\n').replace('title: Widget', 'title: [Widget');
    const dir = project({ 'content/a.mdx': mdxError, 'content/b.mdx': yamlError });
    expect(await fix(dir)).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'content/a.mdx'), 'utf8')).toBe(mdxError);
    expect(fs.readFileSync(path.join(dir, 'content/b.mdx'), 'utf8')).toBe(yamlError);
  });

  it('does not pick between several candidates', async () => {
    const page = '---\ndescriptions:\n  w:\n    ab: A.\n    ac: C.\nreference:\n  curl:\n    - key: W\n      properties:\n        - key: x\n          type: t\n          description: (w.a)\n        - key: y\n          type: t\n          description: (w.ab)\n        - key: z\n          type: t\n          description: (w.ac)\n---\n';
    const dir = project({ 'content/w.mdx': page });
    expect(await fix(dir)).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'content/w.mdx'), 'utf8')).toBe(page);
  });

  it('does not trim a key whose trimmed name another key already has', async () => {
    const page = "---\ndescriptions:\n  w:\n    id: One.\n    'id ': Two.\nreference:\n  curl:\n    - key: W\n      properties:\n        - key: id\n          type: t\n          description: (w.id)\n---\n";
    const dir = project({ 'content/w.mdx': page });
    expect(await fix(dir)).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'content/w.mdx'), 'utf8')).toBe(page);
  });
});
