import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleIds } from '../../src/check/rules/index.js';
import { loadConfig } from '../../src/config/config.js';
import { titleFromUrl } from '../../src/index/page-titles.js';
import { buildSiteIndex } from '../../src/index/site-index.js';
import { urlOf } from '../../src/load/find-sources.js';
import { parsePage } from '../../src/parse/parse-page.js';
import { runBuild } from '../../src/pipeline/build.js';
import type { SearchIndexFile } from '../../src/render/search-index.js';
import type { SiteModel } from '../../src/render/site-model.js';
import { makeProject } from '../helpers/run-cli.js';

function titlesOf(files: Record<string, string>): Record<string, string> {
  const pages = Object.entries(files)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([relativePath, text]) => {
      const name = path.posix.basename(relativePath);
      const kind = name === '_navigation.mdx' ? 'navigation' : name.startsWith('_') ? 'partial' : 'page';
      return parsePage({ file: `/site/content/${relativePath}`, relativePath, kind, url: urlOf(relativePath) }, Buffer.from(text), { keepTree: false });
    });
  return Object.fromEntries(buildSiteIndex(pages).titles);
}

const navigation = (links: Array<[string, string]>) => `---\nlinks:\n${links.map(([title, url]) => `  - title: ${title}\n    url: ${url}\n`).join('')}---\n`;

describe('page titles', () => {
  it('come from the frontmatter, else the navigation link, else the first heading of any level, else the URL’s last segment', () => {
    const titles = titlesOf({
      'a/titled.mdx': '---\ntitle: From frontmatter\n---\n\n# From heading\n',
      'a/linked.mdx': '## From heading\n',
      'a/headed.mdx': 'Text.\n\n### Deep heading\n\n# Later heading\n',
      'a/get-profile.mdx': 'No heading at all.\n',
      'index.mdx': 'Home text.\n',
      'a/_navigation.mdx': navigation([
        ['Titled link', '/a/titled'],
        ['Linked', '/a/linked'],
      ]),
    });
    expect(titles).toEqual({
      '/a/get-profile': 'Get profile',
      '/a/headed': 'Deep heading',
      '/a/linked': 'Linked',
      '/a/titled': 'From frontmatter',
      '/': 'Home',
    });
  });

  it('take the nearest navigation file’s link first, else another’s, and skip blank titles and links to a part of a page', () => {
    const titles = titlesOf({
      '_navigation.mdx': navigation([
        ['From the root', '/a/b/one'],
        ['Root only', '/a/b/two/'],
        ['A section of three', '/a/b/three#section'],
      ]),
      'a/b/_navigation.mdx': navigation([
        ['Nearest', '/a/b/one?lang=go'],
        ['Also nearest', '/a/b/one'],
      ]),
      'a/b/one.mdx': '# One\n',
      'a/b/two.mdx': '# Two\n',
      'a/b/three.mdx': '# Three\n',
      'a/b/four.mdx': '---\ntitle: "  "\n---\n\n## Four\n',
    });
    expect(titles).toEqual({ '/a/b/four': 'Four', '/a/b/one': 'Nearest', '/a/b/three': 'Three', '/a/b/two': 'Root only' });
  });

  it('make a name of a URL as the folder tree names a folder', () => {
    expect(titleFromUrl('/reference/sso/get-profile')).toBe('Get profile');
    expect(titleFromUrl('/a/list_users')).toBe('List users');
    expect(titleFromUrl('/')).toBe('Home');
  });
});

describe('a page titled by its navigation link or a `##` heading', () => {
  let project: ReturnType<typeof makeProject>;
  let out: string;
  const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8');

  beforeAll(async () => {
    project = makeProject({
      'content/reference/_navigation.mdx': navigation([
        ['Generate a key', '/reference/keys/generate'],
        ['Revoke a key', '/reference/keys/revoke'],
      ]),
      'content/reference/keys/generate.mdx': [
        '---',
        'descriptions:',
        '  generate_key:',
        '    self: Generates a key.',
        '    name: The name of the key.',
        'reference:',
        '  curl:',
        '    - key: generate_key',
        '      id: generate_key',
        '      url: /reference/keys/generate',
        '      parameters:',
        '        - key: name',
        '          type: string',
        '          description: (generate_key.name)',
        '---',
        '',
        '## Request',
        '',
        'Generates a key for [revoking](/reference/keys/revoke) later.',
        '',
        '<CodeBlock referenceId="generate_key" />',
        '',
      ].join('\n'),
      'content/reference/keys/revoke.mdx': '## Revoking keys\n\nRevokes a key.\n',
      'content/guides/rotate-keys.mdx': 'Text before.\n\n## Rotating keys\n\nRotate them often.\n',
    });
    out = path.join(project.dir, 'out');
    const result = await runBuild(loadConfig({ cwd: project.dir, ruleIds }));
    expect(result.results.flatMap((file) => file.findings.filter((finding) => finding.severity === 'error'))).toEqual([]);
    expect(result.written).toBe(3);
  }, 60_000);

  afterAll(() => project.cleanup());

  it('names it in its <title> and <h1>, never by its URL', () => {
    const html = read('reference/keys/generate/index.html');
    expect(html).toContain('<title>Generate a key · API Reference</title>');
    expect(html).toContain('<h1>Generate a key</h1>');
    expect(html).not.toMatch(/<(?:title|h1)>\/reference/);
    expect(read('guides/rotate-keys/index.html')).toContain('<h1>Rotating keys</h1>');
  });

  it('names it in breadcrumbs and previous and next, the folder tree’s as the navigation’s', () => {
    expect(read('reference/keys/revoke/index.html')).toMatch(/rel="prev"><span class="pager-label">Previous<\/span><span class="pager-title">Generate a key</);
    expect(read('guides/rotate-keys/index.html')).toContain('<span aria-current="page">Rotating keys</span>');
  });

  it('names it in the Markdown copy, the search index, llms.txt, polyref.json and the list of pages', () => {
    expect(read('reference/keys/generate/index.md')).toMatch(/^# Generate a key\n/);
    const search = JSON.parse(read('search-index.json')) as SearchIndexFile;
    expect(search.documents.filter((document) => document.kind === 'page').map((document) => document.title).sort()).toEqual([
      'Generate a key',
      'Revoke a key',
      'Rotating keys',
    ]);
    expect(search.documents.find((document) => document.kind === 'entry')?.page).toBe('Generate a key');
    expect(read('llms.txt')).toContain('- [Generate a key](/reference/keys/generate/index.md)');
    const model = JSON.parse(read('polyref.json')) as SiteModel;
    expect(model.pages.map((page) => [page.url, page.title])).toEqual([
      ['/guides/rotate-keys', 'Rotating keys'],
      ['/reference/keys/generate', 'Generate a key'],
      ['/reference/keys/revoke', 'Revoke a key'],
    ]);
    expect(read('index.html')).toContain('>Rotating keys</a></li>');
    expect(read('coverage/index.html')).toContain('Documented on <a href="/reference/keys/generate">Generate a key</a>.');
  });
});
