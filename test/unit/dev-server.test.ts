import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DevServer } from '../../src/dev/server.js';

const files = new Map<string, string>([
  ['index.html', '<!doctype html><html><body><h1>Home</h1></body></html>'],
  ['reference/thing/index.html', '<!doctype html><html><body><p>Thing</p></body></html>'],
  ['404.html', '<!doctype html><html><body>Missing</body></html>'],
  ['assets/polyref.css', 'body{}'],
]);
const site = { file: (name: string) => files.get(name) };

let servers: DevServer[] = [];
afterEach(async () => {
  for (const server of servers) await server.close();
  servers = [];
});

async function start(basePath = '/', port = 0): Promise<string> {
  const server = new DevServer(site, basePath);
  servers.push(server);
  return `http://127.0.0.1:${await server.listen(port)}`;
}

describe('DevServer', () => {
  it('serves pages from memory with the live-reload script, assets as they are, and the 404 page for anything else', async () => {
    const origin = await start();
    const page = await fetch(`${origin}/reference/thing`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html><html><body><p>Thing</p><script src="/__polyref/client.js" data-base-path="/"></script></body></html>');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await (await fetch(`${origin}/reference/thing/`)).text()).toContain('<p>Thing</p>');
    const css = await fetch(`${origin}/assets/polyref.css`);
    expect([css.headers.get('content-type'), await css.text()]).toEqual(['text/css; charset=utf-8', 'body{}']);
    for (const missing of ['/nothing', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%E0%A4%A']) {
      const response = await fetch(`${origin}${missing}`);
      expect(response.status, missing).toBe(404);
      expect(await response.text(), missing).toContain('Missing');
    }
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
    const script = await fetch(`${origin}/__polyref/client.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain("new EventSource(\"/__polyref/events\")");
  });

  it('finds a page under its other names without making the files about the whole site, and makes them for a name only they have', async () => {
    const siteFileNames = new Set(['search-index.json', '404.html']);
    const made: string[] = [];
    const lazySite = {
      fileAtHand: (name: string) => (siteFileNames.has(name) ? undefined : files.get(name)),
      file: (name: string) => {
        made.push(name);
        return siteFileNames.has(name) ? (name === '404.html' ? files.get(name) : '{"documents":[]}') : files.get(name);
      },
    };
    const server = new DevServer(lazySite, '/');
    servers.push(server);
    const origin = `http://127.0.0.1:${await server.listen(0)}`;
    expect(await (await fetch(`${origin}/reference/thing`)).text()).toContain('<p>Thing</p>');
    expect(await (await fetch(`${origin}/assets/polyref.css`)).text()).toBe('body{}');
    expect(made).toEqual([]);
    const index = await fetch(`${origin}/search-index.json`);
    expect([index.status, await index.text()]).toEqual([200, '{"documents":[]}']);
    expect(made).toEqual(['search-index.json']);
  });

  it('serves a site under its base path and sends the bare root there', async () => {
    const origin = await start('/docs/');
    const root = await fetch(`${origin}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/docs/']);
    expect(await (await fetch(`${origin}/docs/reference/thing`)).text()).toContain('data-base-path="/docs/"');
    expect((await fetch(`${origin}/reference/thing`)).status).toBe(404);
  });

  it('takes the next port when the one asked for is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const origin = await start('/', taken);
      expect(Number(new URL(origin).port)).toBeGreaterThan(taken);
      expect((await fetch(`${origin}/`)).status).toBe(200);
    } finally {
      blocker.close();
    }
  });

  it('streams the status on connect, then reloads and status changes, and ends the stream when closed', async () => {
    const server = new DevServer(site, '/');
    const origin = `http://127.0.0.1:${await server.listen(0)}`;
    const response = await fetch(`${origin}/__polyref/events`);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (wanted: string) => {
      while (!text.includes(wanted)) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
      }
    };
    await readUntil('\n\n');
    expect(text).toBe('retry: 1000\nevent: status\ndata: {"ok":true,"problems":[]}\n\n');
    server.setStatus({ ok: false, problems: [{ file: 'content/a.mdx', line: 3, column: 5, ruleId: 'unresolved-description', severity: 'error', message: 'Unexpected `(a.b)`' }] });
    server.reload(['/reference/thing']);
    await readUntil('"urls":["/reference/thing"]}\n\n');
    expect(text).toContain('event: status\ndata: {"ok":false,"problems":[{"file":"content/a.mdx","line":3,"column":5,"ruleId":"unresolved-description","severity":"error","message":"Unexpected `(a.b)`"}]}\n\n');
    expect(text).toContain('event: reload\ndata: {"urls":["/reference/thing"]}\n\n');
    expect(server.connections).toBe(1);
    await server.close();
    // The stream ends with the server.
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
  });
});
