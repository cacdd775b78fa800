import { afterEach, describe, expect, it } from 'vitest';
import { compileIgnore, coveragePercent, parityMatrix, type ParityMatrix } from '../../src/check/parity.js';
import { loadConfig, type ConfigInput } from '../../src/config/config.js';
import { loadSite } from '../../src/pipeline/load-site.js';
import { makeProject } from '../helpers/run-cli.js';
import { checkFiles } from '../helpers/site.js';

/**
 * One object in three languages: curl documents four key paths (one nested),
 * python one plus a shared entry, go two of them through an item reference.
 * A property with literal markdown has no key path and is not matched.
 */
const widget = `---
title: Widget
descriptions:
  widget:
    self: A widget.
    id: Id.
    color: Color.
    size:
      self: Size.
      width: Width.
reference:
  curl:
    - key: widget
      id: widget
      url: /widget
      properties:
        - key: id
          type: string
          description: (widget.id)
        - key: color
          type: string
          description: (widget.color)
        - key: size
          type: object
          description: (widget.size)
          properties:
            - key: width
              type: int
              description: (widget.size.width)
        - key: note
          type: string
          description: Literal text, matched by nothing.
  python:
    - key: Widget
      id: widget
      url: /widget
      properties:
        - key: id
          type: str
          description: (widget.id)
        - (Limit)
  go:
    - key: Widget
      id: widget
      url: /widget
      properties:
        - (Base.ID)
        - key: Color
          type: string
          description: (widget.color)
    - key: Base
      properties:
        - key: ID
          type: string
          description: (widget.id)
---

<CodeBlock referenceId="widget" />
`;

const shared = `---
descriptions:
  shared:
    limit: The most items to return.
reference:
  python:
    - key: Limit
      type: int
      description: (shared.limit)
---
`;

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function matrixOf(files: Record<string, string>, config: ConfigInput = {}): ParityMatrix {
  const project = makeProject(files);
  cleanups.push(project.cleanup);
  const site = loadSite(loadConfig({ cwd: project.dir, overrides: config }), { keepTrees: false });
  return parityMatrix(site);
}

const cellsOf = (matrix: ParityMatrix, languages: string[]) =>
  matrix.entries[0]!.rows.map((row) => [row.keyPath, ...languages.map((language) => row.cells[language])]);

describe('parity matrix', () => {
  it('matches properties across languages by description key path, through item references', () => {
    const matrix = matrixOf({ 'content/widget.mdx': widget, 'content/_shared.mdx': shared });
    expect(matrix.entries.map((entry) => entry.id)).toEqual(['widget']);
    expect(matrix.entries[0]!.entries.map((entry) => entry.value.language)).toEqual(['curl', 'python', 'go']);
    expect(cellsOf(matrix, ['curl', 'python', 'go', 'java'])).toEqual([
      ['widget.id', 'documented', 'documented', 'documented', 'no-entry'],
      ['widget.color', 'documented', 'missing', 'documented', 'no-entry'],
      ['widget.size', 'documented', 'missing', 'missing', 'no-entry'],
      ['widget.size.width', 'documented', 'missing', 'missing', 'no-entry'],
      ['shared.limit', 'missing', 'documented', 'missing', 'no-entry'],
    ]);
  });

  it('gives each language a coverage figure over the entries it has', () => {
    const matrix = matrixOf({ 'content/widget.mdx': widget, 'content/_shared.mdx': shared });
    const byLanguage = Object.fromEntries(matrix.coverage.map((coverage) => [coverage.language, coverage]));
    expect(byLanguage.curl).toMatchObject({ documented: 4, missing: 1, exempt: 0, ratio: 0.8 });
    expect(byLanguage.python).toMatchObject({ documented: 2, missing: 3, exempt: 0, ratio: 0.4 });
    expect(byLanguage.go).toMatchObject({ documented: 2, missing: 3, exempt: 0 });
    expect(byLanguage.java).toMatchObject({ documented: 0, missing: 0, ratio: null });
    expect(coveragePercent(byLanguage.curl!)).toBe('80.0%');
    expect(coveragePercent(byLanguage.java!)).toBe('n/a');
    // Rounded down: only a complete language reads 100.0%.
    expect(coveragePercent({ ratio: 0.9999 })).toBe('99.9%');
  });

  it('marks exempt cells, for some languages or all, and leaves them out of coverage', () => {
    const matrix = matrixOf(
      { 'content/widget.mdx': widget, 'content/_shared.mdx': shared },
      { parity: { ignore: [{ keyPath: 'widget.size.**', languages: ['python', 'go'] }, { keyPath: 'shared.*' }] } },
    );
    expect(cellsOf(matrix, ['curl', 'python', 'go'])).toEqual([
      ['widget.id', 'documented', 'documented', 'documented'],
      ['widget.color', 'documented', 'missing', 'documented'],
      ['widget.size', 'documented', 'exempt', 'exempt'],
      ['widget.size.width', 'documented', 'exempt', 'exempt'],
      ['shared.limit', 'exempt', 'documented', 'exempt'],
    ]);
    expect(matrix.coverage.find((coverage) => coverage.language === 'python')).toMatchObject({ documented: 2, missing: 1, exempt: 2 });
  });

  it('lists entries by id, whatever the page order', () => {
    const page = (id: string) => `---\nreference:\n  curl:\n    - key: ${id}\n      id: ${id}\n      properties:\n        - key: a\n          type: t\n          description: (x.a)\n---\n`;
    const matrix = matrixOf({ 'content/a.mdx': page('zeta'), 'content/b.mdx': page('alpha'), 'content/c.mdx': `---\ndescriptions:\n  x:\n    a: A.\n---\n` });
    expect(matrix.entries.map((entry) => entry.id)).toEqual(['alpha', 'zeta']);
  });
});

