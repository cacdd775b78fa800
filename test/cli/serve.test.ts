import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServing, type ServingProcess } from '../helpers/dev-server.js';
import { makeProject, runPolyref } from '../helpers/run-cli.js';

const widget = ['---', 'title: Widget', '---', '', '# Widget', '', 'A [gadget](/gadget) goes with it.', ''].join('\n');
const gadget = ['---', 'title: Gadget', '---', '', '# Gadget', '', 'Goes with a [widget](/widget).', ''].join('\n');

const servers: ServingProcess[] = [];
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.cleanup();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A built two-page site, with a file beside its output that must never be served. */
function builtSite(files: Record<string, string> = {}, buildArgs: string[] = []): string {
  const project = makeProject({ 'content/widget.mdx': widget, 'content/gadget.mdx': gadget, 'secret.txt': 'not for the web', ...files });
  cleanups.push(project.cleanup);
  const build = runPolyref(['build', ...buildArgs], project.dir);
  expect(build.status, build.stderr).toBe(0);
  return project.dir;
}

async function serve(dir: string, args: string[] = []): Promise<ServingProcess> {
  const server = await startServing(['serve', '--port', '0', ...args], dir);
  servers.push(server);
  return server;
}

describe('polyref serve', () => {
  it('serves the built pages, assets and site files with their content types, and the built 404 page for anything else', async () => {
    const dir = builtSite();
    const server = await serve(dir);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const origin = server.url.slice(0, -1);

    for (const page of ['/widget', '/widget/']) {
      const response = await fetch(`${origin}${page}`);
      expect([response.status, response.headers.get('content-type')], page).toEqual([200, 'text/html; charset=utf-8']);
      expect(await response.text(), page).toBe(fs.readFileSync(path.join(dir, 'out/widget/index.html'), 'utf8'));
    }
    const home = await fetch(server.url);
    expect(await home.text()).toBe(fs.readFileSync(path.join(dir, 'out/index.html'), 'utf8'));
    const types: Record<string, string> = {
      '/assets/polyref.css': 'text/css; charset=utf-8',
      '/assets/polyref.js': 'text/javascript; charset=utf-8',
      '/search-index.json': 'application/json; charset=utf-8',
      '/widget/index.md': 'text/markdown; charset=utf-8',
      '/llms.txt': 'text/plain; charset=utf-8',
    };
    for (const [file, type] of Object.entries(types)) {
      const response = await fetch(`${origin}${file}`);
      expect([response.status, response.headers.get('content-type')], file).toEqual([200, type]);
      expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(path.join(dir, 'out', file))), file).toBe(true);
    }

    const notFound = fs.readFileSync(path.join(dir, 'out/404.html'), 'utf8');
    for (const missing of ['/nothing', '/widget/nothing', '/%E0%A4%A']) {
      const response = await fetch(`${origin}${missing}`);
      expect([response.status, response.headers.get('content-type')], missing).toEqual([404, 'text/html; charset=utf-8']);
      expect(await response.text(), missing).toBe(notFound);
    }

    const head = await fetch(`${origin}/widget`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, String(fs.statSync(path.join(dir, 'out/widget/index.html')).size), '']);
    expect((await fetch(`${origin}/widget`, { method: 'POST' })).status).toBe(405);
  }, 120_000);

  it('never answers with a file outside the output folder', async () => {
    const dir = builtSite();
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(dir, 'out/linked.txt'));
    const server = await serve(dir);
    const origin = server.url.slice(0, -1);
    // `fetch` would resolve `..` itself: the raw request line is what a hostile client sends.
    for (const target of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/linked.txt', '/secret.txt%00.html']) {
      const answer = await rawGet(origin, target);
      expect(answer.status, target).toBe(404);
      expect(answer.body, target).not.toContain('not for the web');
    }
  }, 120_000);

  it('serves a site under the base path it was built for, and sends the bare root there', async () => {
    const dir = builtSite({ 'polyref.config.json': '{ "basePath": "/docs/" }' });
    const server = await serve(dir);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/docs\/$/);
    const origin = new URL(server.url).origin;
    for (const bare of ['/', '/docs']) {
      const response = await fetch(`${origin}${bare}`, { redirect: 'manual' });
      expect([response.status, response.headers.get('location')], bare).toEqual([302, '/docs/']);
    }
    const page = await fetch(`${origin}/docs/widget`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('href="/docs/gadget"');
    expect((await fetch(`${origin}/docs/assets/polyref.css`)).status).toBe(200);
    expect((await fetch(`${origin}/widget`)).status).toBe(404);
    expect(server.stderr()).toBe('');
  }, 120_000);

  it('serves the output under the base path it was built with when the configuration says another, and says so', async () => {
    const dir = builtSite({}, ['--base-path', '/api/']);
    const server = await serve(dir);
    expect(new URL(server.url).pathname).toBe('/api/');
    expect((await fetch(`${server.url}widget`)).status).toBe(200);
    expect(server.stderr()).toBe('polyref serve: out was built for the base path `/api/`, not `/`; serving it under `/api/` (run `polyref build` to build it again)\n');
  }, 120_000);

  it('takes the next port when the one asked for is taken, and stops on Ctrl-C', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const dir = builtSite();
      const server = await startServing(['serve', '--port', String(taken)], dir);
      servers.push(server);
      expect(Number(new URL(server.url).port)).toBeGreaterThan(taken);
      expect((await fetch(`${server.url}widget`)).status).toBe(200);
      expect(await server.interrupt()).toBe(0);
      expect(server.stderr()).toBe('polyref serve: stopped\n');
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  }, 120_000);

  it('says to build first when there is no built site, and exits 2', () => {
    const project = makeProject({ 'content/widget.mdx': widget });
    cleanups.push(project.cleanup);
    const result = runPolyref(['serve', '--port', '0'], project.dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('polyref: Cannot find a built site in `out`\n  hint: run `polyref build` first\n');
  });
});

/** One GET with the target exactly as given, as `curl --path-as-is` sends it. */
function rawGet(origin: string, target: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(`GET ${target} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`));
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(received)?.[1] ?? 0), body: received.slice(received.indexOf('\r\n\r\n') + 4) }));
    socket.on('error', reject);
  });
}
