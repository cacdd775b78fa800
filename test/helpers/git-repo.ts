import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { binary, makeProject, repoRoot } from './run-cli.js';

/**
 * The environment for git in tests: no user or system config (a global
 * `core.hooksPath` or signing setting would change what a commit does), and
 * no `GIT_*` variables inherited from a hook the test suite itself runs in.
 */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return { ...env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', FORCE_COLOR: '', ...extra };
}

export interface GitResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function git(dir: string, args: string[], env: Record<string, string> = {}): GitResult {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: gitEnv(env) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like `git`, but a failure is the test's own mistake: throw with git's words. */
export function gitOk(dir: string, args: string[]): string {
  const result = git(dir, args);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** A fresh repository holding a copy of the bundled example site, committed once. */
export function exampleRepository(): { dir: string; cleanup: () => void } {
  const project = makeProject({});
  fs.cpSync(path.join(repoRoot, 'content'), path.join(project.dir, 'content'), { recursive: true });
  fs.cpSync(path.join(repoRoot, 'examples'), path.join(project.dir, 'examples'), { recursive: true });
  commitEverything(project.dir, 'Example site');
  return project;
}

/** A fresh repository holding `files`, committed once. */
export function repositoryWith(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const project = makeProject(files);
  commitEverything(project.dir, 'A site');
  return project;
}

function commitEverything(dir: string, message: string): void {
  gitOk(dir, ['init', '-q', '-b', 'main']);
  gitOk(dir, ['config', 'user.name', 'Docs Writer']);
  gitOk(dir, ['config', 'user.email', 'docs@example.com']);
  gitOk(dir, ['config', 'commit.gpgsign', 'false']);
  gitOk(dir, ['add', '-A']);
  gitOk(dir, ['commit', '-q', '-m', message]);
}

/** `.git/hooks/pre-commit` running the real polyref binary on the staged pages, as a project would install it. */
export function installPreCommitHook(dir: string): void {
  const hook = path.join(dir, '.git/hooks/pre-commit');
  fs.mkdirSync(path.dirname(hook), { recursive: true });
  fs.writeFileSync(hook, `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(binary)} check --staged\n`, { mode: 0o755 });
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The real binary run with the test git environment, so it reads the repository in `dir` and nothing else. */
export function runPolyrefInRepository(dir: string, args: string[]): GitResult {
  const result = spawnSync(process.execPath, [binary, ...args], { cwd: dir, encoding: 'utf8', env: gitEnv() });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
