import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, repoRoot, runPolyref, writeFiles } from '../helpers/run-cli.js';

const pagePath = 'content/reference/directory-sync/directory-group/index.mdx';
const listPath = 'content/reference/directory-sync/directory-group/list.mdx';
const example = fs.readFileSync(path.join(repoRoot, pagePath), 'utf8');
const list = fs.readFileSync(path.join(repoRoot, listPath), 'utf8');

// One typo with one close candidate in a description reference, one in an item reference.
const typoPage = example.replace('description: (directory_group.idp)\n', 'description: (directory_group.idpp)\n');
const typoList = list.replace('        - (ListMetadata)\n', '        - (ListMetadat)\n');

function placeOf(source: string, text: string): string {
  const lines = source.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(text));
  return `${line + 1}:${lines[line]!.indexOf(text) + 1}`;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function exampleSite(files: Record<string, string>): string {
  const project = makeProject({});
  cleanups.push(project.cleanup);
  for (const folder of ['content', 'examples']) fs.cpSync(path.join(repoRoot, folder), path.join(project.dir, folder), { recursive: true });
  for (const file of ['polyref.config.json', 'openapi.yaml']) fs.copyFileSync(path.join(repoRoot, file), path.join(project.dir, file));
  writeFiles(project.dir, files);
  return project.dir;
}

describe('polyref check --fix', () => {
  it('fixes typos with one candidate in place, says what it changed, then reports what remains', () => {
    const dir = exampleSite({ [pagePath]: typoPage, [listPath]: typoList });
    const result = runPolyref(['check', '--fix'], dir);
    expect(result.status).toBe(0);
    const fixedLines = result.stderr.split('\n').filter((line) => line.startsWith('fixed '));
    expect(fixedLines).toEqual([
      `fixed ${pagePath}:${placeOf(typoPage, '(directory_group.idpp)')} (directory_group.idpp) → (directory_group.idp)`,
      `fixed ${listPath}:${placeOf(typoList, '(ListMetadat)')} (ListMetadat) → (ListMetadata)`,
    ]);
    expect(fs.readFileSync(path.join(dir, pagePath), 'utf8')).toBe(example);
    expect(fs.readFileSync(path.join(dir, listPath), 'utf8')).toBe(list);
    // What remains is the example's two deliberate parity gaps.
    expect(result.stderr).not.toContain('unresolved-');
    expect(result.stderr).toContain('⚠ 2 warnings');
  });

  it('changes nothing when run a second time', () => {
    const dir = exampleSite({ [pagePath]: typoPage });
    expect(runPolyref(['check', '--fix'], dir).status).toBe(0);
    const again = runPolyref(['check', '--fix'], dir);
    expect(again.status).toBe(0);
    expect(again.stderr).not.toContain('fixed ');
    expect(fs.readFileSync(path.join(dir, pagePath), 'utf8')).toBe(example);
  });

  it('keeps machine output clean: the report of changes goes to stderr', () => {
    const dir = exampleSite({ [pagePath]: typoPage });
    const result = runPolyref(['check', '--fix', '--format', 'json'], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('fixed ');
    const report = JSON.parse(result.stdout) as Array<{ filePath: string; errorCount: number }>;
    expect(report.find((file) => file.filePath === pagePath)?.errorCount).toBe(0);
  });

  it('without --fix, reports the typo and writes nothing', () => {
    const dir = exampleSite({ [pagePath]: typoPage });
    const result = runPolyref(['check'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toContain('fixed ');
    expect(fs.readFileSync(path.join(dir, pagePath), 'utf8')).toBe(typoPage);
  });

  it('changes nothing in a file with an MDX syntax error, and still reports', () => {
    const broken = `${typoPage}\n<Callout type="info">\nnever closed\n`;
    const dir = exampleSite({ [pagePath]: broken });
    const result = runPolyref(['check', '--fix'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toContain('fixed ');
    expect(result.stderr).toContain('mdx-syntax');
    expect(fs.readFileSync(path.join(dir, pagePath), 'utf8')).toBe(broken);
  });
});
