import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

/** What `npm pack` would put in the package, by path. */
function packedFiles(): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((file) => file.path);
}

describe('the polyref package', () => {
  it('ships what its messages and editors point to: the rule pages, the page format and the JSON Schemas', () => {
    const files = new Set(packedFiles());
    const wanted = [
      ...fs.readdirSync(path.join(repoRoot, 'docs/rules')).map((name) => `docs/rules/${name}`),
      'docs/format.md',
      ...fs.readdirSync(path.join(repoRoot, 'schemas')).map((name) => `schemas/${name}`),
    ];
    expect(wanted.filter((file) => !files.has(file))).toEqual([]);
    expect(wanted).toContain('schemas/polyref.config.schema.json');
    expect(wanted).toContain('docs/rules/unresolved-description.md');
  }, 60_000);
});
