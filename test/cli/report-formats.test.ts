import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { binary, makeProject, repoRoot, runPolyref } from '../helpers/run-cli.js';

const widget = [
  '---',
  'title: Widget',
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
  '          description: (widget.colr)',
  '---',
  '',
  '# Widget',
  '',
].join('\n');

/** A site with problems of every kind of origin: rules, a YAML error and an MDX error. */
const problemSite = {
  'content/widget.mdx': widget,
  'content/broken-body.mdx': '---\ntitle: Broken body\n---\n\n# Broken\n\n<Callout type="info">\nClosed by the wrong tag.\n</Callot>\n',
  'content/broken-yaml.mdx': '---\ntitle: Broken\ndescriptions:\n  widget: [unclosed\n---\n',
  'content/clean.mdx': '---\ntitle: Clean\n---\n\n# Clean\n',
};

interface Located {
  file: string;
  ruleId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

// Most tests run the real binary several times: a minute each, not the default 30 seconds.
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function project(files: Record<string, string>): string {
  const created = makeProject(files);
  cleanups.push(created.cleanup);
  return created.dir;
}

function fromJson(stdout: string): Located[] {
  const report = JSON.parse(stdout) as Array<{ filePath: string; messages: Array<Omit<Located, 'file'>> }>;
  return report.flatMap((file) =>
    file.messages.map(({ ruleId, line, column, endLine, endColumn }) => ({ file: file.filePath, ruleId, line, column, endLine, endColumn })),
  );
}

function fromGithub(stdout: string): Located[] {
  return stdout
    .trim()
    .split('\n')
    .map((annotation) => {
      const match = /^::(?:error|warning) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=polyref\(([^)]+)\)::/.exec(annotation);
      if (!match) throw new Error(`not an annotation: ${annotation}`);
      return { file: match[1]!, ruleId: match[6]!, line: Number(match[2]), column: Number(match[3]), endLine: Number(match[4]), endColumn: Number(match[5]) };
    });
}

function fromSarif(stdout: string): Located[] {
  const log = JSON.parse(stdout) as Log;
  return log.runs[0]!.results!.map((result) => {
    const location = result.locations![0]!.physicalLocation!;
    const region = location.region!;
    return {
      file: location.artifactLocation!.uri!,
      ruleId: result.ruleId!,
      line: region.startLine!,
      column: region.startColumn!,
      endLine: region.endLine!,
      endColumn: region.endColumn!,
    };
  });
}

function fromJunit(stdout: string): Located[] {
  return [...stdout.matchAll(/<testcase classname="([^"]+)" name="([a-z-]+) at (\d+):(\d+)"/g)].map((match) => ({
    file: match[1]!,
    ruleId: match[2]!,
    line: Number(match[3]),
    column: Number(match[4]),
  }));
}

function fromStylish(stderr: string): Located[] {
  const found: Located[] = [];
  let file = '';
  for (const line of stderr.split('\n')) {
    const header = /^(content\/\S+)$/.exec(line);
    if (header) file = header[1]!;
    const message = /^ {2}(\d+):(\d+) +(?:error|warning) +.*  ([a-z-]+)$/.exec(line);
    if (message) found.push({ file, ruleId: message[3]!, line: Number(message[1]), column: Number(message[2]) });
  }
  return found;
}

const withoutEnd = ({ file, ruleId, line, column }: Located) => ({ file, ruleId, line, column });

