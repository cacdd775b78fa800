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
    // Two of the three languages document `widget.color`: python misses it. One documents `widget.size`: the others just lack it.
    expect(cellsOf(matrix, ['curl', 'python', 'go', 'java'])).toEqual([
      ['widget.id', 'documented', 'documented', 'documented', 'no-entry'],
      ['widget.color', 'documented', 'missing', 'documented', 'no-entry'],
      ['widget.size', 'documented', 'absent', 'absent', 'no-entry'],
      ['widget.size.width', 'documented', 'absent', 'absent', 'no-entry'],
      ['shared.limit', 'absent', 'documented', 'absent', 'no-entry'],
    ]);
    expect(matrix.entries[0]!.rows.map((row) => row.shared)).toEqual([true, true, false, false, false]);
  });

  it('expects of every language what more than `parity.minShare` of them document; 0 expects everything any one does', () => {
    const files = { 'content/widget.mdx': widget, 'content/_shared.mdx': shared };
    const everything = matrixOf(files, { parity: { ignore: [], minShare: 0 } });
    expect(cellsOf(everything, ['curl', 'python', 'go'])).toEqual([
      ['widget.id', 'documented', 'documented', 'documented'],
      ['widget.color', 'documented', 'missing', 'documented'],
      ['widget.size', 'documented', 'missing', 'missing'],
      ['widget.size.width', 'documented', 'missing', 'missing'],
      ['shared.limit', 'missing', 'documented', 'missing'],
    ]);
    // Two of three is not more than two thirds: nothing is expected but what all three document.
    const unanimous = matrixOf(files, { parity: { ignore: [], minShare: 0.7 } });
    expect(unanimous.entries[0]!.rows.filter((row) => row.shared).map((row) => row.keyPath)).toEqual(['widget.id']);
  });

  it('gives each language a coverage figure over what most languages with the entry document', () => {
    const matrix = matrixOf({ 'content/widget.mdx': widget, 'content/_shared.mdx': shared });
    const byLanguage = Object.fromEntries(matrix.coverage.map((coverage) => [coverage.language, coverage]));
    expect(byLanguage.curl).toEqual({ language: 'curl', label: 'cURL', documented: 2, missing: 0, exempt: 0, unshared: 2, missingEntries: 0, ratio: 1 });
    expect(byLanguage.python).toMatchObject({ documented: 1, missing: 1, exempt: 0, unshared: 1, ratio: 0.5 });
    expect(byLanguage.go).toMatchObject({ documented: 2, missing: 0, exempt: 0, unshared: 0 });
    expect(byLanguage.java).toMatchObject({ documented: 0, missing: 0, ratio: null });
    expect(coveragePercent(byLanguage.python!)).toBe('50.0%');
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
  const expected = (keyPath: string, language: string, documentedIn: string[]) => ({
    ruleId: 'parity-gap',
    severity: 'warn',
    message: `Unexpected missing \`${keyPath}\` in ${language}: documented in ${documentedIn.length} of 3 languages (${documentedIn.join(', ')}), expected a property with description \`(${keyPath})\` or an exemption in \`parity.ignore\``,
  });
  const lines = widget.split('\n');
  const pythonKey = lines.indexOf('    - key: Widget') + 1;
  const curlKey = lines.indexOf('    - key: widget') + 1;

  it('warns at the key of the entry about a key path most languages document, naming where it is documented', () => {
    const findings = checkFiles({ 'content/widget.mdx': widget, 'content/_shared.mdx': shared })['widget.mdx']!;
    const gaps = findings.filter((finding) => finding.ruleId === 'parity-gap');
    // `widget.size` (curl only) and `shared.limit` (python only) are a minority's: shown, not warned about.
    expect(gaps).toEqual([{ ...expected('widget.color', 'python', ['curl', 'go']), line: pythonKey, column: 12 }]);
  });

  it('warns about every difference with `parity.minShare` 0', () => {
    const findings = checkFiles({ 'content/widget.mdx': widget, 'content/_shared.mdx': shared }, { parity: { ignore: [], minShare: 0 } })['widget.mdx']!;
    const gaps = findings.filter((finding) => finding.ruleId === 'parity-gap');
    expect(gaps.filter((gap) => gap.line === pythonKey)).toEqual([
      { ...expected('widget.color', 'python', ['curl', 'go']), line: pythonKey, column: 12 },
      { ...expected('widget.size', 'python', ['curl']), line: pythonKey, column: 12 },
      { ...expected('widget.size.width', 'python', ['curl']), line: pythonKey, column: 12 },
    ]);
    expect(gaps.filter((gap) => gap.line === curlKey)).toEqual([{ ...expected('shared.limit', 'curl', ['python']), line: curlKey, column: 12 }]);
    // With any one language enough, the five default languages without the entry lack it too, said once at `reference`.
    const referenceLine = lines.indexOf('reference:') + 1;
    expect(gaps.filter((gap) => gap.line === referenceLine)).toEqual([
      {
        ruleId: 'parity-gap',
        severity: 'warn',
        message:
          'Unexpected missing entry `widget` in dotnet, ruby, js, php and java: present in 3 of 8 languages (curl, python, go), expected an entry with `id: widget` in each language',
        line: referenceLine,
        column: 1,
      },
    ]);
    // The entry without an `id` (`Base`) has no parity to keep.
    expect(gaps).toHaveLength(8);
  });

  it('says nothing about exempt key paths, or with the rule off', () => {
    const files = { 'content/widget.mdx': widget, 'content/_shared.mdx': shared };
    const exempt = checkFiles(files, { parity: { ignore: [{ keyPath: 'widget.**' }, { keyPath: 'shared.limit' }] } });
    expect(exempt['widget.mdx']!.filter((finding) => finding.ruleId === 'parity-gap')).toEqual([]);
    const off = checkFiles(files, { rules: { 'parity-gap': 'off' } });
    expect(off['widget.mdx']!.filter((finding) => finding.ruleId === 'parity-gap')).toEqual([]);
  });
});

