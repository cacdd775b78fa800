import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServerProcess } from '../helpers/dev-server.js';

/** Server-sent events of one stream, parsed as they arrive. */
class EventStream {
  readonly events: Array<{ event: string; data: unknown }> = [];
  private readonly controller = new AbortController();
  private waiters: Array<() => void> = [];

  constructor(url: string) {
    void this.read(url);
  }

  /** The first event after `from` that `matches`, waiting for it. */
  async next(from: number, matches: (event: { event: string; data: unknown }) => boolean, timeoutMs = 120_000): Promise<{ event: string; data: unknown }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(from).find(matches);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching event; got ${JSON.stringify(this.events.slice(from))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 1000);
      });
    }
  }

  close(): void {
    this.controller.abort();
  }

  private async read(url: string): Promise<void> {
    try {
      const response = await fetch(url, { signal: this.controller.signal });
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) this.events.push({ event, data: JSON.parse(data) });
          for (const wake of this.waiters.splice(0)) wake();
        }
      }
    } catch {
      // Aborted when the test closes the stream, or ended with the server.
    }
  }
}

interface Status {
  ok: boolean;
  problems: Array<{ file: string; line: number; column: number; ruleId: string; severity: string; message: string }>;
}

describe('polyref dev', () => {
  let server: DevServerProcess;

  beforeAll(async () => {
    server = await startDevServer();
  }, 240_000);

  afterAll(() => server?.cleanup());

  it('serves pages with the live-reload script, reloads them after an edit, shows a broken reference and clears it, and stops on Ctrl-C', async () => {
    const { url, dir } = server;
    const pageUrl = `${url}reference/directory-sync/directory-group`;
    const first = await fetch(pageUrl);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await first.text();
    expect(html).toContain('<script src="/__polyref/client.js" data-base-path="/"></script></body>');
    expect(html).toContain('Unique identifier for the Directory Group.');
    expect((await fetch(`${url}no/such/page`)).status).toBe(404);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);

    const events = new EventStream(`${url}__polyref/events`);
    try {
      const initial = await events.next(0, (event) => event.event === 'status');
      expect(initial.data).toEqual({ ok: true, problems: [] });

      // An edited description: the pages that use it reload with the new text.
      const file = path.join(dir, 'content/reference/directory-sync/directory-group/index.mdx');
      const original = fs.readFileSync(file, 'utf8');
      let mark = events.events.length;
      fs.writeFileSync(file, original.replace('Unique identifier for the Directory Group.', 'The identifier, edited while serving.'));
      const reload = await events.next(mark, (event) => event.event === 'reload');
      expect((reload.data as { urls: string[] }).urls).toContain('/reference/directory-sync/directory-group');
      expect(await (await fetch(pageUrl)).text()).toContain('The identifier, edited while serving.');

      // A broken reference: the last good page stays, the overlay gets the diagnostic.
      mark = events.events.length;
      const edited = fs.readFileSync(file, 'utf8');
      const broken = edited.replace('description: (directory_group.idp)', 'description: (directory_group.idpp)');
      expect(broken).not.toBe(edited);
      fs.writeFileSync(file, broken);
      const failed = (await events.next(mark, (event) => event.event === 'status' && !(event.data as Status).ok)).data as Status;
      const line = broken.split('\n').findIndex((text) => text.includes('(directory_group.idpp)')) + 1;
      expect(failed.problems[0]).toEqual({
        file: 'content/reference/directory-sync/directory-group/index.mdx',
        line,
        column: broken.split('\n')[line - 1]!.indexOf('(directory_group.idpp)') + 1,
        ruleId: 'unresolved-description',
        severity: 'error',
        message: 'Unexpected unresolved description `(directory_group.idpp)`, expected a key in `descriptions` (did you mean `directory_group.idp`?)',
      });
      expect(await (await fetch(pageUrl)).text()).toContain('The identifier, edited while serving.');

      // Fixed: the overlay clears.
      mark = events.events.length;
      fs.writeFileSync(file, edited);
      const fixed = await events.next(mark, (event) => event.event === 'status');
      expect(fixed.data).toEqual({ ok: true, problems: [] });
    } finally {
      events.close();
    }

    expect(await server.interrupt()).toBe(0);
    expect(server.stderr()).toContain('polyref dev: stopped');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  }, 600_000);
});
