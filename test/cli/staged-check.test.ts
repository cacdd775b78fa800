import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleRepository, gitOk, runPolyrefInRepository } from '../helpers/git-repo.js';
import { makeProject } from '../helpers/run-cli.js';

const pagePath = 'content/reference/directory-sync/directory-group/index.mdx';
const referencing = 'content/reference/directory-sync/directory-group/get.mdx';

// Each test runs git and the real binary several times: a minute each, not the default 30 seconds.
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function repository(): string {
  const created = exampleRepository();
  cleanups.push(created.cleanup);
  return created.dir;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first `(directory_group.idp)` made a typo, and where it stands. */
function withTypo(text: string): { text: string; line: number; column: number } {
  const typo = text.replace('description: (directory_group.idp)\n', 'description: (directory_group.idpp)\n');
  const lines = typo.split('\n');
  const index = lines.findIndex((line) => line.includes('(directory_group.idpp)'));
  return { text: typo, line: index + 1, column: lines[index]!.indexOf('(directory_group.idpp)') + 1 };
}

describe('polyref check --staged', () => {
  it('checks the staged content of a page, not its working-tree copy', () => {
    const dir = repository();
    const file = path.join(dir, pagePath);
    const original = fs.readFileSync(file, 'utf8');
    const typo = withTypo(original);
    fs.writeFileSync(file, typo.text);
    gitOk(dir, ['add', pagePath]);
    // Fixed in the working tree but not staged: the commit would still hold the typo.
    fs.writeFileSync(file, original);

    const result = runPolyrefInRepository(dir, ['check', '--staged']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const message =
      'Unexpected unresolved description `(directory_group.idpp)`, expected a key in `descriptions` (did you mean `directory_group.idp`?)  unresolved-description';
    // The code frame shows the staged line, which the working tree no longer has.
    const frame = `    ${typo.line} |           description: (directory_group.idpp)\n`;
    expect(result.stderr).toContain(`${pagePath}\n`);
    expect(result.stderr).toMatch(new RegExp(`\\n  ${typo.line}:${typo.column} +error +${escapeRegExp(message)}\\n${escapeRegExp(frame)}`));
    expect(result.stderr).toMatch(/^✖ 1 error(, ⚠ \d+ warnings?)? in 1 file checked$/m);
  }, 60_000);

  it('passes staged clean content even when the working tree is broken', () => {
    const dir = repository();
    const file = path.join(dir, pagePath);
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, original.replace('title: Directory Group\n', 'title: Directory Groups\n'));
    gitOk(dir, ['add', pagePath]);
    fs.writeFileSync(file, withTypo(original).text);

    const result = runPolyrefInRepository(dir, ['check', '--staged']);
    expect(result.stderr).not.toContain('unresolved-description');
    expect(result.stderr).toMatch(/1 file checked/);
    expect(result.status).toBe(0);
  }, 60_000);

  it('resolves a staged page against the whole site, staged pages from the index and the rest from the working tree', () => {
    const dir = repository();
    // The key `get_directory_group.id` is defined on get.mdx, which is not staged; the staged page uses it.
    const file = path.join(dir, pagePath);
    const staged = fs.readFileSync(file, 'utf8').replace('description: (directory_group.id)\n', 'description: (get_directory_group.id)\n');
    fs.writeFileSync(file, staged);
    gitOk(dir, ['add', pagePath]);
    const result = runPolyrefInRepository(dir, ['check', '--staged', '--format', 'json']);
    const report = JSON.parse(result.stdout) as Array<{ filePath: string; errorCount: number; messages: Array<{ message: string }> }>;
    expect(report.find((entry) => entry.filePath === pagePath)?.errorCount).toBe(0);
    // Other pages are reported only for what the change does to them (their parity with the changed entries), as such.
    for (const entry of report.filter((other) => other.filePath !== pagePath)) {
      expect(entry.errorCount).toBe(0);
      for (const { message } of entry.messages) expect(message).toMatch(/ \(broken by the change to content\/reference\/directory-sync\/directory-group\/index\.mdx\)$/);
    }
    expect(result.status).toBe(0);
  }, 60_000);

  it('reports on the staged pages only, with what their staged text breaks', () => {
    const dir = repository();
    const file = path.join(dir, referencing);
    // Renaming a key the page itself references: its own reference no longer resolves.
    const staged = fs.readFileSync(file, 'utf8').replace('    id: \'Identifier of the Directory Group to fetch.\'', '    group_id: \'Identifier of the Directory Group to fetch.\'');
    expect(staged).not.toBe(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, staged);
    gitOk(dir, ['add', referencing]);
    const result = runPolyrefInRepository(dir, ['check', '--staged', '--format', 'json']);
    const report = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    expect(report.map((entry) => entry.filePath)).toEqual([referencing]);
    expect(report[0]!.messages.map((message) => message.ruleId)).toContain('unresolved-description');
  }, 60_000);

  it('checks a renamed page under its new name', () => {
    const dir = repository();
    const renamed = 'content/reference/directory-sync/directory-group/fetch.mdx';
    gitOk(dir, ['mv', referencing, renamed]);
    const result = runPolyrefInRepository(dir, ['check', '--staged', '--format', 'json']);
    const report = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ message: string }> }>;
    expect(report.map((entry) => entry.filePath)).toContain(renamed);
    expect(report.map((entry) => entry.filePath)).not.toContain(referencing);
    // The pages that linked to the old URL are reported for the links the rename broke.
    const others = report.filter((entry) => entry.filePath !== renamed);
    expect(others.length).toBeGreaterThan(0);
    for (const { message } of others.flatMap((entry) => entry.messages)) expect(message).toContain(`(broken by the rename of ${referencing} to ${renamed})`);
  }, 60_000);

  it('says so when no page is staged, and ignores staged files outside the content root', () => {
    const dir = repository();
    fs.writeFileSync(path.join(dir, 'notes.mdx'), '# Not a page\n');
    fs.writeFileSync(path.join(dir, 'examples/directory-group/python.py'), '# changed\n');
    gitOk(dir, ['add', 'notes.mdx', 'examples/directory-group/python.py']);
    const result = runPolyrefInRepository(dir, ['check', '--staged']);
    expect(result.stderr).toBe('✔ no staged pages to check\n');
    expect(result.status).toBe(0);
    const json = runPolyrefInRepository(dir, ['check', '--staged', '--format', 'json']);
    expect([json.stdout, json.stderr, json.status]).toEqual(['[]\n', '', 0]);
  }, 60_000);

  it('exits 2 outside a git repository and with paths', () => {
    const project = makeProject({ 'content/a.mdx': '# A\n' });
    cleanups.push(project.cleanup);
    const outside = runPolyrefInRepository(project.dir, ['check', '--staged']);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/^polyref: `git rev-parse` failed for `--staged`: fatal: not a git repository/);
    expect(outside.stderr).toContain('hint: `--staged` runs inside a git work tree');

    const dir = repository();
    const withPaths = runPolyrefInRepository(dir, ['check', '--staged', pagePath]);
    expect(withPaths.status).toBe(2);
    expect(withPaths.stderr).toContain('polyref: Unexpected paths with `--staged`, expected one or the other');
  }, 60_000);
});
