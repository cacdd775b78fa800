/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks given to page.evaluate and $eval run in the page, with its DOM.
/**
 * The example site as a reader uses it, in headless Chromium: one language
 * chosen once and kept, links to one property, search, the keyboard, and
 * the page without JavaScript. Screenshots land in test/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { runBuild } from '../../src/pipeline/build.js';
import { makeProject } from '../helpers/run-cli.js';
import { buildExampleSite, launchChromium, screenshotsFolder, serve, type BuiltSite, type StaticServer } from './harness.js';

const objectPage = '/reference/directory-sync/directory-user';
const methodPage = '/reference/directory-sync/directory-group/list';

// A real browser on a loaded CI machine: seconds per step, and a whole site to build first.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 180_000 });

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  site = await buildExampleSite();
  server = await serve(site.out);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

const pageErrors = new WeakMap<Page, string[]>();

async function open(url: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}${url}`);
  return page;
}

/** A script error would make every assertion about the page meaningless: none may have happened. */
async function done(page: Page): Promise<void> {
  expect(pageErrors.get(page) ?? []).toEqual([]);
  await page.context().close();
}

/** The language each CodeBlock of the page shows. */
function shownLanguages(page: Page): Promise<string[]> {
  return page.$$eval('.code-block .lang-panel:not([hidden])', (panels) => panels.map((panel) => panel.getAttribute('data-lang') ?? ''));
}

/** Each sidebar toggle as `[its label, aria-expanded]`, in sidebar order. */
function sidebarToggles(page: Page): Promise<Array<[string | null, string | null]>> {
  return page.$$eval('.sidebar .nav-toggle', (toggles) => toggles.map((toggle): [string | null, string | null] => [toggle.textContent, toggle.getAttribute('aria-expanded')]));
}

/**
 * Waits until the element is displayed and inside the viewport: the script
 * brings a row into view on load and on `hashchange`, a task after a click.
 */
async function untilInView(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((target) => {
    const element = document.querySelector(target);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.top < window.innerHeight && element.checkVisibility();
  }, selector);
}

