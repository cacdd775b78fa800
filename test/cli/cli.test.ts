import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, repoRoot, runPolyref, writeFiles } from '../helpers/run-cli.js';

const example = fs.readFileSync(path.join(repoRoot, 'content/reference/directory-sync/directory-group/index.mdx'), 'utf8');
const typoPage = example.replace('description: (directory_group.idp)\n', 'description: (directory_group.idpp)\n');
const typoLine = typoPage.split('\n').findIndex((line) => line.includes('(directory_group.idpp)')) + 1;
const typoColumn = typoPage.split('\n')[typoLine - 1]!.indexOf('(directory_group.idpp)') + 1;

function copyExampleSite(): { dir: string; cleanup: () => void } {
  const project = makeProject({});
  fs.cpSync(path.join(repoRoot, 'content'), path.join(project.dir, 'content'), { recursive: true });
  fs.cpSync(path.join(repoRoot, 'examples'), path.join(project.dir, 'examples'), { recursive: true });
  return project;
}

function hashTree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else hashes[path.relative(dir, file)] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    }
  };
  walk(dir);
  return hashes;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function project(files: Record<string, string> = {}) {
  const created = copyExampleSite();
  writeFiles(created.dir, files);
  cleanups.push(created.cleanup);
  return created.dir;
}

