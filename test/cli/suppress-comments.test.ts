import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, runPolyref } from '../helpers/run-cli.js';

const page = (suppressYaml: string, suppressMdx: string) =>
  [
    '---',
    'title: Widget',
    'descriptions:',
    '  widget:',
    '    self: A widget.',
    '    color: The color.',
    'reference:',
    '  curl:',
    '    - key: widget',
    '      id: widget',
    '      description: (widget)',
    '      properties:',
    '        - key: color',
    '          type: string',
    ...(suppressYaml ? [`          ${suppressYaml}`] : []),
    '          description: (widget.colour)',
    '---',
    '',
    ...(suppressMdx ? [suppressMdx] : []),
    '<Chart data="widgets" />',
    '',
  ].join('\n');

// Each test runs the real binary several times: a minute each, not the default 30 seconds.
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function check(text: string, args: string[] = []) {
  const project = makeProject({ 'content/widget.mdx': text });
  cleanups.push(project.cleanup);
  return runPolyref(['check', '--format', 'json', ...args], project.dir);
}
function problems(stdout: string): string[] {
  const [file] = JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string; line: number; column: number }> }>;
  return file!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`);
}

describe('inline suppression', () => {
  it('reports both problems without comments', () => {
    const result = check(page('', ''));
    expect(problems(result.stdout)).toEqual(['6:5 unused-description', '15:24 unresolved-description', '18:1 unknown-component']);
    expect(result.status).toBe(1);
  }, 60_000);

  it('silences a frontmatter problem with a YAML comment and a body problem with an MDX comment', () => {
    const result = check(page('# polyref-disable-next-line unresolved-description', '{/* polyref-disable-next-line unknown-component -- chart ships next week */}'));
    // The unused key stays: the comment names only the rule it means.
    expect(problems(result.stdout)).toEqual(['6:5 unused-description']);
    expect(result.status).toBe(0);
  }, 60_000);

  it('silences several rules named in one comment', () => {
    const text = page('', '').replace('    color: The color.\n', '    # polyref-disable-next-line unused-description, conflicting-description\n    color: The color.\n');
    const result = check(text);
    expect(problems(result.stdout)).toEqual(['6:53 unused-suppression', '16:24 unresolved-description', '19:1 unknown-component']);
  }, 60_000);

  it('reports a comment that silences nothing at the rule id it names, and lets a project make that an error', () => {
    const fixed = page('# polyref-disable-next-line unresolved-description', '').replace('(widget.colour)', '(widget.color)');
    const result = check(fixed);
    expect(problems(result.stdout)).toEqual(['15:39 unused-suppression', '19:1 unknown-component']);
    const [file] = JSON.parse(result.stdout) as Array<{ messages: Array<{ message: string; severity: number }> }>;
    expect(file!.messages[0]).toMatchObject({
      severity: 1,
      message: 'Unexpected suppression of `unresolved-description`, which reports nothing on line 16: remove it from the comment',
    });

    const project = makeProject({ 'content/widget.mdx': fixed, 'polyref.config.json': '{ "rules": { "unused-suppression": "error", "unknown-component": "off" } }' });
    cleanups.push(project.cleanup);
    const strict = runPolyref(['check'], project.dir);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe(
      [
        'content/widget.mdx',
        '  15:39  error    Unexpected suppression of `unresolved-description`, which reports nothing on line 16: remove it from the comment  unused-suppression',
        '    15 |           # polyref-disable-next-line unresolved-description',
        '       |                                       ^^^^^^^^^^^^^^^^^^^^^^',
        '',
        '✖ 1 error in 1 file checked',
        '',
      ].join('\n'),
    );
  }, 60_000);
});