describe('language choice', () => {
  it('survives navigation to another page and a reload', async () => {
    const page = await open(objectPage);
    expect(await shownLanguages(page)).toEqual(['curl']);
    await page.selectOption('select[data-language-switcher]', 'go');
    expect(await shownLanguages(page)).toEqual(['go']);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('go');

    await Promise.all([page.waitForURL(/\/get$/), page.click('.pager-next')]);
    expect(new URL(page.url()).pathname).toBe(`${objectPage}/get`);
    expect(await shownLanguages(page)).toEqual(['go']);
    expect(await page.inputValue('select[data-language-switcher]')).toBe('go');

    await page.reload();
    expect(await shownLanguages(page)).toEqual(['go']);
    expect(await page.$eval('.lang-tab[aria-selected="true"]', (tab) => tab.textContent)).toBe('Go');
    await done(page);
  });

  it('lets a ?lang= link win over the remembered choice, and remembers it', async () => {
    const page = await open(objectPage);
    await page.selectOption('select[data-language-switcher]', 'go');
    await page.goto(`${server.origin}${methodPage}?lang=python`);
    expect(await shownLanguages(page)).toEqual(['python']);
    await Promise.all([page.waitForURL(/\/shared$/), page.click('.pager-next')]);
    expect(await shownLanguages(page)).toEqual(['python']);
    await done(page);
  });

  it('moves between language tabs with the arrow keys, Home and End', async () => {
    const page = await open(methodPage);
    const selected = () => page.$eval('.lang-tab[aria-selected="true"]', (tab) => tab.textContent);
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? null);
    await page.focus('.lang-tab[aria-selected="true"]');
    await page.keyboard.press('ArrowRight');
    expect([await selected(), await focused()]).toEqual(['.NET', '.NET']);
    expect(await shownLanguages(page)).toEqual(['dotnet']);
    await page.keyboard.press('End');
    expect([await selected(), await focused()]).toEqual(['Java', 'Java']);
    await page.keyboard.press('ArrowRight');
    expect([await selected(), await focused()]).toEqual(['cURL', 'cURL']);
    await page.keyboard.press('ArrowLeft');
    expect(await selected()).toBe('Java');
    await page.keyboard.press('Home');
    expect(await selected()).toBe('cURL');
    // Roving tabindex: only the selected tab is in the tab order, so Tab leaves the tab list.
    expect(await page.$$eval('.lang-tab', (tabs) => tabs.map((tab) => (tab as HTMLElement).tabIndex))).toEqual([0, -1, -1, -1, -1, -1, -1, -1]);
    expect(await page.$eval('[role="tabpanel"]:not([hidden])', (panel) => panel.getAttribute('aria-labelledby'))).toBe(
      await page.$eval('.lang-tab[aria-selected="true"]', (tab) => tab.id),
    );
    await done(page);
  });

  it('says so when a block lacks the chosen language, and shows the default one', async () => {
    const project = makeProject({
      'content/widget.mdx': [
        '---',
        'title: Widget',
        'descriptions:',
        '  widget:',
        '    self: A widget.',
        '    name: The name of the widget.',
        'reference:',
        '  curl:',
        '    - key: widget',
        '      id: widget',
        '      properties:',
        '        - key: name',
        '          type: string',
        '          description: (widget.name)',
        '  python:',
        '    - key: Widget',
        '      id: widget',
        '      properties:',
        '        - key: name',
        '          type: str',
        '          description: (widget.name)',
        '---',
        '',
        '<CodeBlock title="The widget" referenceId="widget" />',
        '',
      ].join('\n'),
    });
    const small = await runBuild(loadConfig({ cwd: project.dir, overrides: { out: path.join(project.dir, 'out') } }));
    expect(small.written).toBe(1);
    const smallServer = await serve(path.join(project.dir, 'out'));
    try {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${smallServer.origin}/widget?lang=ruby`);
      expect(await page.textContent('.lang-notice')).toBe('Not available for Ruby; showing cURL.');
      expect(await shownLanguages(page)).toEqual(['curl']);
      expect(await page.$$eval('.lang-tab', (tabs) => tabs.map((tab) => tab.textContent))).toEqual(['cURL', 'Python']);
      await page.click('.lang-tab:has-text("Python")');
      expect(await page.textContent('.lang-notice')).toBe('');
      expect(await page.inputValue('select[data-language-switcher]')).toBe('python');
      await done(page);
    } finally {
      await smallServer.close();
      project.cleanup();
    }
  });
});

describe('without JavaScript', () => {
  it('shows the default language open and every other one a click away', async () => {
    const page = await open(objectPage, { javaScriptEnabled: false });
    const panels = await page.$$eval('.code-block details.lang-panel', (all) => all.map((panel) => [panel.getAttribute('data-lang'), (panel as HTMLDetailsElement).open]));
    expect(panels).toEqual([
      ['curl', true],
      ['dotnet', false],
      ['ruby', false],
      ['python', false],
      ['js', false],
      ['go', false],
      ['php', false],
      ['java', false],
    ]);
    expect(await page.isVisible('details[data-lang="curl"] [data-anchor="directory_user.emails.primary"]')).toBe(true);
    expect(await page.isVisible('details[data-lang="curl"] pre')).toBe(true);
    expect(await page.isVisible('details[data-lang="python"] [data-anchor="directory_user.idp"]')).toBe(false);
    await page.click('details[data-lang="python"] > summary');
    expect(await page.isVisible('details[data-lang="python"] [data-anchor="directory_user.idp"]')).toBe(true);
    expect(await page.textContent('details[data-lang="python"] [data-anchor="directory_user.idp"] .property-name')).toBe('idp_id');
    // Controls that need the script are not offered.
    for (const control of ['.search-button', '.theme-toggle', '.language-switcher', '.menu-button']) {
      expect(await page.isVisible(control), control).toBe(false);
    }
    await done(page);
  });

  it('keeps the sidebar reachable on a narrow screen', async () => {
    const page = await open(methodPage, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    expect(await page.isVisible('.sidebar a[aria-current="page"]')).toBe(true);
    await done(page);
  });
});

describe('deep links', () => {
  it('opens the collapsed parents of a nested property and scrolls to it, in the chosen language', async () => {
    const row = '.lang-panel[data-lang="python"] [data-anchor="directory_user.role.slug"]';
    const page = await open(`${objectPage}?lang=python#directory_user.role.slug`);
    expect(await shownLanguages(page)).toEqual(['python']);
    expect(await page.$eval(row, (element) => (element.closest('details') as HTMLDetailsElement).open)).toBe(true);
    await untilInView(page, row);
    expect(await page.textContent(`${row} .property-name`)).toBe('slug');
    await done(page);
  });

  it('switches to a language that has the property when the chosen one does not', async () => {
    // `directory_user.object` is documented for cURL, .NET and Java, not for Python.
    const page = await open(`${objectPage}?lang=python#directory_user.object`);
    expect(await shownLanguages(page)).toEqual(['curl']);
    await untilInView(page, '.lang-panel[data-lang="curl"] [data-anchor="directory_user.object"]');
    await done(page);
  });

  it('follows the id of one language row, as the rows after the first carry', async () => {
    const page = await open(`${objectPage}?lang=go`);
    const id = await page.$eval('.lang-panel[data-lang="python"] [data-anchor="directory_user.role.slug"]', (element) => element.id);
    expect(id).toBe('directory_user.role.slug-4');
    await page.goto(`${server.origin}${objectPage}#${id}`);
    expect(await shownLanguages(page)).toEqual(['python']);
    await untilInView(page, `[id="${id}"]`);
    await done(page);
  });

  it('follows a link icon on the page without a reload', async () => {
    const page = await open(`${objectPage}?lang=js`);
    const row = '.lang-panel[data-lang="js"] [data-anchor="directory_user.emails.value"]';
    await page.click(`${row} .anchor`);
    expect(new URL(page.url()).hash).toBe('#directory_user.emails.value');
    await untilInView(page, row);
    expect(await shownLanguages(page)).toEqual(['js']);
    await done(page);
  });
});

