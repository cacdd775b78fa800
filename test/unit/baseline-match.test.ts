import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyBaseline, baselineMessage, createBaseline, fingerprintOf, mergeBaseline, type LocatedFinding } from '../../src/check/baseline.js';
import { readBaselineFile, writeBaselineFile } from '../../src/check/baseline-file.js';
import type { Finding } from '../../src/check/run-checks.js';
import { ConfigError } from '../../src/config/config-error.js';
import { makeProject } from '../helpers/run-cli.js';

function located(file: string, line: number, lineText: string, ruleId = 'unused-description', message = `Unexpected unused description \`${lineText.trim()}\``): LocatedFinding {
  const finding: Finding = { ruleId, severity: 'warn', message, place: { line, column: 5, endLine: line, endColumn: 9 } };
  return { file, finding, lineText };
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('baseline matching', () => {
  it('ignores indentation and line numbers in the fingerprint, not the text', () => {
    expect(fingerprintOf('    name: The name.')).toBe(fingerprintOf('name:   The name.  '));
    expect(fingerprintOf('name: The name.')).not.toBe(fingerprintOf('name: The title.'));
    expect(fingerprintOf('x')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('writes entries sorted by file, rule and message, counting repeats', () => {
    const entries = createBaseline([
      located('content/b.mdx', 3, 'size: Size.'),
      located('content/a.mdx', 9, 'id: Id.', 'unresolved-description', 'Unexpected unresolved description'),
      located('content/a.mdx', 4, 'id: Id.', 'unresolved-description', 'Unexpected unresolved description'),
      located('content/a.mdx', 2, 'color: Color.'),
    ]);
    expect(entries).toEqual([
      { file: 'content/a.mdx', ruleId: 'unresolved-description', message: 'Unexpected unresolved description', fingerprint: fingerprintOf('id: Id.'), count: 2 },
      { file: 'content/a.mdx', ruleId: 'unused-description', message: 'Unexpected unused description `color: Color.`', fingerprint: fingerprintOf('color: Color.'), count: 1 },
      { file: 'content/b.mdx', ruleId: 'unused-description', message: 'Unexpected unused description `size: Size.`', fingerprint: fingerprintOf('size: Size.'), count: 1 },
    ]);
  });

  it('still knows a problem after lines are added above it', () => {
    const baseline = createBaseline([located('content/a.mdx', 4, 'size: Size.')]);
    const { fresh, fixed } = applyBaseline([located('content/a.mdx', 40, '      size: Size.')], baseline, () => true);
    expect(fresh).toEqual([]);
    expect(fixed).toBe(0);
  });

  it('reports a problem on a changed line as new, and the old one as fixed', () => {
    const baseline = createBaseline([located('content/a.mdx', 4, 'size: Size.', 'unused-description', 'Unexpected unused description `widget.size`')]);
    const now = located('content/a.mdx', 4, 'size: The size.', 'unused-description', 'Unexpected unused description `widget.size`');
    expect(applyBaseline([now], baseline, () => true)).toEqual({ fresh: [now], fixed: 1 });
  });

  it('matches a message whatever it suggests, since suggestions change with keys anywhere in the site', () => {
    expect(baselineMessage('Unexpected unresolved description `(a.b)`, expected a key in `descriptions` (did you mean `a.c` or `(a).d`?)')).toBe(
      'Unexpected unresolved description `(a.b)`, expected a key in `descriptions`',
    );
    expect(baselineMessage('Unexpected `x` (in a list)')).toBe('Unexpected `x` (in a list)');
    // What a run says of a problem's cause is not part of the problem either.
    expect(baselineMessage('Unexpected `(a.b)` (did you mean `a.c`?) (broken by the deletion of content/x.mdx)')).toBe('Unexpected `(a.b)`');
    expect(baselineMessage('Unexpected `(a.b)` (may follow from the syntax error in content/x.mdx:3:4)')).toBe('Unexpected `(a.b)`');
    const baseline = createBaseline([located('content/a.mdx', 4, 'x: (a.b)', 'unresolved-description', 'Unexpected `(a.b)` (did you mean `a.c`?)')]);
    expect(baseline[0]!.message).toBe('Unexpected `(a.b)`');
    const now = located('content/a.mdx', 4, 'x: (a.b)', 'unresolved-description', 'Unexpected `(a.b)` (did you mean `a.c` or `a.d`?)');
    expect(applyBaseline([now], baseline, () => true)).toEqual({ fresh: [], fixed: 0 });
  });

  it('hides only as many repeats as were baselined', () => {
    const baseline = createBaseline([located('content/a.mdx', 4, 'x: (a.b)')]);
    const first = located('content/a.mdx', 4, 'x: (a.b)');
    const second = located('content/a.mdx', 8, 'x: (a.b)');
    expect(applyBaseline([first, second], baseline, () => true).fresh).toEqual([second]);
  });

  it('counts as fixed only the problems of files that were checked', () => {
    const baseline = createBaseline([located('content/a.mdx', 4, 'a: A.'), located('content/b.mdx', 4, 'b: B.'), located('content/b.mdx', 5, 'c: C.')]);
    expect(applyBaseline([], baseline, (file) => file === 'content/a.mdx').fixed).toBe(1);
    expect(applyBaseline([], baseline, () => true).fixed).toBe(3);
  });

  it('replaces only the checked files when a scoped run updates the baseline', () => {
    const previous = createBaseline([located('content/a.mdx', 4, 'a: A.'), located('content/b.mdx', 4, 'b: B.')]);
    const current = createBaseline([located('content/a.mdx', 7, 'z: Z.')]);
    expect(mergeBaseline(previous, current, (file) => file === 'content/a.mdx').map((entry) => `${entry.file} ${entry.message}`)).toEqual([
      'content/a.mdx Unexpected unused description `z: Z.`',
      'content/b.mdx Unexpected unused description `b: B.`',
    ]);
  });
});

describe('baseline file', () => {
  function folder(): string {
    const project = makeProject({});
    cleanups.push(project.cleanup);
    return project.dir;
  }

  it('round-trips entries and writes the same bytes for the same problems', () => {
    const file = path.join(folder(), '.polyref-baseline.json');
    const entries = createBaseline([located('content/b.mdx', 3, 'b: B.'), located('content/a.mdx', 2, 'a: A.')]);
    writeBaselineFile(file, entries);
    const first = fs.readFileSync(file, 'utf8');
    expect(readBaselineFile(file)).toEqual(entries);
    writeBaselineFile(file, createBaseline([located('content/a.mdx', 9, 'a: A.'), located('content/b.mdx', 1, 'b: B.')]));
    expect(fs.readFileSync(file, 'utf8')).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
  });

  it('refuses a file it did not write, saying how to recover', () => {
    const dir = folder();
    const cases: Record<string, string> = {
      'not json': 'invalid JSON',
      '{"version":2,"problems":[]}': 'version `2`',
      '{"version":1}': '`problems`',
      '{"version":1,"problems":[{"file":"a.mdx","ruleId":"x","message":"m","fingerprint":"f","count":0}]}': '`problems[0]`',
    };
    for (const [text, what] of Object.entries(cases)) {
      const file = path.join(dir, 'baseline.json');
      fs.writeFileSync(file, text);
      let error: unknown;
      try {
        readBaselineFile(file);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toBe(`Unexpected ${what} in baseline \`${file}\`, expected a file written by \`polyref check --update-baseline\``);
      expect((error as ConfigError).hint).toBe('run `polyref check --update-baseline` to write it again');
    }
  });
});
