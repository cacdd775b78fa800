/**
 * What the browser tests share: the example site built into a temporary
 * folder, a static server for it on 127.0.0.1, and Chromium driven by
 * playwright-core: the system's when there is one, else the build that the
 * `@sparticuz/chromium` package ships, so that `npm ci && npm test` needs
 * nothing installed by hand.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { runBuild } from '../../src/pipeline/build.js';
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

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves a folder the way static hosts do: `/a/b` and `/a/b/` answer with
 * `a/b/index.html`, anything missing with `404.html` and status 404.
 */
export async function serve(root: string): Promise<StaticServer> {
  const server = http.createServer((request, response) => {
    const file = resolveRequest(root, request.url ?? '/');
    const status = file ? 200 : 404;
    const body = file ?? path.join(root, '404.html');
    if (!fs.existsSync(body)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(status, { 'content-type': contentTypes[path.extname(body)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(fs.readFileSync(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The file a URL path names under `root`, or null when there is none (or it would leave `root`). */
export function resolveRequest(root: string, url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return null;
  }
  const target = path.resolve(root, `.${pathname}`);
  if (target !== root && !target.startsWith(root + path.sep)) return null;
  for (const candidate of [target, path.join(target, 'index.html')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const screenshotsFolder = path.join(repoRoot, 'test', 'screenshots');