/** An object in the given languages, each documenting `id`, plus `color` unless its description is replaced. */
function objectPage(languages: string[], colorOf: (language: string) => string | null = () => '(thing.color)'): string {
  const lines = ['---', 'descriptions:', '  thing:', '    self: A thing.', '    id: Id.', '    color: Color.', '  other:', '    size: Size.', 'reference:'];
  for (const language of languages) {
    lines.push(`  ${language}:`, `    - key: Thing`, `      id: thing`, `      properties:`, `        - key: id`, `          type: string`, `          description: (thing.id)`);
    const color = colorOf(language);
    if (color !== null) lines.push(`        - key: color`, `          type: string`, `          description: ${color}`);
  }
  lines.push('---', '');
  return lines.join('\n');
}

const allLanguages = ['curl', 'dotnet', 'ruby', 'python', 'js', 'go', 'php', 'java'];
const gapsIn = (findings: ReturnType<typeof checkFiles>, file: string) => findings[file]!.filter((finding) => finding.ruleId === 'parity-gap');

describe('parity-gap for an entry missing in a language', () => {
  it('names the missing languages once, at the `reference` key of the page holding the entry', () => {
    const seven = allLanguages.filter((language) => language !== 'php');
    const findings = checkFiles({ 'content/thing.mdx': objectPage(seven) });
    expect(gapsIn(findings, 'thing.mdx')).toEqual([
      {
        ruleId: 'parity-gap',
        severity: 'warn',
        message:
          'Unexpected missing entry `thing` in php: present in 7 of 8 languages (curl, dotnet, ruby, python, js, go, java), expected an entry with `id: thing` in each language',
        line: 9,
        column: 1,
      },
    ]);
  });

  it('points at the first entry of the id when its entries stand on several pages', () => {
    const findings = checkFiles({
      'content/a.mdx': objectPage(['curl', 'dotnet', 'ruby']),
      'content/b.mdx': objectPage(['python', 'js', 'go']).replace(/descriptions:[\s\S]*?reference:/, 'reference:'),
    });
    expect(gapsIn(findings, 'a.mdx').map((gap) => [gap.line, gap.column, gap.message.split(':')[0]])).toEqual([[11, 12, 'Unexpected missing entry `thing` in php and java']]);
    expect(gapsIn(findings, 'b.mdx')).toEqual([]);
  });

  it('leaves out the languages `parity.ignore` lets lack an entry, counting them neither for nor against it', () => {
    const languages = [...allLanguages, 'json'].map((id) => ({ id, label: id }));
    const seven = allLanguages.filter((language) => language !== 'php');
    const exempt = checkFiles({ 'content/thing.mdx': objectPage(seven) }, { languages, parity: { ignore: [{ id: '*', languages: ['json'] }] } });
    expect(gapsIn(exempt, 'thing.mdx').map((gap) => gap.message.split(':').slice(0, 2).join(':'))).toEqual([
      'Unexpected missing entry `thing` in php: present in 7 of 8 languages (curl, dotnet, ruby, python, js, go, java), expected an entry with `id',
    ]);
    const named = checkFiles({ 'content/thing.mdx': objectPage(seven) }, { languages, parity: { ignore: [{ id: 'thing' }] } });
    expect(gapsIn(named, 'thing.mdx')).toEqual([]);
  });

  it('says nothing of an id that only a minority of the languages have', () => {
    expect(gapsIn(checkFiles({ 'content/thing.mdx': objectPage(['go', 'python']) }), 'thing.mdx')).toEqual([]);
  });
});

