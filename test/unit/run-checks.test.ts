import { afterEach, describe, expect, it, vi } from 'vitest';
import { unknownLanguage } from '../../src/check/rules/unknown-language.js';
import { checkFiles } from '../helpers/site.js';

const page = (body: string) => `---\ntitle: T\ndescriptions:\n  a:\n    used: Used.\n    unused: Unused.\nreference:\n  cobol:\n    - key: A\n      properties:\n        - key: used\n          type: x\n          description: (a.used)\n---\n${body}`;

afterEach(() => vi.restoreAllMocks());

describe('checkPage', () => {
  it('applies the default severities', () => {
    const findings = checkFiles({ 'content/p.mdx': page('') })['p.mdx']!;
    expect(findings.map((finding) => [finding.ruleId, finding.severity, finding.line, finding.column])).toEqual([
      ['unused-description', 'warn', 6, 5],
      ['unknown-language', 'error', 8, 3],
    ]);
  });

  it('applies the project’s severities and drops rules turned off', () => {
    const findings = checkFiles(
      { 'content/p.mdx': page('') },
      { rules: { 'unused-description': 'error', 'unknown-language': 'off' } },
    )['p.mdx']!;
    expect(findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([['unused-description', 'error']]);
  });

  it('turns a failing rule into a diagnostic on that file and goes on', () => {
    vi.spyOn(unknownLanguage, 'check').mockImplementation(() => {
      throw new Error('boom');
    });
    const findings = checkFiles({ 'content/p.mdx': page(''), 'content/q.mdx': page('') });
    for (const file of ['p.mdx', 'q.mdx']) {
      expect(findings[file]!.map((finding) => finding.ruleId)).toEqual(['internal-error', 'unused-description']);
      expect(findings[file]![0]!.message).toBe('Rule `unknown-language` failed on this file: boom; please report it');
    }
  });
});