describe('search', () => {
  it('finds a property by its Python name and opens it in place', async () => {
    const page = await open('/?lang=python');
    await page.keyboard.press('/');
    await page.waitForSelector('.search-dialog[open] input:focus');
    await page.keyboard.type('user_id');
    await page.waitForSelector('.search-results [role="option"]');
    const first = await page.$eval('.search-results [role="option"]', (option) => ({
      name: option.querySelector('code')?.textContent,
      href: option.getAttribute('data-href'),
      selected: option.getAttribute('aria-selected'),
    }));
    expect(first).toEqual({ name: 'user_id', href: `${methodPage}#list_directory_groups.user`, selected: 'true' });
    await Promise.all([page.waitForURL(/#list_directory_groups\.user$/), page.keyboard.press('Enter')]);
    const row = '.lang-panel[data-lang="python"] [data-anchor="list_directory_groups.user"]';
    expect(await shownLanguages(page)).toEqual(['python']);
    await untilInView(page, row);
    await done(page);
  });

  it('keeps what is typed while the search script is still loading', async () => {
    const page = await open('/?lang=python');
    // The script is held back until the keys are typed, as on a slow network.
    let requested!: () => void;
    const scriptRequested = new Promise<void>((resolve) => (requested = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/search.js', async (route) => {
      requested();
      await released;
      await route.continue();
    });
    await page.keyboard.press('/');
    await scriptRequested;
    await page.keyboard.type('user_idx');
    await page.keyboard.press('Backspace');
    // No field to type into yet: the keys went to the page.
    expect(await page.$('.search-dialog')).toBeNull();
    release();
    await page.waitForSelector('.search-dialog[open] input:focus');
    expect(await page.inputValue('.search-dialog input')).toBe('user_id');
    await page.waitForSelector('.search-results [role="option"]');
    expect(await page.$eval('.search-results [role="option"] code', (name) => name.textContent)).toBe('user_id');
    // The query goes on where it was left: the caret at its end, nothing selected.
    await page.keyboard.type('s');
    expect(await page.inputValue('.search-dialog input')).toBe('user_ids');
    await done(page);
  });

  it('opens with Ctrl+K, finds pages by title and closes with Escape', async () => {
    const page = await open(methodPage);
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('search')))).toBe(false);
    await page.keyboard.press('Control+k');
    await page.waitForSelector('.search-dialog[open]');
    await page.keyboard.type('delete directory');
    await page.waitForSelector('.search-results [role="option"]');
    expect(await page.getAttribute('.search-results [role="option"]', 'data-href')).toMatch(/^\/reference\/directory-sync\/directory\/delete/);
    await page.keyboard.press('Escape');
    expect(await page.isVisible('.search-dialog')).toBe(false);
    // Focus goes back to where it was (the page) when the dialog's `close` event comes, a task after Escape.
    await page.waitForFunction(() => document.activeElement === document.body);
    await done(page);
  });
});

