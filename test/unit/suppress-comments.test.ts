import { describe, expect, it } from 'vitest';
import { findSuppressions } from '../../src/parse/suppressions.js';
import { checkFiles } from '../helpers/site.js';

const widget = (frontmatterExtra: string, body = '') =>
  `---\ntitle: Widget\ndescriptions:\n  widget:\n    self: A widget.\n${frontmatterExtra}reference:\n  curl:\n    - key: widget\n      id: widget\n      description: (widget)\n---\n${body}`;

describe('findSuppressions', () => {
  it('reads a YAML comment in the frontmatter with each rule id at its column', () => {
    const text = '---\ndescriptions:\n  # polyref-disable-next-line unused-description, conflicting-description\n  a: A\n---\n';
    expect(findSuppressions(text)).toEqual([
      {
        targetLine: 4,
        rules: [
          { ruleId: 'unused-description', place: { line: 3, column: 31, endLine: 3, endColumn: 49 } },
          { ruleId: 'conflicting-description', place: { line: 3, column: 51, endLine: 3, endColumn: 74 } },
        ],
        place: { line: 3, column: 3, endLine: 3, endColumn: 74 },
      },
    ]);
  });

  it('reads an MDX comment in the body, and ignores the reason after `--`', () => {
    const text = '---\ntitle: A\n---\n\n{/* polyref-disable-next-line unknown-component -- ships next week */}\n<Later />\n';
    expect(findSuppressions(text)).toEqual([
      {
        targetLine: 6,
        rules: [{ ruleId: 'unknown-component', place: { line: 5, column: 31, endLine: 5, endColumn: 48 } }],
        place: { line: 5, column: 1, endLine: 5, endColumn: 71 },
      },
    ]);
  });

  it('takes only YAML comments in the frontmatter and only MDX comments in the body', () => {
    const text = [
      '---',
      'a: 1 # polyref-disable-next-line trailing-comments-do-not-count',
      '{/* polyref-disable-next-line not-a-yaml-comment */}',
      '---',
      '# polyref-disable-next-line a-markdown-heading',
      '',
    ].join('\n');
    expect(findSuppressions(text)).toEqual([]);
  });

  it('skips comments inside fenced code blocks, which are example text', () => {
    const text = ['# Guide', '', '````mdx', '{/* polyref-disable-next-line in-a-fence */}', '```', 'still inside', '````', '{/* polyref-disable-next-line after-the-fence */}', 'x', ''].join('\n');
    expect(findSuppressions(text).map((suppression) => suppression.rules.map((rule) => rule.ruleId))).toEqual([['after-the-fence']]);
  });

  it('counts CRLF lines like the parsers do', () => {
    const text = '---\r\ndescriptions:\r\n  # polyref-disable-next-line unused-description\r\n  a: A\r\n---\r\n';
    expect(findSuppressions(text)[0]).toMatchObject({ targetLine: 4, rules: [{ ruleId: 'unused-description', place: { line: 3, column: 31, endColumn: 49 } }] });
  });

  it('keeps a comment that names no rule, so it can be reported', () => {
    expect(findSuppressions('{/* polyref-disable-next-line */}\nx\n')).toEqual([
      { targetLine: 2, rules: [], place: { line: 1, column: 1, endLine: 1, endColumn: 34 } },
    ]);
  });

  it('does not take a longer directive for this one', () => {
    expect(findSuppressions('---\n# polyref-disable-next-lines unused-description\na: 1\n---\n')).toEqual([]);
  });
});

describe('suppressions applied by check', () => {
  it('silences the named rule on the next line only', () => {
    const findings = checkFiles({
      'content/widget.mdx': widget('    # polyref-disable-next-line unused-description\n    color: The color.\n    size: The size.\n'),
    });
    expect(findings['widget.mdx']).toEqual([
      {
        ruleId: 'unused-description',
        severity: 'warn',
        message: 'Unexpected unused description `widget.size`, expected a reference to it or its removal',
        line: 8,
        column: 5,
      },
    ]);
  });

  it('silences a body problem with an MDX comment', () => {
    const findings = checkFiles({
      'content/widget.mdx': widget('', '\n{/* polyref-disable-next-line unknown-component */}\n<Later />\n<Never />\n'),
    });
    expect(findings['widget.mdx']).toEqual([
      {
        ruleId: 'unknown-component',
        severity: 'error',
        message: 'Unexpected component `<Never>`, expected one with a template (`templates/components/Never.hbs`)',
        line: 15,
        column: 1,
      },
    ]);
  });

  it('reports a named rule that silences nothing, and an unknown rule id with a suggestion', () => {
    const findings = checkFiles({
      'content/widget.mdx': widget('', '\n{/* polyref-disable-next-line unknown-component, unused-descripton */}\nPlain text.\n'),
    });
    expect(findings['widget.mdx']).toEqual([
      {
        ruleId: 'unused-suppression',
        severity: 'warn',
        message: 'Unexpected suppression of `unknown-component`, which reports nothing on line 14: remove it from the comment',
        line: 13,
        column: 31,
      },
      {
        ruleId: 'unused-suppression',
        severity: 'warn',
        message:
          'Unexpected unknown rule `unused-descripton` in `polyref-disable-next-line`, expected a rule id from `polyref rules` (did you mean `unused-description`?)',
        line: 13,
        column: 50,
      },
    ]);
  });

  it('reports a comment without rule ids', () => {
    const findings = checkFiles({ 'content/widget.mdx': widget('', '\n{/* polyref-disable-next-line */}\nText.\n') });
    expect(findings['widget.mdx']).toEqual([
      {
        ruleId: 'unused-suppression',
        severity: 'warn',
        message:
          'Unexpected `polyref-disable-next-line` without a rule id, expected the ids of the rules to silence such as `polyref-disable-next-line unused-description`',
        line: 13,
        column: 1,
      },
    ]);
  });

  it('follows the configured severity of `unused-suppression`, and `off` drops it', () => {
    const files = { 'content/widget.mdx': widget('', '\n{/* polyref-disable-next-line unknown-component */}\nText.\n') };
    expect(checkFiles(files, { rules: { 'unused-suppression': 'error' } })['widget.mdx']?.map((finding) => finding.severity)).toEqual(['error']);
    expect(checkFiles(files, { rules: { 'unused-suppression': 'off' } })['widget.mdx']).toEqual([]);
  });
});
