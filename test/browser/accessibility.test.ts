/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks given to page.evaluate and $eval run in the page, with its DOM.
/**
 * axe-core, run inside Chromium on the built example site: an object page,
 * a method page and the home page, in the light and the dark theme, at a
 * desktop and a phone's width, and the search dialog open. Every rule axe
 * runs by default must pass.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildExampleSite, launchChromium, serve, type BuiltSite, type StaticServer } from './harness.js';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

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

/** Violations as readable lines: rule, impact, the elements and what is wrong with them. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return found.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
  );
}

const pages = [
  { name: 'object page', url: '/reference/directory-sync/directory-user' },
  { name: 'method page', url: '/reference/directory-sync/directory-group/list?lang=go' },
  { name: 'index page', url: '/' },
];

/** A desktop screen, and a phone's, where the header's controls show icons without their labels. */
const screens = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

describe('axe-core finds no violations', () => {
  for (const screen of screens) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const { name, url } of pages) {
        it(`on the ${name} in the ${scheme} theme, ${screen.name} width (${screen.viewport.width} px)`, async () => {
          const context = await browser.newContext({ colorScheme: scheme, viewport: screen.viewport });
          const page = await context.newPage();
          await page.goto(`${server.origin}${url}`);
          // Nested rows open, so that their contents are checked too.
          await page.$$eval('details', (all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
          expect(await violations(page)).toEqual([]);
          await context.close();
        });
      }
    }
  }

  it('with the search dialog open on results, on a narrow screen', async () => {
    const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/reference/directory-sync/directory-user`);
    await page.keyboard.press('/');
    await page.waitForSelector('.search-dialog[open] input:focus');
    await page.keyboard.type('directory');
    await page.waitForSelector('.search-results [role="option"]');
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('on the object page as it reads without JavaScript', async () => {
    // axe is a script itself: the page keeps scripting on but loses polyref's, which is what a reader without JavaScript gets.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.route('**/assets/polyref.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
    await page.goto(`${server.origin}/reference/directory-sync/directory-user`);
    await page.evaluate(() => document.documentElement.classList.remove('js'));
    expect(await page.$$eval('details.lang-panel', (panels) => panels.length)).toBe(8);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
