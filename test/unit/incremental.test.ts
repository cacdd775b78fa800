import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.js';
import { ruleIds } from '../../src/check/rules/index.js';
import { runBuild } from '../../src/pipeline/build.js';
import { IncrementalBuild, type UpdateReport } from '../../src/pipeline/incremental.js';
import { createRandom } from '../helpers/random-pages.js';
import { copyExampleSite } from '../helpers/example-site.js';
import { asBuffers, edits, expectSameFiles, pickEdit, readTree } from '../helpers/site-edits.js';

function configOf(dir: string): Config {
  return loadConfig({ cwd: dir, ruleIds });
}

/** Runs `test` on an incremental build of a fresh copy of the example site, then disposes of both. */
async function withIncrementalBuild(test: (dir: string, build: IncrementalBuild) => Promise<void>): Promise<void> {
  const dir = copyExampleSite('polyref-incremental-');
  const { build } = await IncrementalBuild.start(configOf(dir));
  try {
    await test(dir, build);
  } finally {
    build.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Findings as a clean run reports them, for comparison. */
function findingsOf(results: UpdateReport['results']): unknown {
  return results.map(({ file, findings }) => ({ file, findings: findings.map(({ ruleId, severity, message, place }) => ({ ruleId, severity, message, place })) }));
}

describe('IncrementalBuild', () => {
  let dir: string;
  let build: IncrementalBuild;

  beforeAll(async () => {
    dir = copyExampleSite('polyref-incremental-');
    build = (await IncrementalBuild.start(configOf(dir))).build;
  }, 120_000);

  afterAll(() => {
    build?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts with the output of a clean build, byte for byte', async () => {
    const clean = await runBuild(configOf(dir));
    expect(clean.written).toBeGreaterThan(5);
    expectSameFiles(asBuffers(build.output), readTree(path.join(dir, 'out')), 'first build');
  }, 120_000);

  it('after random edits, additions, removals and broken references, writes what a clean build writes', async () => {
    const random = createRandom(20_251);
    const seen = new Set<string>();
    // Every kind of edit once, in random order, then a few more at random.
    const sequence = [...random.shuffle(edits.map(([edit]) => edit)), ...Array.from({ length: 2 }, () => pickEdit(random))];
    for (const [at, edit] of sequence.entries()) {
      const step = at + 1;
      const changed = edit(dir, random, step);
      if (changed.length === 0) continue;
      seen.add(edit.name);
      const report = await build.update(changed);
      const clean = await runBuild(configOf(dir));
      const when = `step ${step} (${edit.name} ${changed.map((file) => path.relative(dir, file)).join(', ')})`;
      expect(findingsOf(report.results), `${when}: findings`).toEqual(findingsOf(clean.results));
      expect(report.ok, `${when}: ok`).toBe(clean.written !== null);
      const cleanFiles = readTree(path.join(dir, 'out'));
      if (report.ok) {
        // The files made from the index alone, asked for before the others as a reader's browser does.
        const navigation = [...cleanFiles.keys()].filter((name) => name === '404.html' || name.startsWith('assets/nav/'));
        expect(navigation.length, `${when}: navigation files`).toBeGreaterThan(1);
        for (const name of navigation) expect(Buffer.from(build.file(name) ?? '').equals(cleanFiles.get(name)!), `${when}: ${name}`).toBe(true);
      }
      expectSameFiles(asBuffers(build.output), cleanFiles, when);
    }
    // The sequence changed files with every kind of edit.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'addPage',
        'breakReference',
        'editDescription',
        'editExample',
        'editHeading',
        'editNavigation',
        'editTemplate',
        'renameNavigationLink',
        'retitle',
        'shiftLines',
        'untitle',
      ]),
    );
  }, 600_000);
});

