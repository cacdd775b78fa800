import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { Site } from '../../src/model/site.js';
import type { NavigationLink } from '../../src/model/types.js';
import { loadSite } from '../../src/pipeline/load-site.js';
import { navigationFiles, type NavigationFileContent } from '../../src/render/navigation-files.js';
import { Templates } from '../../src/render/templates.js';
import { folderTree, navigationView, type NavigationItemView } from '../../src/render/views/navigation-view.js';
import { makeProject } from '../helpers/run-cli.js';

const navigation = `---
title: Reference & co
links:
  - title: Alpha
    url: /ref/alpha
    links:
      - title: Alpha one
        url: /ref/alpha/one
      - title: Alpha two
        url: /ref/alpha/two
  - title: Beta
    url: /ref/beta
    links:
      - title: Beta one
        url: /ref/beta/one
        links:
          - title: Beta one deep
            url: /ref/beta/one/deep
      - title: Beta <two>
        url: /ref/beta/two
  - title: Guides
    links:
      - title: Gamma
        url: /ref/gamma
        links:
          - title: Gamma one
            url: /ref/gamma/one
---
`;

const pageUrls = ['/ref/alpha', '/ref/alpha/one', '/ref/alpha/two', '/ref/beta', '/ref/beta/one', '/ref/beta/one/deep', '/ref/beta/two', '/ref/gamma', '/ref/gamma/one'];

function pageFile(url: string): [string, string] {
  return [`content${url}.mdx`, `---\ntitle: Page ${url}\n---\n\nText.\n`];
}

const projects: Array<{ cleanup: () => void }> = [];
let site: Site;
let templates: Templates;

function load(files: Record<string, string>, basePath = '/'): Site {
  const project = makeProject({ 'content/ref/_navigation.mdx': navigation, ...Object.fromEntries(pageUrls.map(pageFile)), ...files });
  projects.push(project);
  return loadSite(loadConfig({ cwd: project.dir, overrides: { basePath } }), { keepTrees: false });
}

beforeAll(() => {
  site = load({});
  templates = new Templates(site.templates);
});

afterAll(() => {
  for (const project of projects) project.cleanup();
});

function viewOf(url: string, of: Site = site) {
  const page = of.index.pagesByUrl.get(url)!;
  return navigationView(page, of.index, of.config.basePath, folderTree(of.index));
}

/** Each item as `title [open] [current] [folded as id]`, its listed links below it. */
function shape(items: NavigationItemView[]): unknown[] {
  return items.map((item) => {
    const label = [item.title, item.open && 'open', item.current && 'current', item.linksId !== null && `folded as ${item.linksId}`].filter(Boolean).join(' ');
    return item.links.length > 0 ? [label, shape(item.links)] : label;
  });
}

describe('navigationView', () => {
  it('lists the top level and the way down to the current page; other sections come folded, their links left out', () => {
    expect(shape(viewOf('/ref/beta/one/deep').links)).toEqual([
      'Alpha folded as 1',
      ['Beta open', [['Beta one open', ['Beta one deep open current']], 'Beta <two>']],
      // A heading has no page to go to: its links are always listed.
      ['Guides', ['Gamma folded as 3-1']],
    ]);
    expect(shape(viewOf('/ref/alpha').links)).toEqual([
      ['Alpha open current', ['Alpha one', 'Alpha two']],
      'Beta folded as 2',
      ['Guides', ['Gamma folded as 3-1']],
    ]);
  });

  it('marks a folded section for the script and renders no list for it', () => {
    const html = templates.render('partials/navigation', { navigation: viewOf('/ref/beta/two') });
    expect(html).toBe(
      [
        '<nav class="sidebar" id="sidebar" aria-label="Reference" data-nav-file="/assets/nav/ref/_navigation.json">',
        '  <p class="sidebar-title">Reference &amp; co</p>',
        '  <ul>',
        '<li class="nav-group collapsed" data-nav-children="1"><a href="/ref/alpha">Alpha</a></li>',
        '<li class="nav-group open"><a href="/ref/beta">Beta</a>',
        '<ul>',
        '<li class="nav-group collapsed" data-nav-children="2-1"><a href="/ref/beta/one">Beta one</a></li>',
        '<li class="nav-item open"><a href="/ref/beta/two" aria-current="page">Beta &lt;two&gt;</a></li>',
        '</ul>',
        '</li>',
        '<li class="nav-group"><span class="nav-heading">Guides</span>',
        '<ul>',
        '<li class="nav-group collapsed" data-nav-children="3-1"><a href="/ref/gamma">Gamma</a></li>',
        '</ul>',
        '</li>',
        '</ul>',
        '',
        '</nav>',
        '',
      ].join('\n'),
    );
  });

  it('computes breadcrumbs and previous/next from the whole sidebar, folded sections included', () => {
    const beta = viewOf('/ref/beta');
    expect(beta.breadcrumbs).toEqual([{ title: 'Beta', href: '/ref/beta', current: true }]);
    // Alpha two is in a folded section, so not on the page, and still the previous page.
    expect(beta.previous).toEqual({ title: 'Alpha two', href: '/ref/alpha/two', current: false });
    expect(beta.next).toEqual({ title: 'Beta one', href: '/ref/beta/one', current: false });
    const gammaOne = viewOf('/ref/gamma/one');
    expect(gammaOne.breadcrumbs.map((crumb) => crumb.title)).toEqual(['Guides', 'Gamma', 'Gamma one']);
    expect(gammaOne.previous?.title).toBe('Gamma');
    expect(gammaOne.next).toBeNull();
  });

  it('names the navigation file after the navigation file it comes from, with the base path', () => {
    const based = load({}, '/docs/');
    expect(viewOf('/ref/alpha', based).linksFile).toBe('/docs/assets/nav/ref/_navigation.json');
    // Pages with no `_navigation.mdx` above use the folder tree, filed as the root's.
    const home = load({ 'content/index.mdx': '---\ntitle: Home\n---\n' });
    expect(viewOf('/', home).linksFile).toBe('/assets/nav/_navigation.json');
  });
});

