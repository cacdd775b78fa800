/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks given to page.evaluate and $eval run in the page, with its DOM.
/**
 * The built example site as files a browser fetches: every internal link and
 * fragment resolves, each page stays within its script and style budget, and
 * a missing page gets the 404 page with working styles.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildExampleSite, launchChromium, resolveRequest, serve, type BuiltSite, type StaticServer } from './harness.js';

/** Per page, before compression: everything the page loads when it opens. */
const budget = { js: 30_000, css: 30_000 };

// A real browser on a loaded CI machine: seconds per step, and a whole site to build first.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 180_000 });

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

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

/** Every HTML file of the output as the URL path a reader opens. */
function htmlPages(): string[] {
  return fs
    .readdirSync(site.out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(site.out, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .map((file) => (file === '404.html' ? '/404.html' : `/${file.replace(/(^|\/)index\.html$/, '')}`))
    .sort();
}

describe('internal links', () => {
  it('resolve to a file, and every #fragment to an element of the target page', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const idsByPath = new Map<string, Set<string>>();
    const links = new Map<string, Set<string>>();
    for (const url of htmlPages()) {
      await page.goto(`${server.origin}${url}`);
      idsByPath.set(new URL(page.url()).pathname, new Set(await page.$$eval('[id]', (elements) => elements.map((element) => element.id))));
      const found = await page.$$eval('a[href], link[href], script[src], img[src]', (elements) =>
        elements.map((element) => (element as HTMLAnchorElement).href || (element as HTMLScriptElement).src),
      );
      for (const href of found) {
        if (!href.startsWith(server.origin)) continue;
        if (!links.has(href)) links.set(href, new Set());
        links.get(href)!.add(url);
      }
    }
    expect(idsByPath.size).toBeGreaterThan(10);
    expect(links.size).toBeGreaterThan(50);

    const broken: string[] = [];
    for (const [href, from] of [...links].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const target = new URL(href);
      const where = `${target.pathname}${target.hash} (linked from ${[...from].join(', ')})`;
      const file = resolveRequest(site.out, target.pathname);
      if (!file) {
        broken.push(`missing ${where}`);
        continue;
      }
      if (!target.hash) continue;
      let ids = idsByPath.get(target.pathname);
      if (!ids && file.endsWith('.html')) {
        await page.goto(`${server.origin}${target.pathname}`);
        ids = new Set(await page.$$eval('[id]', (elements) => elements.map((element) => element.id)));
        idsByPath.set(target.pathname, ids);
      }
      if (!ids?.has(decodeURIComponent(target.hash.slice(1)))) broken.push(`no element for ${where}`);
    }
    expect(broken).toEqual([]);
    await context.close();
  });

  it('in llms.txt point at the Markdown copies written beside the pages, every one of them', () => {
    const text = fs.readFileSync(path.join(site.out, 'llms.txt'), 'utf8');
    const targets = [...text.matchAll(/\]\((\/[^)\s]*)\)/g)].map((match) => match[1]!).sort();
    const copies = fs
      .readdirSync(site.out, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name === 'index.md')
      .map((entry) => `/${path.relative(site.out, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`)
      .sort();
    expect(copies.length).toBeGreaterThan(10);
    expect(targets).toEqual(copies);
  });
});

describe('page weight', () => {
  const weights: Array<{ page: string; js: number; css: number }> = [];

  it(`stays under ${budget.js} bytes of JavaScript and ${budget.css} of CSS on every page`, { timeout: 180_000 }, async () => {
    for (const url of htmlPages()) {
      // A fresh context per page: nothing comes from a cache, every byte is counted.
      const context = await browser.newContext();
      weights.push({ page: url, ...(await measure(context, url)) });
      await context.close();
    }
    console.info(weights.map((weight) => `${weight.page}: JS ${weight.js} B, CSS ${weight.css} B`).join('\n'));
    for (const weight of weights) {
      // The script is there at all: a page that lost it would pass the budget for the wrong reason.
      expect(weight.js, `JavaScript of ${weight.page}`).toBeGreaterThan(5_000);
      expect(weight.js, `JavaScript of ${weight.page}`).toBeLessThan(budget.js);
      expect(weight.css, `CSS of ${weight.page}`).toBeLessThan(budget.css);
    }
  });

  it('loads the search library and index only when the reader searches', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Each response is listed as it comes; its size is read later, once the results show it arrived.
    const fetched: Array<{ url: string; bytes: Promise<number> }> = [];
    page.on('response', (response) => {
      fetched.push({ url: new URL(response.url()).pathname, bytes: response.body().then((body) => body.length, () => 0) });
    });
    await page.goto(`${server.origin}/reference/directory-sync/directory-user`);
    expect(fetched.map((entry) => entry.url).filter((url) => /search|minisearch/.test(url))).toEqual([]);
    await page.keyboard.press('/');
    await page.waitForSelector('.search-dialog[open] input:focus');
    await page.keyboard.type('email');
    await page.waitForSelector('.search-results [role="option"]');
    const onDemand = fetched.filter((entry) => /search|minisearch/.test(entry.url));
    expect(onDemand.map((entry) => entry.url).sort()).toEqual(['/assets/minisearch.js', '/assets/search.js', '/search-index.json']);
    console.info((await Promise.all(onDemand.map(async (entry) => `${entry.url}: ${await entry.bytes} B`))).join('\n'));
    await context.close();
  });
});

describe('404 page', () => {
  it('answers a missing address deep in the site, with its styles and scripts', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/no/such/page')) failed.push(response.url());
    });
    const response = await page.goto(`${server.origin}/reference/no/such/page`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page not found');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).position)).toBe('sticky');
    expect(await page.getAttribute('.not-found a', 'href')).toBe('/');
    expect(failed).toEqual([]);
    await context.close();
  });
});

/** Bytes of script and style a page loads as it opens: files fetched plus inline `<script>` and `<style>`. */
async function measure(context: BrowserContext, url: string): Promise<{ js: number; css: number }> {
  const page = await context.newPage();
  const bodies: Array<Promise<{ type: string; bytes: number }>> = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet') bodies.push(response.body().then((body) => ({ type, bytes: body.length })));
  });
  await page.goto(`${server.origin}${url}`);
  const inline = await page.evaluate(() => ({
    js: [...document.querySelectorAll('script:not([src])')].reduce((sum, script) => sum + new TextEncoder().encode(script.textContent ?? '').length, 0),
    css: [...document.querySelectorAll('style')].reduce((sum, style) => sum + new TextEncoder().encode(style.textContent ?? '').length, 0),
  }));
  const fetched = await Promise.all(bodies);
  await page.close();
  const sum = (type: string) => fetched.filter((body) => body.type === type).reduce((total, body) => total + body.bytes, 0);
  return { js: sum('script') + inline.js, css: sum('stylesheet') + inline.css };
}
