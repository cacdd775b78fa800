import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/check/baseline.js';
import { makeProject, runPolyref, writeFiles } from '../helpers/run-cli.js';

const pageA = [
  '---',
  'title: A',
  'descriptions:',
  '  widget:',
  '    self: A widget.',
  '    color: The color.',
  '    size: The size.',
  'reference:',
  '  curl:',
  '    - key: widget',
  '      id: widget',
  '      description: (widget)',
  '      properties:',
  '        - key: color',
  '          type: string',
  '          description: (widget.color)',
  '        - key: shape',
  '          type: string',
  '          description: (widget.shpe)',
  '---',
  '',
].join('\n');
const pageB = '---\ntitle: B\ndescriptions:\n  gadget:\n    self: A gadget.\n    weight: The weight.\n---\n';

const unusedSize = 'Unexpected unused description `widget.size`, expected a reference to it or its removal';
const unresolvedShape = 'Unexpected unresolved description `(widget.shpe)`, expected a key in `descriptions`';
const unusedWeight = 'Unexpected unused description `gadget.weight`, expected a reference to it or its removal';

// Each test runs the real binary several times: a minute each, not the default 30 seconds.
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function project(extra: Record<string, string> = {}): string {
  const created = makeProject({ 'content/a.mdx': pageA, 'content/b.mdx': pageB, ...extra });
  cleanups.push(created.cleanup);
  return created.dir;
}
function messages(stdout: string): string[] {
  return (JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ line: number; message: string }> }>).flatMap((file) =>
    file.messages.map((message) => `${file.filePath}:${message.line} ${message.message}`),
  );
}
const read = (dir: string, name = '.polyref-baseline.json') => fs.readFileSync(path.join(dir, name), 'utf8');

describe('polyref check --update-baseline', () => {
  it('writes every current problem, sorted, without line numbers, and later runs report none of them', () => {
    const dir = project();
    const update = runPolyref(['check', '--update-baseline'], dir);
    expect(update.stderr).toBe('polyref: wrote 3 problems to .polyref-baseline.json\n');
    expect(update.status).toBe(0);
    expect(JSON.parse(read(dir))).toEqual({
      version: 1,
      problems: [
        { file: 'content/a.mdx', ruleId: 'unresolved-description', message: unresolvedShape, fingerprint: fingerprintOf('description: (widget.shpe)'), count: 1 },
        { file: 'content/a.mdx', ruleId: 'unused-description', message: unusedSize, fingerprint: fingerprintOf('size: The size.'), count: 1 },
        { file: 'content/b.mdx', ruleId: 'unused-description', message: unusedWeight, fingerprint: fingerprintOf('weight: The weight.'), count: 1 },
      ],
    });

    const later = runPolyref(['check'], dir);
    expect(later.stderr).toBe('✔ 2 files checked, no problems\n');
    expect(later.status).toBe(0);
  }, 60_000);

  it('keeps knowing old problems after unrelated edits move them, and rewrites the same bytes', () => {
    const dir = project();
    runPolyref(['check', '--update-baseline'], dir);
    const before = read(dir);
    writeFiles(dir, {
      'content/a.mdx': pageA.replace('title: A\n', 'title: A\n# Reviewed by the SDK team.\nsummary: Widgets.\n').replace('        - key: color\n', '        - key: color\n          optional: true\n'),
    });
    const later = runPolyref(['check', '--format', 'json'], dir);
    expect(messages(later.stdout)).toEqual([]);
    expect(later.status).toBe(0);
    runPolyref(['check', '--update-baseline'], dir);
    expect(read(dir)).toBe(before);
  }, 60_000);

  it('reports only new problems, and says how many baselined ones are fixed', () => {
    const dir = project();
    runPolyref(['check', '--update-baseline'], dir);
    writeFiles(dir, {
      // One problem fixed (the typo), one new (an unused key).
      'content/a.mdx': pageA.replace('(widget.shpe)', '(widget.color)').replace('    size: The size.\n', '    size: The size.\n    depth: The depth.\n'),
    });
    const result = runPolyref(['check', '--format', 'json'], dir);
    expect(messages(result.stdout)).toEqual(['content/a.mdx:8 Unexpected unused description `widget.depth`, expected a reference to it or its removal']);
    expect(result.stderr).toBe('1 baselined problem is fixed; run --update-baseline to drop it\n');
    expect(result.status).toBe(0);

    writeFiles(dir, { 'content/a.mdx': pageA.replace('(widget.shpe)', '(widget.size)'), 'content/b.mdx': '---\ntitle: B\n---\n' });
    const stylish = runPolyref(['check'], dir);
    expect(stylish.stderr).toBe('✔ 2 files checked, no problems\n3 baselined problems are fixed; run --update-baseline to drop them\n');
  }, 60_000);

  it('reports a problem again when its line changes', () => {
    const dir = project();
    runPolyref(['check', '--update-baseline'], dir);
    writeFiles(dir, { 'content/b.mdx': pageB.replace('weight: The weight.', 'weight: The weight, in grams.') });
    const result = runPolyref(['check', '--format', 'json'], dir);
    expect(messages(result.stdout)).toEqual([`content/b.mdx:6 ${unusedWeight}`]);
    expect(result.stderr).toBe('1 baselined problem is fixed; run --update-baseline to drop it\n');
  }, 60_000);

  it('uses the file given with --baseline, ignores it with --no-baseline, and refuses a missing or foreign one', () => {
    const dir = project();
    expect(runPolyref(['check', '--update-baseline', '--baseline', 'ci/known-problems.json'], dir).stderr).toBe('polyref: wrote 3 problems to ci/known-problems.json\n');
    expect(fs.existsSync(path.join(dir, '.polyref-baseline.json'))).toBe(false);
    expect(runPolyref(['check', '--baseline', 'ci/known-problems.json'], dir).status).toBe(0);
    expect(runPolyref(['check'], dir).status).toBe(1);

    runPolyref(['check', '--update-baseline'], dir);
    const all = runPolyref(['check', '--no-baseline', '--format', 'json'], dir);
    expect(messages(all.stdout)).toHaveLength(3);
    expect(all.status).toBe(1);

    const missing = runPolyref(['check', '--baseline', 'nope.json'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('polyref: Cannot find baseline `nope.json`\n  hint: write it with `polyref check --update-baseline`\n');

    fs.writeFileSync(path.join(dir, '.polyref-baseline.json'), '{"problems": "all of them"}');
    const foreign = runPolyref(['check'], dir);
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toContain('Unexpected version `undefined` in baseline');
  }, 60_000);

  it('updates and judges only the files a scoped run checks', () => {
    const dir = project();
    runPolyref(['check', '--update-baseline'], dir);
    writeFiles(dir, { 'content/b.mdx': '---\ntitle: B\n---\n', 'content/a.mdx': pageA.replace('    size: The size.\n', '') });
    // Checking a.mdx alone: b.mdx's fixed problem is not looked at, so not counted.
    const scoped = runPolyref(['check', 'content/a.mdx'], dir);
    expect(scoped.stderr).toBe('✔ 1 file checked, no problems\n1 baselined problem is fixed; run --update-baseline to drop it\n');
    runPolyref(['check', 'content/a.mdx', '--update-baseline'], dir);
    expect((JSON.parse(read(dir)) as { problems: Array<{ file: string; message: string }> }).problems.map((problem) => `${problem.file} ${problem.message}`)).toEqual([
      `content/a.mdx ${unresolvedShape}`,
      `content/b.mdx ${unusedWeight}`,
    ]);
  }, 60_000);
});