describe('parity of variants', () => {
  /** `state` described by `state.lowercase` in six languages and `state.titlecase` in two, as SDKs spell enum values. */
  const variants = objectPage(allLanguages, (language) => (language === 'dotnet' || language === 'java' ? '(thing.titlecase)' : '(thing.lowercase)'))
    .replace('    color: Color.\n', '    color: Color.\n    lowercase: One of `active` or `inactive`.\n    titlecase: One of `Active` or `Inactive`.\n')
    .replace(/key: color\n/g, 'key: State\n');

  it('shows a row described otherwise where the others have it as a variant, and warns about neither key path', () => {
    const matrix = matrixOf({ 'content/thing.mdx': variants });
    const rows = Object.fromEntries(matrix.entries[0]!.rows.map((row) => [row.keyPath, [row.shared, row.cells.curl, row.cells.dotnet, row.cells.java]]));
    expect(rows).toEqual({
      'thing.id': [true, 'documented', 'documented', 'documented'],
      'thing.lowercase': [true, 'documented', 'variant', 'variant'],
      'thing.titlecase': [false, 'variant', 'documented', 'documented'],
    });
    expect(matrix.coverage.find((coverage) => coverage.language === 'dotnet')).toMatchObject({ documented: 2, missing: 0, unshared: 1, ratio: 1 });
    expect(gapsIn(checkFiles({ 'content/thing.mdx': variants }), 'thing.mdx')).toEqual([]);
  });

  it('knows the place of a property inside an options group without a description of its own as that of a flat parameter', () => {
    const grouped = (language: string, description: string) =>
      [`  ${language}:`, '    - key: Thing', '      id: thing', '      parameters:', '        - key: options', '          type: Options', '          properties:', '            - key: State', '              type: string', `              description: ${description}`];
    const flat = (language: string, description: string) =>
      [`  ${language}:`, '    - key: thing', '      id: thing', '      parameters:', '        - key: state', '          type: string', `          description: ${description}`];
    const page = [
      '---',
      'descriptions:',
      '  thing:',
      '    lowercase: One of `active` or `inactive`.',
      '    titlecase: One of `Active` or `Inactive`.',
      'reference:',
      ...['curl', 'ruby', 'python'].flatMap((language) => flat(language, '(thing.lowercase)')),
      ...['dotnet', 'java'].flatMap((language) => grouped(language, '(thing.titlecase)')),
      '---',
      '',
    ].join('\n');
    const rows = matrixOf({ 'content/thing.mdx': page }).entries[0]!.rows;
    expect(rows.map((row) => [row.keyPath, row.cells.python, row.cells.dotnet])).toEqual([
      ['thing.lowercase', 'documented', 'variant'],
      ['thing.titlecase', 'variant', 'documented'],
    ]);
  });

  it('takes literal markdown at the same place for a variant too', () => {
    const literal = objectPage(allLanguages, (language) => (language === 'ruby' ? 'The color, in words.' : '(thing.color)'));
    expect(matrixOf({ 'content/thing.mdx': literal }).entries[0]!.rows[1]!.cells.ruby).toBe('variant');
    expect(gapsIn(checkFiles({ 'content/thing.mdx': literal }), 'thing.mdx')).toEqual([]);
  });
});

describe('parity-gap and references that do not resolve', () => {
  const check = (colorOf: (language: string) => string | null) =>
    checkFiles({ 'content/thing.mdx': objectPage(allLanguages, colorOf) })['thing.mdx']!.filter(
      (finding) => finding.ruleId === 'parity-gap' || finding.ruleId === 'unresolved-description',
    );

  it('reports a misspelt reference once, as unresolved, not also as the gap it leaves', () => {
    const findings = check((language) => (language === 'python' ? '(thing.colr)' : '(thing.color)'));
    expect(findings.map((finding) => finding.ruleId)).toEqual(['unresolved-description']);
  });

  it('takes a reference unlike any missing key path for the one under the same parent', () => {
    const findings = check((language) => (language === 'python' ? '(thing.colour_of_the_thing)' : '(thing.color)'));
    expect(findings.map((finding) => finding.ruleId)).toEqual(['unresolved-description']);
  });

  it('knows the row by its place, however unlike the reference, and still reports a language without the row', () => {
    const findings = check((language) => (language === 'python' ? null : language === 'go' ? '(other.sise)' : '(thing.color)'));
    // Go's `color` row stands where the others' do: its reference is the one mistake. Python has no such row: a gap.
    expect(findings.map((finding) => [finding.ruleId, finding.message.split(':')[0]])).toEqual([
      ['parity-gap', 'Unexpected missing `thing.color` in python'],
      ['unresolved-description', 'Unexpected unresolved description `(other.sise)`, expected a key in `descriptions` (did you mean `other.size`?)'],
    ]);
  });

  it('reports a row without a description once, as missing-description', () => {
    const findings = checkFiles({ 'content/thing.mdx': objectPage(allLanguages).replace(/(  php:[\s\S]*?- key: color\n          type: string)\n          description: \(thing\.color\)/, '$1') })['thing.mdx']!;
    expect(findings.filter((finding) => finding.ruleId !== 'unused-description').map((finding) => [finding.ruleId, finding.message.split(' ')[2]])).toEqual([
      ['missing-description', '`color`'],
    ]);
  });
});