describe('IncrementalBuild on the build path', () => {
  it('starts from what a build left in the output cache, and a build after it takes every page from the cache', async () => {
    const dir = copyExampleSite('polyref-incremental-');
    try {
      const cold = await IncrementalBuild.start(configOf(dir));
      cold.build.dispose();
      expect(cold.worked.length).toBeGreaterThan(5);
      // What the dev server worked on, it recorded: a build works on nothing.
      const clean = await runBuild(configOf(dir));
      expect(clean.worked).toEqual([]);
      expect(clean.fromCache).toBe(clean.written);

      const warm = await IncrementalBuild.start(configOf(dir));
      try {
        expect(warm.worked).toEqual([]);
        expect(warm.report.rendered.length).toBe(clean.written);
        expectSameFiles(asBuffers(warm.build.output), readTree(path.join(dir, 'out')), 'warm start');

        const file = path.join(dir, 'content/reference/directory-sync/directory-group/index.mdx');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('    id: Unique identifier for the Directory Group.', '    id: The unique identifier of the Directory Group.'));
        const report = await warm.build.update([file]);
        expect(report.rendered.length).toBeGreaterThan(1);
        await runBuild(configOf(dir));
        expectSameFiles(asBuffers(warm.build.output), readTree(path.join(dir, 'out')), 'after an edit');
      } finally {
        warm.build.dispose();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('renders a page again when the output cache loses the files it served from', async () => {
    const dir = copyExampleSite('polyref-incremental-');
    const config = configOf(dir);
    try {
      await runBuild(config);
      const expected = readTree(path.join(dir, 'out'));
      const { build, worked } = await IncrementalBuild.start(config);
      try {
        expect(worked).toEqual([]);
        fs.rmSync(config.cache!, { recursive: true, force: true });
        expectSameFiles(asBuffers(build.output), expected, 'after the cache was deleted');
      } finally {
        build.dispose();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('IncrementalBuild dependencies', () => {
  it('renders again exactly the pages that use a changed description key', async () => {
    await withIncrementalBuild(async (dir, build) => {
      const before = await htmlOfPages(dir);
      const file = path.join(dir, 'content/reference/directory-sync/directory-group/index.mdx');
      const text = fs.readFileSync(file, 'utf8');
      expect(text).toContain('    id: Unique identifier for the Directory Group.');
      fs.writeFileSync(file, text.replace('    id: Unique identifier for the Directory Group.', '    id: The unique identifier of the Directory Group.'));
      const report = await build.update([file]);
      const after = await htmlOfPages(dir);
      // The pages whose clean-build HTML changed are the pages that use the key.
      const using = [...after].filter(([url, html]) => before.get(url) !== html).map(([url]) => url).sort();
      expect(using.length).toBeGreaterThan(1);
      expect(using.length).toBeLessThan(after.size);
      expect(report.rendered.sort()).toEqual(using);
    });
  }, 120_000);

  it('renders nothing again for a change of a description no page uses, and only the changed page for a body edit', async () => {
    await withIncrementalBuild(async (dir, build) => {
      const file = path.join(dir, 'content/reference/directory-sync/directory/delete.mdx');
      fs.appendFileSync(file, '\nOne more sentence.\n');
      const report = await build.update([file]);
      expect(report.rendered).toEqual(['/reference/directory-sync/directory/delete']);
      const unchanged = await build.update([file]);
      expect(unchanged.rendered).toEqual([]);
      expect(unchanged.checked).toBe(0);
    });
  }, 120_000);
});

describe('IncrementalBuild navigation file', () => {
  it('writes the navigation file again when the navigation changes, and leaves it when only a page does', async () => {
    await withIncrementalBuild(async (dir, build) => {
      const navigationFile = 'assets/nav/reference/_navigation.json';
      const page = path.join(dir, 'content/reference/directory-sync/directory/delete.mdx');
      fs.appendFileSync(page, '\nOne more sentence.\n');
      const before = String(build.file(navigationFile));
      const pageOnly = await build.update([page]);
      expect(pageOnly.rendered).toEqual(['/reference/directory-sync/directory/delete']);
      expect(String(build.file(navigationFile))).toBe(before);

      // A link of a section folded on most pages: only the navigation file lists it for them.
      const navigation = path.join(dir, 'content/reference/_navigation.mdx');
      fs.writeFileSync(navigation, fs.readFileSync(navigation, 'utf8').replace('title: List Directory Users', 'title: Every Directory User'));
      const report = await build.update([navigation]);
      expect(report.ok).toBe(true);
      const after = String(build.file(navigationFile));
      expect(before).toContain('List Directory Users');
      expect(after).toContain('Every Directory User');
      expect(after).not.toContain('List Directory Users');
      expect((await runBuild(configOf(dir))).written).not.toBeNull();
      expect(after).toBe(fs.readFileSync(path.join(dir, 'out', navigationFile), 'utf8'));
    });
  }, 120_000);
});

describe('IncrementalBuild page titles', () => {
  it('renders a page again when the navigation link that names it is renamed, and the folder tree when a heading that names a page changes', async () => {
    await withIncrementalBuild(async (dir, build) => {
      const page = path.join(dir, 'content/reference/directory-sync/directory/delete.mdx');
      fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('title: Delete a Directory\n', '').replace('# Delete a Directory', '## Deleting'));
      const guide = path.join(dir, 'content/guides/start.mdx');
      fs.mkdirSync(path.dirname(guide));
      fs.writeFileSync(guide, '## Getting started\n\nFirst steps.\n');
      expect((await build.update([page, guide])).ok).toBe(true);
      const title = (url: string) => /<title>(.*?) · /.exec(String(build.file(`${url.slice(1)}/index.html`)))?.[1];
      expect(title('/reference/directory-sync/directory/delete')).toBe('Delete a Directory');
      expect(title('/guides/start')).toBe('Getting started');

      const navigation = path.join(dir, 'content/reference/_navigation.mdx');
      fs.writeFileSync(navigation, fs.readFileSync(navigation, 'utf8').replace('title: Delete a Directory', 'title: Remove a Directory'));
      const renamed = await build.update([navigation]);
      expect(renamed.rendered).toContain('/reference/directory-sync/directory/delete');
      expect(title('/reference/directory-sync/directory/delete')).toBe('Remove a Directory');

      // The guide is in no navigation file: the folder tree names it, on every page that shows the tree.
      fs.writeFileSync(guide, '## First steps\n\nFirst steps.\n');
      const retitled = await build.update([guide]);
      expect(retitled.rendered).toEqual(expect.arrayContaining(['/', '/guides/start']));
      expect(title('/guides/start')).toBe('First steps');
      expect(String(build.file('index.html'))).toContain('First steps');

      expect((await runBuild(configOf(dir))).written).not.toBeNull();
      expectSameFiles(asBuffers(build.output), readTree(path.join(dir, 'out')), 'after the titles changed');
    });
  }, 120_000);
});

/** Each page's HTML from a clean build, by URL. */
async function htmlOfPages(dir: string): Promise<Map<string, string>> {
  const config = configOf(dir);
  const result = await runBuild(config);
  expect(result.written).not.toBeNull();
  const pages = new Map<string, string>();
  for (const [name, content] of readTree(config.out)) {
    if (name.endsWith('index.html') && name !== 'index.html') pages.set(`/${name.slice(0, -'/index.html'.length)}`, content.toString('utf8'));
    else if (name === 'index.html') pages.set('/', content.toString('utf8'));
  }
  return pages;
}

describe('IncrementalBuild template failures', () => {
  it('reports a page template that fails while rendering, and renders again once the template is fixed', async () => {
    await withIncrementalBuild(async (dir, build) => {
      const template = path.join(dir, 'templates', 'page.hbs');
      const original = fs.readFileSync(template, 'utf8');
      // Strict templates fail on a field the view does not have, page by page.
      fs.writeFileSync(template, `${original}{{page.noSuchField}}\n`);
      const broken = await build.update([template]);
      expect(broken.ok).toBe(false);
      const failures = broken.results.flatMap((result) => result.findings.filter((finding) => finding.ruleId === 'template-error'));
      expect(failures.length).toBeGreaterThan(0);
      expect(failures[0]!.message).toContain('noSuchField');
      expect(broken.errors).toBe(failures.length);

      fs.writeFileSync(template, original.replace('</article>', '</article><!-- fixed -->'));
      const fixed = await build.update([template]);
      expect(fixed.ok).toBe(true);
      expect(fixed.errors).toBe(0);
      expect(fixed.results.flatMap((result) => result.findings.filter((finding) => finding.ruleId === 'template-error'))).toEqual([]);
      expect((await runBuild(configOf(dir))).written).not.toBeNull();
      expectSameFiles(asBuffers(build.output), readTree(path.join(dir, 'out')), 'after the template was fixed');
    });
  }, 120_000);
});

describe('IncrementalBuild links between pages', () => {
  it('checks a page that links to another again when that page goes or comes back, and not when only its text changes', async () => {
    await withIncrementalBuild(async (dir, build) => {
      const linked = path.join(dir, 'content/reference/linked.mdx');
      const linkedText = '---\ntitle: Linked\n---\n\n# Linked\n\nA page others link to.\n';
      const linking = path.join(dir, 'content/reference/directory-sync/directory/delete.mdx');
      const linkingText = `${fs.readFileSync(linking, 'utf8')}\nSee [the linked page](/reference/linked).\n`;
      fs.writeFileSync(linked, linkedText);
      fs.writeFileSync(linking, linkingText);
      expect((await build.update([linked, linking])).ok).toBe(true);

      // Whether the page is there is all the link reads of it.
      fs.writeFileSync(linked, `${linkedText}More text.\n`);
      const edited = await build.update([linked]);
      expect(edited.ok).toBe(true);
      expect(edited.checked).toBe(1);

      fs.rmSync(linked);
      const removed = await build.update([linked]);
      expect(removed.ok).toBe(false);
      const line = linkingText.split('\n').findIndex((text) => text.includes('(/reference/linked)')) + 1;
      const findings = removed.results.find((result) => result.file === linking)!.findings.filter((finding) => finding.ruleId === 'broken-link');
      expect(findings.map(({ ruleId, severity, place }) => ({ ruleId, severity, line: place.line, column: place.column }))).toEqual([
        { ruleId: 'broken-link', severity: 'error', line, column: linkingText.split('\n')[line - 1]!.indexOf('[the linked page]') + 1 },
      ]);
      const clean = await runBuild(configOf(dir));
      expect(findingsOf(removed.results)).toEqual(findingsOf(clean.results));

      fs.writeFileSync(linked, linkedText);
      const back = await build.update([linked]);
      expect(back.ok).toBe(true);
      expect((await runBuild(configOf(dir))).written).not.toBeNull();
      expectSameFiles(asBuffers(build.output), readTree(path.join(dir, 'out')), 'after the linked page came back');
    });
  }, 120_000);
});

describe('IncrementalBuild files about the whole site', () => {
  it('makes navigation files and the 404 page after a change without the search index, and every one as a clean build does', async () => {
    await withIncrementalBuild(async (dir, build) => {
      expect(build.file('search-index.json')).toBeDefined();
      const page = path.join(dir, 'content/reference/directory-sync/directory/delete.mdx');
      fs.appendFileSync(page, '\nOne more sentence.\n');
      expect((await build.update([page])).ok).toBe(true);
      expect(build.fileAtHand('search-index.json')).toBeUndefined();

      expect((await runBuild(configOf(dir))).written).not.toBeNull();
      const clean = readTree(path.join(dir, 'out'));
      const navigationFile = 'assets/nav/reference/_navigation.json';
      for (const name of [navigationFile, '404.html']) {
        expect(Buffer.from(build.file(name)!).equals(clean.get(name)!), name).toBe(true);
      }
      // A name no file has is known not to be one of the others either.
      expect(build.file('no/such/page/index.html')).toBeUndefined();
      expect(build.fileAtHand('search-index.json')).toBeUndefined();

      for (const name of ['search-index.json', 'polyref.json', 'llms.txt']) {
        expect(Buffer.from(build.file(name)!).equals(clean.get(name)!), name).toBe(true);
      }
      expect(build.fileAtHand('search-index.json')).toBeDefined();
    });
  }, 120_000);
});