describe('polyref check --format', () => {
  it('gives every problem the same file, rule and range in every format, machine output on stdout only', () => {
    const dir = project(problemSite);
    const json = runPolyref(['check', '--format', 'json'], dir);
    expect(json.status).toBe(1);
    expect(json.stderr).toBe('');
    const expected = fromJson(json.stdout);
    const colrLine = widget.split('\n').findIndex((line) => line.includes('(widget.colr)')) + 1;
    expect(expected).toEqual([
      { file: 'content/broken-body.mdx', ruleId: 'mdx-syntax', line: 9, column: 1, endLine: expect.any(Number), endColumn: expect.any(Number) },
      { file: 'content/broken-yaml.mdx', ruleId: 'frontmatter-syntax', line: expect.any(Number), column: expect.any(Number), endLine: expect.any(Number), endColumn: expect.any(Number) },
      { file: 'content/widget.mdx', ruleId: 'unused-description', line: 6, column: 5, endLine: 6, endColumn: 10 },
      { file: 'content/widget.mdx', ruleId: 'unused-description', line: 7, column: 5, endLine: 7, endColumn: 9 },
      { file: 'content/widget.mdx', ruleId: 'unresolved-description', line: colrLine, column: 24, endLine: colrLine, endColumn: 37 },
    ]);
    // YAML lines count from the top of the file, not from the first line after the fence.
    expect(expected[1]!.line).toBeGreaterThanOrEqual(4);

    for (const [format, read] of [
      ['github', fromGithub],
      ['sarif', fromSarif],
    ] as const) {
      const result = runPolyref(['check', '--format', format], dir);
      expect(result.status, format).toBe(1);
      expect(result.stderr, format).toBe('');
      expect(read(result.stdout), format).toEqual(expected);
    }
    const junit = runPolyref(['check', '--format', 'junit'], dir);
    expect(junit.stderr).toBe('');
    expect(fromJunit(junit.stdout)).toEqual(expected.map(withoutEnd));

    const stylish = runPolyref(['check'], dir);
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).toBe('');
    expect(fromStylish(stylish.stderr)).toEqual(expected.map(withoutEnd));
  }, 60_000);

  it('prints a code frame under each problem and one summary line', () => {
    const dir = project({ 'content/widget.mdx': widget });
    const result = runPolyref(['check'], dir);
    expect(result.stderr).toBe(
      [
        'content/widget.mdx',
        '  6:5    warning  Unexpected unused description `widget.color`, expected a reference to it or its removal  unused-description',
        '    6 |     color: The color.',
        '      |     ^^^^^',
        '  7:5    warning  Unexpected unused description `widget.size`, expected a reference to it or its removal  unused-description',
        '    7 |     size: The size.',
        '      |     ^^^^',
        '  16:24  error    Unexpected unresolved description `(widget.colr)`, expected a key in `descriptions` (did you mean `widget.color`?)  unresolved-description',
        '    16 |           description: (widget.colr)',
        '       |                        ^^^^^^^^^^^^^',
        '',
        '✖ 1 error, ⚠ 2 warnings in 1 file checked',
        '',
      ].join('\n'),
    );
  }, 60_000);

  it('gives byte-identical output on every run', () => {
    const dir = project(problemSite);
    for (const format of ['stylish', 'json', 'github', 'sarif', 'junit']) {
      const first = runPolyref(['check', '--format', format], dir);
      const second = runPolyref(['check', '--format', format], dir);
      expect(second.stdout + second.stderr, format).toBe(first.stdout + first.stderr);
    }
  }, 60_000);

  it('colours only when asked, never with NO_COLOR, and never machine output', () => {
    const dir = project({ 'content/widget.mdx': widget });
    const escape = '\u001b[';
    expect(runPolyref(['check'], dir).stderr).not.toContain(escape);
    expect(runPolyref(['check'], dir, { NO_COLOR: '', FORCE_COLOR: '1' }).stderr).toContain(escape);
    expect(runPolyref(['check'], dir, { NO_COLOR: '1', FORCE_COLOR: '1' }).stderr).not.toContain(escape);
    for (const format of ['json', 'github', 'sarif', 'junit']) {
      expect(runPolyref(['check', '--format', format], dir, { NO_COLOR: '', FORCE_COLOR: '1' }).stdout, format).not.toContain(escape);
    }
  }, 60_000);

  it('links each problem to its rule page installed with polyref, never into the site checked, or under `rulesDocsUrl` when configured', () => {
    const dir = project({ 'content/widget.mdx': widget });
    const urls = (stdout: string) => (JSON.parse(stdout) as Array<{ messages: Array<{ url: string }> }>)[0]!.messages.map((message) => message.url);
    const installed = (id: string) => pathToFileURL(path.join(repoRoot, 'docs/rules', `${id}.md`)).href;
    const links = urls(runPolyref(['check', '--format', 'json'], dir).stdout);
    expect(links).toEqual([installed('unused-description'), installed('unused-description'), installed('unresolved-description')]);
    for (const link of links) expect(fs.readFileSync(new URL(link), 'utf8')).toMatch(/^# (unused|unresolved)-description\n/);
    const log = JSON.parse(runPolyref(['check', '--format', 'sarif'], dir).stdout) as Log;
    expect(log.runs[0]!.tool.driver.rules!.find((rule) => rule.id === 'unresolved-description')!.helpUri).toBe(installed('unresolved-description'));
    const configured = project({ 'content/widget.mdx': widget, 'polyref.config.json': '{ "rulesDocsUrl": "https://docs.example.com/polyref/rules" }' });
    expect(urls(runPolyref(['check', '--format', 'json'], configured).stdout)).toEqual([
      'https://docs.example.com/polyref/rules/unused-description.md',
      'https://docs.example.com/polyref/rules/unused-description.md',
      'https://docs.example.com/polyref/rules/unresolved-description.md',
    ]);
    const sarif = JSON.parse(runPolyref(['check', '--format', 'sarif'], configured).stdout) as Log;
    expect(sarif.runs[0]!.tool.driver.rules!.find((rule) => rule.id === 'unresolved-description')!.helpUri).toBe(
      'https://docs.example.com/polyref/rules/unresolved-description.md',
    );
    const bad = runPolyref(['check'], project({ 'content/widget.mdx': widget, 'polyref.config.json': '{ "rulesDocsUrl": "docs/rules/" }' }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Unexpected `rulesDocsUrl` `docs/rules/`, expected an absolute http(s) URL of the folder of rule pages');
  }, 60_000);
});

describe('polyref check output to a pipe', () => {
  it('stops quietly when the reader closes the pipe early, as `| head` does', async () => {
    // Far more output than a pipe buffers, so writing goes on after the reader has gone.
    const keys = Array.from({ length: 3000 }, (_, index) => `    key_${index}: Unused text number ${index}.`).join('\n');
    const dir = project({ 'content/many.mdx': `---\ntitle: Many\ndescriptions:\n  many:\n${keys}\n---\n` });
    const child = spawn(process.execPath, [binary, 'check', '--format', 'json'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  }, 60_000);
});

describe('polyref check --max-warnings', () => {
  const warningsOnly = { 'content/widget.mdx': widget.replace('(widget.colr)', '(widget.color)').replace('    color: The color.\n', '    color: The color.\n    shape: The shape.\n') };

  it('passes at the limit and fails above it, saying why', () => {
    const dir = project(warningsOnly);
    expect(runPolyref(['check'], dir).status).toBe(0);
    const atLimit = runPolyref(['check', '--max-warnings', '2'], dir);
    expect(atLimit.status).toBe(0);
    expect(atLimit.stderr).toContain('⚠ 2 warnings in 1 file checked\n');
    const above = runPolyref(['check', '--max-warnings', '1'], dir);
    expect(above.status).toBe(1);
    expect(above.stderr.endsWith('polyref: too many warnings (2), expected at most 1 (--max-warnings)\n')).toBe(true);
    const json = runPolyref(['check', '--format', 'json', '--max-warnings', '0'], dir);
    expect(json.status).toBe(1);
    expect(json.stderr).toBe('polyref: too many warnings (2), expected at most 0 (--max-warnings)\n');
  }, 60_000);

  it('rejects a count that is not a whole number', () => {
    const dir = project(warningsOnly);
    for (const value of ['-1', 'many', '1.5']) {
      const result = runPolyref(['check', '--max-warnings', value], dir);
      expect(result.status, value).toBe(2);
      expect(result.stderr, value).toContain('expected a whole number such as 0 or 10');
    }
  }, 60_000);
});

describe('polyref rules', () => {
  it('lists each rule with its severity, summary and documentation page as JSON', () => {
    const result = runPolyref(['rules', '--format', 'json'], process.cwd());
    const list = JSON.parse(result.stdout) as Array<{ id: string; severity: string; summary: string; docs: string }>;
    expect(list.find((rule) => rule.id === 'unused-suppression')).toEqual({
      id: 'unused-suppression',
      severity: 'warn',
      summary: 'A `polyref-disable-next-line` comment must name rules that report a problem on the next line.',
      docs: pathToFileURL(path.join(repoRoot, 'docs/rules/unused-suppression.md')).href,
    });
    for (const rule of list) expect(fs.existsSync(new URL(rule.docs)), rule.id).toBe(true);
    const text = runPolyref(['rules'], project({})).stdout;
    expect(text).toContain(`Each rule is documented in ${path.join(repoRoot, 'docs/rules')}${path.sep}<id>.md.`);
  }, 60_000);

  it('links the rule pages under `rulesDocsUrl` when the configuration sets it', () => {
    const dir = project({ 'polyref.config.json': '{ "rulesDocsUrl": "https://docs.example.com/polyref/rules/" }' });
    const list = JSON.parse(runPolyref(['rules', '--format', 'json'], dir).stdout) as Array<{ id: string; docs: string }>;
    expect(list.find((rule) => rule.id === 'parity-gap')!.docs).toBe('https://docs.example.com/polyref/rules/parity-gap.md');
    expect(runPolyref(['rules'], dir).stdout).toContain('Each rule is documented in https://docs.example.com/polyref/rules/<id>.md.');
  }, 60_000);
});
