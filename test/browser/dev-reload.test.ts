/// <reference lib="dom" />
// Callbacks given to page.evaluate and waitForFunction run in the page, with its DOM.
/**
 * `polyref dev` as a writer uses it, in headless Chromium: a page stays
 * open while its source is edited; it reloads by itself where it was, in the
 * language chosen; a broken reference shows over it until fixed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDevServer, type DevServerProcess } from '../helpers/dev-server.js';
import { launchChromium } from './harness.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 240_000 });

let server: DevServerProcess;
let browser: Browser;

beforeAll(async () => {
  server = await startDevServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.cleanup();
});

describe('polyref dev in the browser', () => {
  it('reloads an open page after an edit, keeping its scroll position and language, and shows then clears a broken reference', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    // Marks the page once its live-reload stream is open, so edits are made only after.
    await page.addInitScript(() => {
      const Original = window.EventSource;
      window.EventSource = class extends Original {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          this.addEventListener('open', () => document.documentElement.setAttribute('data-dev-stream', 'open'));
        }
      };
    });
    await page.goto(`${server.url}reference/directory-sync/directory-group`);
    await page.selectOption('[data-language-switcher]', 'python');
    await page.evaluate(() => window.scrollTo(0, 400));
    await page.waitForFunction(() => Math.abs(window.scrollY - 400) < 2);
    // The live-reload stream is open before anything changes.
    await page.waitForFunction(() => document.documentElement.getAttribute('data-dev-stream') === 'open');

    const file = path.join(server.dir, 'content/reference/directory-sync/directory-group/index.mdx');
    const original = fs.readFileSync(file, 'utf8');
    const reloaded = page.waitForEvent('load');
    fs.writeFileSync(file, original.replace('Unique identifier for the Directory Group.', 'Identifier, changed in the open browser.'));
    await reloaded;
    await page.waitForFunction(() => document.body.textContent?.includes('Identifier, changed in the open browser.'));
    expect(await page.evaluate(() => Math.round(window.scrollY))).toBe(400);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-lang'))).toBe('python');
    expect(await page.$eval('[data-language-switcher]', (select) => (select as HTMLSelectElement).value)).toBe('python');

    const edited = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, edited.replace('description: (directory_group.idp)', 'description: (directory_group.idpp)'));
    const overlay = await page.waitForSelector('#polyref-dev-overlay');
    const text = await overlay.textContent();
    expect(text).toContain('content/reference/directory-sync/directory-group/index.mdx:');
    expect(text).toContain('unresolved-description');
    expect(text).toContain('Unexpected unresolved description `(directory_group.idpp)`');
    // The diagnostic is text: the backticks and parentheses are not markup.
    expect(await overlay.evaluate((element) => element.querySelectorAll('code, a, script').length)).toBe(0);

    fs.writeFileSync(file, edited);
    await page.waitForSelector('#polyref-dev-overlay', { state: 'detached' });
    await page.close();
    expect(await server.interrupt()).toBe(0);
  });
});
