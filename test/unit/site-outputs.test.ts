/**
 * The files `build` writes for machines and crawlers, on the bundled example
 * site: `polyref.json` against its JSON Schema, the Markdown copies,
 * `llms.txt`, the search index and `sitemap.xml`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { runBuild } from '../../src/pipeline/build.js';
import type { SearchIndexFile } from '../../src/render/search-index.js';
import type { SiteModel } from '../../src/render/site-model.js';
import { makeProject, repoRoot } from '../helpers/run-cli.js';

const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'docs/polyref.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

let folder: string;
let out: string;
const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8');

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'polyref-outputs-'));
  out = path.join(folder, 'out');
  const result = await runBuild(loadConfig({ cwd: repoRoot, overrides: { out, siteUrl: 'https://docs.example.com' } }));
  expect(result.written).toBeGreaterThan(10);
});

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('polyref.json', () => {
  it('is valid against docs/polyref.schema.json', () => {
    const model = JSON.parse(read('polyref.json')) as unknown;
    validate(model);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('is rejected by the schema when a required field is missing or mistyped', () => {
    const model = JSON.parse(read('polyref.json')) as SiteModel;
    const entry = model.pages.find((page) => page.url === '/reference/directory-sync/directory-user')!.entries.python![0]!;
    const { anchor: _anchor, ...withoutAnchor } = entry;
    expect(validate({ ...model, pages: [{ ...model.pages[0]!, entries: { python: [withoutAnchor] } }] })).toBe(false);
    expect(validate({ ...model, version: 2 })).toBe(false);
    expect(validate({ ...model, pages: [{ ...model.pages[0]!, url: 'no-slash' }] })).toBe(false);
  });

  it('holds each language’s entries with references followed and descriptions resolved', () => {
    const model = JSON.parse(read('polyref.json')) as SiteModel;
    expect(model.languages.map((language) => language.id)).toEqual(['curl', 'dotnet', 'ruby', 'python', 'js', 'go', 'php', 'java']);
    expect(model.siteUrl).toBe('https://docs.example.com');
    const page = model.pages.find((candidate) => candidate.url === '/reference/directory-sync/directory-user')!;
    expect(page.source).toBe('reference/directory-sync/directory-user/index.mdx');
    expect(page.markdown).toBe('/reference/directory-sync/directory-user/index.md');
    const python = page.entries.python![0]!;
    expect([python.key, python.title, python.anchor]).toEqual(['DirectoryUser', 'DirectoryUser', 'directory_user']);
    const idp = python.properties!.find((item) => item.key === 'idp_id')!;
    expect(idp).toMatchObject({
      kind: 'property',
      anchor: 'directory_user.idp',
      type: 'str',
      optional: false,
      description: { keyPath: 'directory_user.idp', markdown: expect.stringMatching(/^The identifier the identity provider uses/) },
    });
    // `(DirectoryGroup.id)` inside `groups` is inlined as the property it names.
    const groups = python.properties!.find((item) => item.key === 'groups')!;
    expect(groups.properties.map((item) => [item.kind, item.key, item.anchor])).toEqual([
      ['property', 'id', 'directory_group.id'],
      ['property', 'name', 'directory_group.name'],
    ]);
  });

  it('keeps an unwrapped options object with its children, and entry references as links', () => {
    const model = JSON.parse(read('polyref.json')) as SiteModel;
    const list = model.pages.find((candidate) => candidate.url === '/reference/directory-sync/directory-group/list')!;
    const js = list.entries.js![0]!;
    expect(js.flags).toEqual(['paginated']);
    const options = js.parameters![0]!;
    expect([options.kind, options.key, options.kind === 'property' && options.unwrap]).toEqual(['property', 'options', true]);
    expect(options.properties.map((item) => item.name)).toEqual(['directory', 'user', 'limit', 'before', 'after', 'order']);
    const data = js.returns![0]!.properties.find((item) => item.key === 'data')!;
    expect(data.properties[0]).toMatchObject({ kind: 'entry', key: 'DirectoryGroup', url: '/reference/directory-sync/directory-group', anchor: 'directory_group' });
  });
});

describe('Markdown copies', () => {
  it('give one table per language with names, types, markers and descriptions', () => {
    const markdown = read('reference/directory-sync/directory-group/list/index.md');
    expect(markdown.startsWith('# List Directory Groups\n')).toBe(true);
    const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(['cURL', '.NET', 'Ruby', 'Python', 'Node.js', 'Go', 'PHP', 'Java']);
    const python = markdown.slice(markdown.indexOf('## Python'), markdown.indexOf('## Node.js'));
    expect(python).toContain('### `directory_sync.list_groups()`');
    expect(python).toMatch(/^\| `user_id` +\| `str` +\| no +\| Only return groups this \[Directory User\]\(\/reference\/directory-sync\/directory-user\) is a member of\. +\|$/m);
    expect(python).toMatch(/^\| `list_metadata\.before` +\| `Optional\[str\]` +\| yes +\|/m);
    expect(python).toContain('```py\n');
  });

  it('turn callouts into quotes and drop nothing else of the prose', () => {
    const markdown = read('reference/directory-sync/index.md');
    expect(markdown).toContain('> **Note:**\n>\n> Keep the API key on your server.');
    expect(markdown).toContain('```sh title="Fetch a Directory Group with cURL"\ncurl https://api.example.com/directory_groups/');
    expect(markdown).toContain('## Authentication');
  });
});

describe('llms.txt', () => {
  it('names the site, sums it up and lists every page by section', () => {
    const text = read('llms.txt');
    const lines = text.split('\n');
    expect(lines[0]).toBe('# API Reference');
    expect(lines[2]).toMatch(/^> This site is the reference for the Directory Sync API of Acme/);
    expect(text).toContain('## API reference\n\n- [Directory Sync overview](https://docs.example.com/reference/directory-sync/index.md): ');
    expect(text).toContain('- [Get a Directory Group](https://docs.example.com/reference/directory-sync/directory-group/get/index.md): Fetches a single Directory Group.');
    expect(text).toContain('## Other pages\n\n- [Acme Directory Sync](https://docs.example.com/index.md)');
  });
});

describe('search index', () => {
  it('holds one document per property, named in every language, linking to its anchor', () => {
    const index = JSON.parse(read('search-index.json')) as SearchIndexFile;
    const user = index.documents.find((document) => document.href === '/reference/directory-sync/directory-group/list#list_directory_groups.user')!;
    expect(user).toMatchObject({ kind: 'property', title: 'user', page: 'List Directory Groups' });
    expect(user.names).toEqual({ curl: 'user', dotnet: 'User', ruby: 'user', python: 'user_id', js: 'user', go: 'User', php: '$user', java: 'user' });
    expect(user.text).toBe('Only return groups this Directory User is a member of.');
    expect(index.documents.map((document) => document.id)).toEqual(index.documents.map((_document, position) => position));
    const kinds = new Set(index.documents.map((document) => document.kind));
    expect([...kinds].sort()).toEqual(['entry', 'heading', 'page', 'property']);
  });
});

describe('sitemap.xml', () => {
  it('lists every page once, absolute and sorted', () => {
    const locations = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(locations[0]).toBe('https://docs.example.com/');
    expect(locations).toContain('https://docs.example.com/reference/directory-sync/directory-group/list');
    expect(locations).toEqual([...locations].sort());
    expect(new Set(locations).size).toBe(locations.length);
    expect(locations.length).toBe(JSON.parse(read('polyref.json')).pages.length);
  });

});

describe('a site served under a base path, without a siteUrl', () => {
  it('prefixes every link of the machine outputs and writes no sitemap', async () => {
    const project = makeProject({
      'content/widgets/widget.mdx': [
        '---',
        'title: Widget',
        'descriptions:',
        '  widget:',
        '    self: A [widget](/widgets/widget).',
        '    name: |',
        '      The name | the label',
        '      of the widget.',
        'reference:',
        '  curl:',
        '    - key: widget',
        '      id: widget',
        '      url: /widgets/widget',
        '      properties:',
        '        - key: name',
        '          type: string',
        '          description: (widget.name)',
        '---',
        '',
        'A widget, as the [API](/widgets/widget) returns it.',
        '',
        '<CodeBlock referenceId="widget" />',
        '',
      ].join('\n'),
    });
    try {
      const target = path.join(project.dir, 'out');
      const result = await runBuild(loadConfig({ cwd: project.dir, overrides: { out: target, basePath: '/docs/' } }));
      expect(result.written).toBe(1);
      const file = (name: string) => fs.readFileSync(path.join(target, name), 'utf8');
      expect(fs.existsSync(path.join(target, 'sitemap.xml'))).toBe(false);
      expect(file('llms.txt')).toContain('- [Widget](/docs/widgets/widget/index.md): A widget, as the API returns it.');
      const index = JSON.parse(file('search-index.json')) as SearchIndexFile;
      expect(index.documents.map((document) => document.href)).toEqual(['/docs/widgets/widget', '/docs/widgets/widget#widget', '/docs/widgets/widget#widget.name']);
      // A `|` or a line break in a description stays inside its table cell.
      expect(file('widgets/widget/index.md')).toContain('| `name` | `string` |          | The name \\| the label of the widget. |');
      expect(file('widgets/widget/index.md')).toContain('A widget, as the [API](/docs/widgets/widget) returns it.');
      expect(file('404.html')).toContain('<link rel="stylesheet" href="/docs/assets/polyref.css">');
      expect(file('404.html')).toContain('data-search-index="/docs/search-index.json"');
      const model = JSON.parse(file('polyref.json')) as SiteModel;
      expect([model.basePath, model.siteUrl, model.pages[0]!.url]).toEqual(['/docs/', null, '/widgets/widget']);
    } finally {
      project.cleanup();
    }
  });
});
