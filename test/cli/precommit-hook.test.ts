import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { exampleRepository, git, gitEnv, gitOk, installPreCommitHook } from '../helpers/git-repo.js';
import { binary, repoRoot } from '../helpers/run-cli.js';

const pagePath = 'content/reference/directory-sync/directory-group/index.mdx';
const typoMessage =
  'Unexpected unresolved description `(directory_group.nmae)`, expected a key in `descriptions` (did you mean `directory_group.name`?)';

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

function plantTypo(dir: string): { line: number; column: number } {
  const file = path.join(dir, pagePath);
  const text = fs.readFileSync(file, 'utf8').replace('description: (directory_group.name)\n', 'description: (directory_group.nmae)\n');
  fs.writeFileSync(file, text);
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.includes('(directory_group.nmae)'));
  return { line: index + 1, column: lines[index]!.indexOf('(directory_group.nmae)') + 1 };
}

function commitCount(dir: string): number {
  return Number(gitOk(dir, ['rev-list', '--count', 'HEAD']).trim());
}

describe('git pre-commit hook running `polyref check --staged`', () => {
  it('refuses a commit with an unresolved reference, printing the diagnostic, and accepts it once fixed', () => {
    const dir = repository();
    installPreCommitHook(dir);
    const typo = plantTypo(dir);
    gitOk(dir, ['add', pagePath]);

    const refused = git(dir, ['commit', '-m', 'Rename a description']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${pagePath}\n`);
    expect(refused.stderr).toMatch(new RegExp(`\\n  ${typo.line}:${typo.column} +error +${escapeRegExp(typoMessage)}  unresolved-description\\n`));
    expect(refused.stderr).toMatch(/^✖ 1 error/m);
    expect(commitCount(dir)).toBe(1);

    const file = path.join(dir, pagePath);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('(directory_group.nmae)', '(directory_group.name)').replace('title: Directory Group\n', 'title: Directory Groups\n'));
    gitOk(dir, ['add', pagePath]);
    const accepted = git(dir, ['commit', '-m', 'Rename the page']);
    expect(accepted.stderr).toMatch(/^✔ 1 file checked, no problems$|^⚠ \d+ warnings? in 1 file checked$/m);
    expect(accepted.status).toBe(0);
    expect(commitCount(dir)).toBe(2);
  }, 60_000);

  it('judges what is staged: a fix left unstaged does not let the commit through', () => {
    const dir = repository();
    installPreCommitHook(dir);
    plantTypo(dir);
    gitOk(dir, ['add', pagePath]);
    const file = path.join(dir, pagePath);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('(directory_group.nmae)', '(directory_group.name)'));

    const refused = git(dir, ['commit', '-m', 'Typo staged, fix not staged']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(typoMessage);
    expect(commitCount(dir)).toBe(1);
  }, 60_000);
});

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const hasPreCommit = preCommit.status === 0;

const frameworkSuite = hasPreCommit
  ? 'the pre-commit framework'
  : 'the pre-commit framework (skipped: `pre-commit` is not on PATH; `apt-get install pre-commit` or `pip install pre-commit`)';

describe.skipIf(!hasPreCommit)(frameworkSuite, () => {
  function preCommitEnv(): NodeJS.ProcessEnv {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'polyref-pre-commit-home-'));
    cleanups.push(() => fs.rmSync(home, { recursive: true, force: true }));
    return gitEnv({ PRE_COMMIT_HOME: home });
  }

  it('accepts the hook manifest in .pre-commit-hooks.yaml', () => {
    const result = spawnSync('pre-commit', ['validate-manifest', path.join(repoRoot, '.pre-commit-hooks.yaml')], { encoding: 'utf8', env: preCommitEnv() });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  it('runs the polyref-check hook on the staged pages, refusing a broken commit and accepting a clean one', () => {
    const dir = repository();
    const env = preCommitEnv();
    // The published hook, run as a local one on the real binary instead of an installed package.
    const [published] = parse(fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    const hook = { ...published, entry: `${process.execPath} ${binary} check`, language: 'system' };
    fs.writeFileSync(path.join(dir, '.pre-commit-config.yaml'), stringify({ repos: [{ repo: 'local', hooks: [hook] }] }));
    gitOk(dir, ['add', '.pre-commit-config.yaml']);
    gitOk(dir, ['commit', '-q', '-m', 'Add pre-commit configuration', '--no-verify']);
    const install = spawnSync('pre-commit', ['install'], { cwd: dir, encoding: 'utf8', env });
    expect(install.status, install.stderr).toBe(0);

    const typo = plantTypo(dir);
    gitOk(dir, ['add', pagePath]);
    const refused = spawnSync('git', ['commit', '-m', 'Typo'], { cwd: dir, encoding: 'utf8', env });
    const output = refused.stdout + refused.stderr;
    expect(refused.status).toBe(1);
    expect(output).toMatch(/polyref check\.+Failed/);
    expect(output).toMatch(new RegExp(`\\n  ${typo.line}:${typo.column} +error +${escapeRegExp(typoMessage)}  unresolved-description\\n`));
    expect(commitCount(dir)).toBe(2);

    const file = path.join(dir, pagePath);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('(directory_group.nmae)', '(directory_group.name)').replace('title: Directory Group\n', 'title: Directory Groups\n'));
    gitOk(dir, ['add', pagePath]);
    const accepted = spawnSync('git', ['commit', '-m', 'Rename the page'], { cwd: dir, encoding: 'utf8', env });
    expect(accepted.stdout + accepted.stderr).toMatch(/polyref check\.+Passed/);
    expect(accepted.status).toBe(0);
    expect(commitCount(dir)).toBe(3);
  }, 60_000);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
