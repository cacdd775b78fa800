/**
 * What the browser tests share: the example site built into a temporary
 * folder, served on 127.0.0.1 as `polyref serve` serves it, and Chromium driven by
 * playwright-core: the system's when there is one, else the build that the
 * `@sparticuz/chromium` package ships, so that `npm ci && npm test` needs
 * nothing installed by hand.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { runBuild } from '../../src/pipeline/build.js';
import { folderSite } from '../../src/serve/folder-site.js';
import { lookup, SiteServer } from '../../src/serve/site-server.js';
import { repoRoot } from '../helpers/run-cli.js';

/** Where a system Chromium is looked for, in order, after `POLYREF_CHROMIUM`. */
const systemChromiums = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium binary the tests drive. */
export async function chromiumPath(): Promise<string> {
  const given = process.env.POLYREF_CHROMIUM;
  if (given) return given;
  const system = systemChromiums.find((candidate) => fs.existsSync(candidate));
  if (system) return system;
  // Unpacked into the temporary folder on first use (about 2 s), then reused.
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

export interface BuiltSite {
  /** The output folder. */
  out: string;
  remove: () => void;
}

/** `content/` and `examples/` of this repository, built as `polyref build` would. */
export async function buildExampleSite(): Promise<BuiltSite> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'polyref-browser-'));
  const out = path.join(folder, 'site');
  const result = await runBuild(loadConfig({ cwd: repoRoot, overrides: { out } }));
  if (result.written === null) {
    const errors = result.results.flatMap((file) => file.findings.map((finding) => `${file.file}:${finding.place.line}: ${finding.message}`));
    throw new Error(`The example site did not build:\n${errors.join('\n')}`);
  }
  return { out, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/** Serves a built folder as `polyref serve` does: `/a/b` and `/a/b/` answer with `a/b/index.html`, anything missing with `404.html` and status 404. */
export async function serve(root: string): Promise<StaticServer> {
  const server = new SiteServer(folderSite(root), { basePath: '/', name: 'test server' });
  const port = await server.listen(0);
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** The file a URL path names under `root`, or null when there is none (or it would leave `root`). */
export function resolveRequest(root: string, url: string): string | null {
  const found = lookup(folderSite(root), url, '/');
  return found.kind === 'file' ? path.join(root, found.name) : null;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const screenshotsFolder = path.join(repoRoot, 'test', 'screenshots');
