import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reporters } from '../../src/report/reporters.js';
import { toVFiles } from '../../src/report/to-vfiles.js';
import { repoRoot } from '../helpers/run-cli.js';

const results = [
  {
    file: '/site/content/a,b.mdx',
    findings: [
      {
        ruleId: 'unused-description',
        severity: 'warn' as const,
        message: 'Line one\nline two: 100%',
        place: { line: 3, column: 5, endLine: 3, endColumn: 9 },
      },
    ],
  },
];

describe('reporters', () => {
  it('escapes GitHub annotation data and properties', () => {
    const output = reporters.github.format(toVFiles(results, '/site'), { color: false });
    expect(output).toBe(
      '::warning file=content/a%2Cb.mdx,line=3,col=5,endLine=3,endColumn=9,title=polyref(unused-description)::Line one%0Aline two: 100%25\n',
    );
  });

  it('prints ESLint-shaped JSON', () => {
    const output = JSON.parse(reporters.json.format(toVFiles(results, '/site'), { color: false }));
    expect(output).toEqual([
      {
        filePath: 'content/a,b.mdx',
        messages: [
          { ruleId: 'unused-description', severity: 1, message: 'Line one\nline two: 100%', line: 3, column: 5, endLine: 3, endColumn: 9, suggestions: [], url: pathToFileURL(path.join(repoRoot, 'docs/rules/unused-description.md')).href },
        ],
        errorCount: 0,
        warningCount: 1,
      },
    ]);
  });

  it('prints nothing in stylish for clean files', () => {
    expect(reporters.stylish.format(toVFiles([{ file: '/site/x.mdx', findings: [] }], '/site'), { color: false })).toBe('');
  });
});