describe('reading aids', () => {
  it('copies an example to the clipboard', async () => {
    const page = await open(objectPage, { permissions: ['clipboard-read', 'clipboard-write'] });
    const code = await page.$eval('.lang-panel:not([hidden]) figure pre', (pre) => pre.textContent);
    const button = '.lang-panel:not([hidden]) figure .copy-button';
    await page.click(button);
    // The button says so once the clipboard holds the code, and for two seconds only: wait for it, not for time.
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === 'Copied', button);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await done(page);
  });

  it('expands every nested row of a table at once', async () => {
    const page = await open(objectPage);
    const table = '.lang-panel:not([hidden]) .property-table';
    const openRows = () => page.$$eval(`${table} details.children`, (rows) => rows.map((row) => (row as HTMLDetailsElement).open));
    expect(await openRows()).toEqual([true, false, false]);
    await page.click(`${table} .expand-all`);
    expect(await openRows()).toEqual([true, true, true]);
    expect(await page.textContent(`${table} .expand-all`)).toBe('Collapse all');
    await done(page);
  });

  it('links symbols in example code to their reference page', async () => {
    const page = await open('/reference/directory-sync/directory-group/get?lang=python');
    expect(await page.$$eval('.lang-panel:not([hidden]) pre a.symbol-link', (links) => links.map((link) => [link.textContent, link.getAttribute('href')]))).toEqual([
      ['get_group', '/reference/directory-sync/directory-group/get'],
    ]);
    await done(page);
  });

  it('switches to the dark theme and keeps it', async () => {
    const page = await open(objectPage, { colorScheme: 'light' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.click('.theme-toggle');
    expect(await page.getAttribute('.theme-toggle', 'aria-pressed')).toBe('true');
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.reload();
    expect(await background()).toBe('rgb(13, 17, 23)');
    await done(page);
  });

  it('walks the sidebar, breadcrumbs and previous/next in reading order', async () => {
    const page = await open('/reference/directory-sync/directory-group/get');
    expect(await page.textContent('.sidebar a[aria-current="page"]')).toBe('Get a Directory Group');
    expect(await page.$$eval('.breadcrumbs li', (items) => items.map((item) => item.textContent?.trim()))).toEqual([
      'Home',
      'Directory Sync',
      'Directory Group',
      'Get a Directory Group',
    ]);
    expect(await page.textContent('.pager-previous .pager-title')).toBe('Directory Group');
    expect(await page.textContent('.pager-next .pager-title')).toBe('List Directory Groups');
    // The current section is open, the others folded behind a toggle.
    expect(await sidebarToggles(page)).toEqual([
      ['Directory Sync pages', 'true'],
      ['Directory pages', 'false'],
      ['Directory User pages', 'false'],
      ['Directory Group pages', 'true'],
    ]);
    await done(page);
  });

  it('unfolds a folded section with the links of the navigation file, fetched once, and they navigate', async () => {
    const page = await open('/reference/directory-sync/directory-group/get');
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const directory = '.sidebar li[data-nav-children="1-1"]';
    const directoryUser = '.sidebar li[data-nav-children="1-2"]';
    // The page itself lists neither folded section's links.
    expect(await page.$$(`${directory} > ul, ${directoryUser} > ul`)).toHaveLength(0);
    expect(await page.$$('.sidebar a[href^="/reference/directory-sync/directory/"]')).toHaveLength(0);

    await page.click(`${directory} .nav-toggle`);
    await page.waitForSelector(`${directory} .nav-toggle[aria-expanded="true"]`);
    const shown = () => page.$$eval(`${directory} > ul a`, (links) => links.filter((link) => link.checkVisibility()).map((link) => link.textContent));
    expect(await shown()).toEqual(['Get a Directory', 'List Directories', 'Delete a Directory']);

    // From the keyboard, as any toggle: a second section, from the file already fetched.
    await page.focus(`${directoryUser} .nav-toggle`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${directoryUser} .nav-toggle[aria-expanded="true"]`);
    expect(await page.$$eval(`${directoryUser} > ul a`, (links) => links.map((link) => link.textContent))).toEqual(['Get a Directory User', 'List Directory Users']);
    expect(fetched.filter((url) => url.startsWith('/assets/nav/'))).toEqual(['/assets/nav/reference/_navigation.json']);

    // Folding it again hides the links and keeps them.
    await page.click(`${directory} .nav-toggle`);
    expect(await page.getAttribute(`${directory} .nav-toggle`, 'aria-expanded')).toBe('false');
    expect(await shown()).toEqual([]);
    await page.click(`${directory} .nav-toggle`);
    await Promise.all([page.waitForURL('**/reference/directory-sync/directory/list'), page.click(`${directory} a:text-is("List Directories")`)]);
    expect(await page.textContent('.sidebar a[aria-current="page"]')).toBe('List Directories');
    expect(await sidebarToggles(page)).toEqual([
      ['Directory Sync pages', 'true'],
      ['Directory pages', 'true'],
      ['Directory User pages', 'false'],
      ['Directory Group pages', 'false'],
    ]);
    await done(page);
  });

  it('without JavaScript, takes a folded section’s link to its page, where the section is open', async () => {
    const page = await open('/reference/directory-sync/directory-group/get', { javaScriptEnabled: false });
    await Promise.all([page.waitForURL('**/reference/directory-sync/directory'), page.click('.sidebar li[data-nav-children="1-1"] > a')]);
    expect(await page.textContent('.sidebar a[aria-current="page"]')).toBe('Directory');
    expect(await page.$$eval('.sidebar li.open > ul a', (links) => links.filter((link) => link.checkVisibility()).map((link) => link.textContent))).toEqual([
      'Directory',
      'Get a Directory',
      'List Directories',
      'Delete a Directory',
      'Directory User',
      'Directory Group',
    ]);
    await done(page);
  });
});

describe('screenshots for review', () => {
  const shots = [
    { name: 'object', url: objectPage },
    { name: 'method', url: `${methodPage}?lang=java` },
  ];
  const sizes = [
    { name: 'desktop', width: 1280, height: 900 },
    { name: 'mobile', width: 390, height: 844 },
  ];
  for (const shot of shots) {
    for (const size of sizes) {
      it(`${shot.name} page at ${size.width} px fits the screen and is saved`, async () => {
        const page = await open(shot.url, { viewport: { width: size.width, height: size.height } });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
        // The tab list scrolls sideways on a narrow screen; the selected tab is scrolled into sight.
        const tabInSight = await page.$eval('.lang-tab[aria-selected="true"]', (tab) => {
          const list = tab.parentElement!.getBoundingClientRect();
          const box = tab.getBoundingClientRect();
          return box.left >= list.left && box.right <= list.right;
        });
        expect(tabInSight).toBe(true);
        fs.mkdirSync(screenshotsFolder, { recursive: true });
        const file = path.join(screenshotsFolder, `${shot.name}-${size.name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(fs.statSync(file).size).toBeGreaterThan(10_000);
        await done(page);
      });
    }
  }
});