describe('navigationFiles', () => {
  function filesOf(of: Site, using = templates): Map<string, NavigationFileContent> {
    const files = navigationFiles(of, folderTree(of.index), using);
    return new Map(files.map((file) => [file.path, JSON.parse(String(file.content)) as NavigationFileContent]));
  }

  it('lists every section once with the links directly below it, as the nav-links template renders them', () => {
    const files = filesOf(site);
    expect([...files.keys()]).toEqual(['assets/nav/_navigation.json', 'assets/nav/ref/_navigation.json']);
    expect(files.get('assets/nav/ref/_navigation.json')!.sections).toEqual([
      {
        id: '1',
        html: '<ul>\n<li class="nav-item"><a href="/ref/alpha/one">Alpha one</a></li>\n<li class="nav-item"><a href="/ref/alpha/two">Alpha two</a></li>\n</ul>\n',
      },
      {
        id: '2',
        html: '<ul>\n<li class="nav-group collapsed" data-nav-children="2-1"><a href="/ref/beta/one">Beta one</a></li>\n<li class="nav-item"><a href="/ref/beta/two">Beta &lt;two&gt;</a></li>\n</ul>\n',
      },
      { id: '2-1', html: '<ul>\n<li class="nav-item"><a href="/ref/beta/one/deep">Beta one deep</a></li>\n</ul>\n' },
      { id: '3-1', html: '<ul>\n<li class="nav-item"><a href="/ref/gamma/one">Gamma one</a></li>\n</ul>\n' },
    ]);
  });

  it('gives every page, with the navigation file, every link of its sidebar in sidebar order', () => {
    const files = filesOf(site);
    const everyLink = (links: NavigationLink[]): string[] => links.flatMap((link) => [link.title, ...everyLink(link.links)]);
    const expected = everyLink(site.index.navigation.get('ref')!.value.links);
    for (const url of pageUrls) {
      const view = viewOf(url);
      const sections = new Map(files.get(view.linksFile.slice(1))!.sections.map((section) => [section.id, section.html]));
      let html = templates.render('partials/nav-links', { links: view.links });
      // What the script does on unfolding, section by section.
      for (let folded = /<li [^>]*data-nav-children="([^"]+)">(.*?)<\/li>/.exec(html); folded; folded = /<li [^>]*data-nav-children="([^"]+)">(.*?)<\/li>/.exec(html)) {
        html = html.replace(folded[0], `<li>${folded[2]}${sections.get(folded[1]!)!}</li>`);
      }
      const titles = [...html.matchAll(/<(?:a [^>]*|span class="nav-heading")>([^<]*)</g)].map((match) => match[1]!.replace('&lt;', '<').replace('&gt;', '>'));
      expect(titles, url).toEqual(expected);
    }
  });

  it('uses a project’s own nav-links template', () => {
    const custom = load({ 'templates/partials/nav-links.hbs': '<ol>{{#each links}}<li data-mine="{{linksId}}">{{title}}</li>{{/each}}</ol>\n' });
    const files = filesOf(custom, new Templates(custom.templates));
    expect(files.get('assets/nav/ref/_navigation.json')!.sections[0]).toEqual({ id: '1', html: '<ol><li data-mine="">Alpha one</li><li data-mine="">Alpha two</li></ol>\n' });
  });

  it('stands the folder tree in for a root without `_navigation.mdx`, and is byte-identical across builds', () => {
    const first = navigationFiles(site, folderTree(site.index), templates);
    const again = navigationFiles(site, folderTree(site.index), templates);
    expect(again).toEqual(first);
    const root = JSON.parse(String(first[0]!.content)) as NavigationFileContent;
    // The folder `ref` shows its navigation: a heading, then its sections under the same ids as in a page of the root.
    expect(root.sections.map((section) => section.id)).toEqual(['1-1', '1-2', '1-2-1', '1-3-1']);
  });
});