describe('parity.ignore key path globs', () => {
  const matches = (glob: string, keyPath: string) => compileIgnore({ keyPath: glob, languages: null })(keyPath, 'curl');

  it('matches `*` within one segment and `**` across any number of them', () => {
    expect(matches('*.object', 'directory_group.object')).toBe(true);
    expect(matches('*.object', 'a.b.object')).toBe(false);
    expect(matches('**.object', 'a.b.object')).toBe(true);
    expect(matches('**.object', 'object')).toBe(true);
    expect(matches('go.*', 'go.context')).toBe(true);
    expect(matches('go.*', 'go')).toBe(false);
    expect(matches('widget.size.**', 'widget.size')).toBe(true);
    expect(matches('widget.size.**', 'widget.sizes')).toBe(false);
    expect(matches('directory_*.id', 'directory_user.id')).toBe(true);
    expect(matches('a.b', 'a.b.c')).toBe(false);
  });

  it('treats regular expression characters as themselves', () => {
    expect(matches('a+b.c', 'a+b.c')).toBe(true);
    expect(matches('a+b.c', 'aab.c')).toBe(false);
  });

  it('applies to the languages it names only', () => {
    const ignore = compileIgnore({ keyPath: 'a.b', languages: ['python'] });
    expect(ignore('a.b', 'python')).toBe(true);
    expect(ignore('a.b', 'curl')).toBe(false);
  });
});

describe('parity-gap', () => {
  it('warns at the key of the entry, once per missing key path, naming where it is documented', () => {
    const lines = widget.split('\n');
    const pythonKey = lines.indexOf('    - key: Widget') + 1;
    const findings = checkFiles({ 'content/widget.mdx': widget, 'content/_shared.mdx': shared })['widget.mdx']!;
    const gaps = findings.filter((finding) => finding.ruleId === 'parity-gap');
    const expected = (keyPath: string, language: string, documentedIn: string[]) => ({
      ruleId: 'parity-gap',
      severity: 'warn',
      message: `Unexpected missing \`${keyPath}\` in ${language}: documented in ${documentedIn.length} of 3 languages (${documentedIn.join(', ')}), expected a property with description \`(${keyPath})\` or an exemption in \`parity.ignore\``,
    });
    expect(gaps.filter((gap) => gap.line === pythonKey)).toEqual([
      { ...expected('widget.color', 'python', ['curl', 'go']), line: pythonKey, column: 12 },
      { ...expected('widget.size', 'python', ['curl']), line: pythonKey, column: 12 },
      { ...expected('widget.size.width', 'python', ['curl']), line: pythonKey, column: 12 },
    ]);
    const curlKey = lines.indexOf('    - key: widget') + 1;
    expect(gaps.filter((gap) => gap.line === curlKey)).toEqual([{ ...expected('shared.limit', 'curl', ['python']), line: curlKey, column: 12 }]);
    // The entry without an `id` (`Base`) has no parity to keep.
    expect(gaps).toHaveLength(7);
  });

  it('says nothing about exempt key paths, or with the rule off', () => {
    const files = { 'content/widget.mdx': widget, 'content/_shared.mdx': shared };
    const exempt = checkFiles(files, { parity: { ignore: [{ keyPath: 'widget.**' }, { keyPath: 'shared.limit' }] } });
    expect(exempt['widget.mdx']!.filter((finding) => finding.ruleId === 'parity-gap')).toEqual([]);
    const off = checkFiles(files, { rules: { 'parity-gap': 'off' } });
    expect(off['widget.mdx']!.filter((finding) => finding.ruleId === 'parity-gap')).toEqual([]);
  });
});
