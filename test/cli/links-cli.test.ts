import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, repoRoot, runPolyref, writeFiles } from '../helpers/run-cli.js';

const getPath = 'content/reference/directory-sync/directory-group/get.mdx';
const get = fs.readFileSync(path.join(repoRoot, getPath), 'utf8');

// A body link to a page that does not exist, and a description link to an anchor that does not.
const brokenPage = get
  .replace('[list its users](/reference/directory-sync/directory-user/list)', '[list its users](/reference/directory-sync/directory-users/list)')
  .replace(
    "self: 'Fetches one [Directory Group](/reference/directory-sync/directory-group) by its identifier.'",
    "self: 'Fetches one [Directory Group](/reference/directory-sync/directory-group#directory_group.nam) by its identifier.'",
  );

function placeOf(source: string, text: string): { line: number; column: number } {
  const lines = source.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(text));
  return { line: line + 1, column: lines[line]!.indexOf(text) + 1 };
}

interface EslintFile {
  filePath: string;
  messages: Array<{ ruleId: string; line: number; column: number; message: string; suggestions: string[] }>;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function exampleSite(files: Record<string, string>): string {
  const project = makeProject({});
  cleanups.push(project.cleanup);
  for (const folder of ['content', 'examples']) fs.cpSync(path.join(repoRoot, folder), path.join(project.dir, folder), { recursive: true });
  writeFiles(project.dir, files);
  return project.dir;
}

function brokenLinks(dir: string, args: string[] = []): EslintFile['messages'] {
  const result = runPolyref(['check', '--format', 'json', ...args], dir);
  const report = JSON.parse(result.stdout) as EslintFile[];
  return report.flatMap((file) => file.messages.filter((message) => message.ruleId === 'broken-link'));
}

describe('broken links in `polyref check`', () => {
  it('reports a broken link and a broken anchor at their exact line and column', () => {
    expect(brokenLinks(exampleSite({}))).toEqual([]);
    const dir = exampleSite({ [getPath]: brokenPage });
    const result = runPolyref(['check', '--format', 'json'], dir);
    expect(result.status).toBe(1);
    const file = (JSON.parse(result.stdout) as EslintFile[]).find((entry) => entry.filePath === getPath)!;
    const links = file.messages.filter((message) => message.ruleId === 'broken-link');
    expect(links.map(({ line, column, message, suggestions }) => ({ line, column, message, suggestions }))).toEqual([
      {
        ...placeOf(brokenPage, '/reference/directory-sync/directory-group#directory_group.nam'),
        message:
          'Unexpected link `/reference/directory-sync/directory-group#directory_group.nam` to no anchor `#directory_group.nam` on `/reference/directory-sync/directory-group`, expected a heading, entry or property anchor of that page (did you mean `/reference/directory-sync/directory-group#directory_group.name`?)',
        suggestions: ['/reference/directory-sync/directory-group#directory_group.name'],
      },
      {
        ...placeOf(brokenPage, '[list its users]'),
        message:
          'Unexpected link `/reference/directory-sync/directory-users/list` to no page, expected the URL of a page (did you mean `/reference/directory-sync/directory-user/list`?)',
        suggestions: ['/reference/directory-sync/directory-user/list'],
      },
    ]);
  });

  it('skips links matched by `ignoreLinks`', () => {
    const dir = exampleSite({
      [getPath]: brokenPage,
      'polyref.config.json': JSON.stringify({ ignoreLinks: ['^/reference/directory-sync/directory-users/', '#directory_group\\.nam$'] }),
    });
    expect(brokenLinks(dir)).toEqual([]);
  });

  it('refuses an `ignoreLinks` pattern that is not a regular expression, as a configuration error', () => {
    const dir = exampleSite({ 'polyref.config.json': '{ "ignoreLinks": ["^/guides/("] }' });
    const result = runPolyref(['check'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('`ignoreLinks[0]` `^/guides/(` is not a valid regular expression');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('accepts links written with the base path', () => {
    const prefixed = get.replace('(/reference/directory-sync/directory-user/list)', '(/docs/reference/directory-sync/directory-user/list#list_directory_users)');
    const dir = exampleSite({ [getPath]: prefixed, 'polyref.config.json': '{ "basePath": "/docs/" }' });
    expect(brokenLinks(dir)).toEqual([]);
    writeFiles(dir, { 'polyref.config.json': '{}' });
    expect(brokenLinks(dir).map((message) => message.message.split(',')[0])).toEqual([
      'Unexpected link `/docs/reference/directory-sync/directory-user/list#list_directory_users` to no page',
    ]);
  });
});
