import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, repoRoot, runPolyref } from '../helpers/run-cli.js';
import { compileSchema, frontmatterOf, mdxFiles } from '../helpers/schemas.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function emptyFolder(): string {
  const project = makeProject({});
  cleanups.push(project.cleanup);
  return project.dir;
}

/** Every file under `folder`, by relative path, with its bytes. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files[path.relative(folder, path.join(entry.parentPath, entry.name))] = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

const starterSite = [
  '.vscode/settings.json',
  'content/_navigation.mdx',
  'content/index.mdx',
  'content/reference/shared.mdx',
  'content/reference/widget/create.mdx',
  'content/reference/widget/index.mdx',
  'examples/create-widget-request/curl.sh',
  'examples/create-widget-request/js.js',
  'examples/create-widget-request/python.py',
  'examples/create-widget-response/curl.json',
  'examples/create-widget-response/js.js',
  'examples/create-widget-response/python.py',
  'examples/widget/curl.json',
  'examples/widget/js.js',
  'examples/widget/python.py',
  'polyref.config.json',
];

describe('polyref init', () => {
  it('writes a site that checks clean without a warning and builds, on an empty folder', () => {
    const dir = emptyFolder();
    const init = runPolyref(['init'], dir);
    expect(init.status, init.stderr).toBe(0);
    expect(Object.keys(snapshot(dir)).sort()).toEqual(starterSite);
    expect(init.stdout).toBe('');
    const inWritingOrder = ['polyref.config.json', ...starterSite.filter((name) => /^(content|examples)\//.test(name)), '.vscode/settings.json'];
    expect(init.stderr).toBe(
      ['polyref init: wrote a starter site into .', ...inWritingOrder.map((name) => `  ${name}`), 'Next:', '  npx polyref check', '  npx polyref build', '  npx polyref serve', ''].join('\n'),
    );

    const check = runPolyref(['check', '--format', 'json', '--max-warnings', '0'], dir);
    expect(check.status, check.stdout).toBe(0);
    const results = JSON.parse(check.stdout) as Array<{ filePath: string; messages: unknown[] }>;
    expect(results.map((result) => result.filePath).sort()).toEqual(starterSite.filter((name) => name.startsWith('content/')));
    expect(results.flatMap((result) => result.messages)).toEqual([]);

    const build = runPolyref(['build'], dir);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toMatch(/Built 4 pages into out in [\d.]+s: 0 errors, 0 warnings\n$/);
    for (const page of ['index.html', 'reference/widget/index.html', 'reference/widget/create/index.html', 'reference/shared/index.html']) {
      expect(fs.existsSync(path.join(dir, 'out', page)), page).toBe(true);
    }
  }, 120_000);

  it('configures exactly the languages it has examples for, one file per language in every example folder', () => {
    const dir = emptyFolder();
    expect(runPolyref(['init'], dir).status).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'polyref.config.json'), 'utf8')) as { languages: Array<{ id: string }> };
    const languages = config.languages.map((language) => language.id);
    expect(languages).toEqual(['curl', 'python', 'js']);
    const examples = path.join(dir, 'examples');
    for (const folder of fs.readdirSync(examples)) {
      expect(fs.readdirSync(path.join(examples, folder)).map((name) => name.replace(/\.[^.]+$/, '')).sort(), folder).toEqual([...languages].sort());
    }
  });

  it('writes files the shipped JSON Schemas accept, naming them for editors', () => {
    const dir = emptyFolder();
    expect(runPolyref(['init'], dir).status).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'polyref.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.$schema).toBe('./node_modules/polyref/schemas/polyref.config.schema.json');
    const validateConfig = compileSchema('polyref.config.schema.json');
    expect(validateConfig(config), JSON.stringify(validateConfig.errors)).toBe(true);
    const validatePage = compileSchema('page.schema.json');
    const validateNavigation = compileSchema('navigation.schema.json');
    const pages = mdxFiles(path.join(dir, 'content'));
    expect(pages.length).toBe(5);
    for (const page of pages) {
      const validate = path.basename(page) === '_navigation.mdx' ? validateNavigation : validatePage;
      expect(validate(frontmatterOf(page)), `${page}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(JSON.parse(fs.readFileSync(path.join(dir, '.vscode/settings.json'), 'utf8'))).toEqual({
      'files.associations': { '**/_navigation.mdx': 'yaml' },
      'yaml.schemas': {
        './node_modules/polyref/schemas/page.schema.json': ['content/**/*.mdx'],
        './node_modules/polyref/schemas/navigation.schema.json': ['content/**/_navigation.mdx'],
      },
    });
  });

  it('names the schemas of the polyref the project installed, from a folder below it', () => {
    const project = emptyFolder();
    const installed = path.join(project, 'node_modules/polyref');
    for (const name of ['bin', 'dist', 'docs', 'schemas', 'starter', 'templates', 'package.json']) fs.cpSync(path.join(repoRoot, name), path.join(installed, name), { recursive: true });
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(installed, 'node_modules'));
    const result = spawnSync(process.execPath, [path.join(installed, 'bin/polyref.js'), 'init', 'docs'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status, result.stderr).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(project, 'docs/polyref.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.$schema).toBe('../node_modules/polyref/schemas/polyref.config.schema.json');
    expect(fs.existsSync(path.resolve(project, 'docs', config.$schema as string))).toBe(true);
    expect(result.stderr).toContain('Next:\n  cd docs\n  npx polyref check\n');

    // Its reports link the rule pages of that install, not a path of the site.
    const page = path.join(project, 'docs/content/reference/widget/index.mdx');
    fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('description: (widget.id)', 'description: (widget.idd)'));
    const check = spawnSync(process.execPath, [path.join(installed, 'bin/polyref.js'), 'check', '--format', 'json'], { cwd: path.join(project, 'docs'), encoding: 'utf8' });
    const messages = (JSON.parse(check.stdout) as Array<{ messages: Array<{ ruleId: string; url: string; line: number; column: number }> }>).flatMap((file) => file.messages);
    // One mistake, one message: the property it leaves undocumented is no parity gap besides.
    expect(messages.map(({ ruleId, url, line, column }) => ({ ruleId, url, line, column }))).toEqual([
      { ruleId: 'unresolved-description', url: pathToFileURL(path.join(installed, 'docs/rules/unresolved-description.md')).href, line: 21, column: 24 },
    ]);
  }, 60_000);

  it('writes into a new folder it names, and beside files of another kind', () => {
    const dir = emptyFolder();
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "acme-docs" }\n');
    expect(runPolyref(['init', 'site'], dir).status).toBe(0);
    expect(Object.keys(snapshot(path.join(dir, 'site'))).sort()).toEqual(starterSite);
    expect(runPolyref(['init'], dir).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe('{ "name": "acme-docs" }\n');
    expect(runPolyref(['check', '--max-warnings', '0'], path.join(dir, 'site')).status).toBe(0);
  }, 60_000);

  it('refuses a folder that has a site, writing nothing, and exits 2', () => {
    const dir = emptyFolder();
    fs.mkdirSync(path.join(dir, 'content'));
    fs.writeFileSync(path.join(dir, 'content/index.mdx'), '# Mine\n');
    fs.writeFileSync(path.join(dir, 'polyref.config.json'), '{}\n');
    const before = snapshot(dir);
    const result = runPolyref(['init'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'polyref: Refusing to write a starter site into `.`: `polyref.config.json`, `content` already exist\n  hint: run `polyref init NEW-FOLDER`, or `polyref init` in an empty folder\n',
    );
    expect(snapshot(dir)).toEqual(before);

    const second = emptyFolder();
    expect(runPolyref(['init'], second).status).toBe(0);
    const written = snapshot(second);
    const again = runPolyref(['init'], second);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('`polyref.config.json`, `content`, `examples` already exist');
    expect(snapshot(second)).toEqual(written);

    fs.writeFileSync(path.join(second, 'notes.txt'), '');
    const intoFile = runPolyref(['init', 'notes.txt'], second);
    expect([intoFile.status, intoFile.stderr]).toEqual([2, 'polyref: Cannot write a site into `notes.txt`: it is a file\n']);
  }, 60_000);

  it('keeps editor settings that are already there', () => {
    const dir = emptyFolder();
    fs.mkdirSync(path.join(dir, '.vscode'));
    fs.writeFileSync(path.join(dir, '.vscode/settings.json'), '{ "editor.tabSize": 2 }\n');
    const result = runPolyref(['init'], dir);
    expect(result.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, '.vscode/settings.json'), 'utf8')).toBe('{ "editor.tabSize": 2 }\n');
    expect(result.stderr).toContain('(kept your .vscode/settings.json; the README\'s "Editor support" says which schemas to add to it)\n');
  });
});