describe('polyref check', () => {
  it('passes the bundled example site, warning only about its two deliberate parity gaps', () => {
    const result = runPolyref(['check'], repoRoot);
    expect(result.stderr).not.toContain('✖');
    expect(result.stderr.match(/ parity-gap/g)).toHaveLength(2);
    expect(result.stderr).toContain('Unexpected missing `directory_group.organization_id` in python');
    expect(result.stderr).toContain('Unexpected missing `directory_user.custom_attributes` in java');
    expect(result.status).toBe(0);
  });

  it('fails on a typo with file, line, column, rule and suggestion', () => {
    const dir = project({ 'content/reference/directory-sync/directory-group/index.mdx': typoPage });
    const result = runPolyref(['check'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content/reference/directory-sync/directory-group/index.mdx');
    expect(result.stderr).toContain(`${typoLine}:${typoColumn}`);
    expect(result.stderr).toContain('unresolved-description');
    expect(result.stderr).toContain('did you mean `directory_group.idp`?');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints ESLint-shaped JSON on stdout', () => {
    const dir = project({ 'content/reference/directory-sync/directory-group/index.mdx': typoPage });
    const result = runPolyref(['check', '--format', 'json'], dir);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as Array<{ filePath: string; errorCount: number; messages: unknown[] }>;
    const file = report.find((entry) => entry.filePath === 'content/reference/directory-sync/directory-group/index.mdx');
    expect(file?.errorCount).toBe(1);
    // The copied site also has parity gaps, which are warnings.
    expect(file?.messages.filter((message) => (message as { severity: number }).severity === 2)).toEqual([
      {
        ruleId: 'unresolved-description',
        severity: 2,
        message:
          'Unexpected unresolved description `(directory_group.idpp)`, expected a key in `descriptions` (did you mean `directory_group.idp`?)',
        line: typoLine,
        column: typoColumn,
        endLine: typoLine,
        endColumn: typoColumn + '(directory_group.idpp)'.length,
        suggestions: ['directory_group.idp'],
        url: pathToFileURL(path.join(repoRoot, 'docs/rules/unresolved-description.md')).href,
      },
    ]);
  });

  it('prints GitHub workflow annotations', () => {
    const dir = project({ 'content/reference/directory-sync/directory-group/index.mdx': typoPage });
    const result = runPolyref(['check', '--format', 'github'], dir);
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('::error')).join('\n')).toBe(
      `::error file=content/reference/directory-sync/directory-group/index.mdx,line=${typoLine},col=${typoColumn},endLine=${typoLine},endColumn=${typoColumn + 22},title=polyref(unresolved-description)::Unexpected unresolved description \`(directory_group.idpp)\`, expected a key in \`descriptions\` (did you mean \`directory_group.idp\`?)`,
    );
  });

  it('reports only on the given paths but resolves against the whole site', () => {
    const dir = project({
      'content/reference/directory-sync/directory-group/index.mdx': typoPage,
      // Uses keys defined on other pages: must stay clean when checked alone (outside reference/, whose sidebar does not list it).
      'content/extra.mdx': '---\ntitle: Extra\nreference:\n  python:\n    - key: Extra\n      id: extra\n      url: /extra\n      properties:\n        - key: id\n          type: str\n          description: (directory_group.id)\n---\n',
    });
    const alone = runPolyref(['check', 'content/extra.mdx'], dir);
    expect(alone.stderr).toContain('1 file checked, no problems');
    expect(alone.status).toBe(0);
    const both = runPolyref(['check', 'content/extra.mdx', 'content/reference/directory-sync/directory-group'], dir);
    expect(both.status).toBe(1);
  });

  it('exits 2 on a bad configuration or usage', () => {
    const dir = project({ 'polyref.config.json': '{ "contnet": "docs" }' });
    const bad = runPolyref(['check'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown key `contnet`');
    expect(runPolyref(['check', '--format', 'xml'], dir).status).toBe(2);
    expect(runPolyref(['frobnicate'], dir).status).toBe(2);
    expect(runPolyref(['check', '--content', 'nowhere'], project()).status).toBe(2);
  });

  it('lists its rules', () => {
    const result = runPolyref(['rules'], repoRoot);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^unresolved-description\s+error\s+/m);
    expect(result.stdout).toMatch(/^unused-description\s+warn\s+/m);
  });
});

describe('polyref build', () => {
  it('writes every page, the index and the assets', () => {
    const dir = project();
    const result = runPolyref(['build'], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/Built 13 pages/);
    for (const file of [
      'index.html',
      'reference/directory-sync/directory-group/index.html',
      'reference/directory-sync/directory-group/get/index.html',
      'reference/shared/index.html',
      'assets/polyref.css',
      'assets/polyref.js',
    ]) {
      expect(fs.existsSync(path.join(dir, 'out', file)), file).toBe(true);
    }
    expect(fs.readdirSync(dir).filter((name) => name.includes('polyref-'))).toEqual([]);
  });

  it('gives byte-identical output across runs', () => {
    const dir = project();
    expect(runPolyref(['build'], dir).status).toBe(0);
    const first = hashTree(path.join(dir, 'out'));
    expect(runPolyref(['build'], dir).status).toBe(0);
    expect(hashTree(path.join(dir, 'out'))).toEqual(first);
  });

  it('fails on any error and leaves the previous output untouched', () => {
    const dir = project();
    expect(runPolyref(['build'], dir).status).toBe(0);
    const before = hashTree(path.join(dir, 'out'));
    writeFiles(dir, { 'content/reference/directory-sync/directory-group/index.mdx': typoPage });
    const failed = runPolyref(['build'], dir);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('unresolved-description');
    expect(failed.stderr).toContain('was left as it was');
    expect(hashTree(path.join(dir, 'out'))).toEqual(before);
    expect(fs.readdirSync(dir).filter((name) => name.includes('polyref-'))).toEqual([]);
  });

  it('lets a project override any template by name', () => {
    const dir = project({
      'templates/components/Callout.hbs': '<div class="my-callout">{{{children}}}</div>\n',
    });
    expect(runPolyref(['build'], dir).status).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'out/reference/directory-sync/directory/delete/index.html'), 'utf8');
    expect(html).toContain('<div class="my-callout">');
    expect(html).not.toContain('class="callout');
  });

  it('reports a broken template as a configuration error', () => {
    const dir = project({ 'templates/page.hbs': '{{#if}}' });
    const result = runPolyref(['build'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Cannot compile template');
    expect(result.stderr).toContain('page.hbs');
  });

  it('prefixes root-relative links with the base path', () => {
    const dir = project({ 'polyref.config.json': '{ "basePath": "/docs/" }' });
    expect(runPolyref(['build'], dir).status).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'out/reference/directory-sync/directory-group/index.html'), 'utf8');
    expect(html).toContain('href="/docs/assets/polyref.css"');
    expect(html).toContain('href="/docs/reference/directory-sync/directory-group"');
    expect(html).not.toMatch(/href="\/reference\//);
  });

  it('writes the sidebar once, in a navigation file, and each page with only the way to itself', () => {
    const dir = project({ 'polyref.config.json': '{ "basePath": "/docs/" }' });
    expect(runPolyref(['build'], dir).status).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'out/reference/directory-sync/directory-group/get/index.html'), 'utf8');
    const sidebar = /<nav class="sidebar".*?<\/nav>/s.exec(html)![0];
    expect(sidebar).toContain('data-nav-file="/docs/assets/nav/reference/_navigation.json"');
    expect(sidebar).toContain('href="/docs/reference/directory-sync/directory-group/list"');
    // Another section: its own link, folded, without the links below it.
    expect(sidebar).toContain('<li class="nav-group collapsed" data-nav-children="1-1"><a href="/docs/reference/directory-sync/directory">Directory</a></li>');
    expect(sidebar).not.toContain('/docs/reference/directory-sync/directory/get');
    // Previous and next still follow the whole sidebar.
    expect(html).toContain('<a class="pager-link pager-previous" href="/docs/reference/directory-sync/directory-group" rel="prev">');

    const file = JSON.parse(fs.readFileSync(path.join(dir, 'out/assets/nav/reference/_navigation.json'), 'utf8')) as { sections: Array<{ id: string; html: string }> };
    expect(file.sections.map((section) => section.id)).toEqual(['1', '1-1', '1-2', '1-3']);
    expect(file.sections[1]!.html).toBe(
      [
        '<ul>',
        '<li class="nav-item"><a href="/docs/reference/directory-sync/directory/get">Get a Directory</a></li>',
        '<li class="nav-item"><a href="/docs/reference/directory-sync/directory/list">List Directories</a></li>',
        '<li class="nav-item"><a href="/docs/reference/directory-sync/directory/delete">Delete a Directory</a></li>',
        '</ul>',
        '',
      ].join('\n'),
    );
    // The home page has no `_navigation.mdx` above it: its folder tree gets the root's file.
    expect(fs.readFileSync(path.join(dir, 'out/index.html'), 'utf8')).toContain('data-nav-file="/docs/assets/nav/_navigation.json"');
    expect(fs.existsSync(path.join(dir, 'out/assets/nav/_navigation.json'))).toBe(true);
  });

  it('refuses to build into a folder that holds the content', () => {
    const dir = project();
    const result = runPolyref(['build', '--out', '.'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Refusing to build');
    expect(fs.existsSync(path.join(dir, 'content'))).toBe(true);
  });
});
