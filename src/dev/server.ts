import type http from 'node:http';
import { contentTypes, send, SiteServer, type SiteFiles } from '../serve/site-server.js';
import { clientPath, clientScript, eventsPath } from './client-script.js';

/** One problem as the browser overlay shows it. */
export interface ProblemView {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface DevStatus {
  ok: boolean;
  problems: ProblemView[];
}

/** A comment on every open event stream this often keeps proxies from closing it. */
const heartbeatMs = 15_000;

/**
 * Serves the site from memory on 127.0.0.1, with the live-reload script
 * added to every HTML page and a server-sent event stream that tells open
 * pages what changed and whether the last rebuild had problems.
 */
export class DevServer {
  private readonly server: SiteServer;
  private readonly streams = new Set<http.ServerResponse>();
  private heartbeat: NodeJS.Timeout | null = null;
  private status: DevStatus = { ok: true, problems: [] };

  constructor(site: SiteFiles, basePath: string) {
    this.server = new SiteServer(site, {
      basePath,
      name: 'polyref dev',
      route: (request, response, pathname) => this.route(request, response, pathname),
      html: (html) => withClient(html, basePath),
    });
  }

  /** Listens on `port` (0 for any free one), or the next free port when it is taken; returns the port. */
  async listen(port: number): Promise<number> {
    const listening = await this.server.listen(port);
    this.heartbeat = setInterval(() => this.send(': keep-alive\n\n'), heartbeatMs);
    this.heartbeat.unref();
    return listening;
  }

  /** Serves another site from now on (after the configuration changed). */
  replaceSite(site: SiteFiles): void {
    this.server.replaceSite(site);
  }

  /** Tells open pages which site URLs changed (`*` for every page). */
  reload(urls: string[]): void {
    if (urls.length > 0) this.event('reload', { urls });
  }

  setStatus(status: DevStatus): void {
    this.status = status;
    this.event('status', status);
  }

  get connections(): number {
    return this.streams.size;
  }

  /** Ends every event stream and connection, then stops listening. */
  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    await this.server.close();
  }

  private event(name: string, data: unknown): void {
    this.send(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private send(text: string): void {
    for (const stream of this.streams) stream.write(text);
  }

  /** The event stream and the script that reads it; every other path is the site's. */
  private route(request: http.IncomingMessage, response: http.ServerResponse, pathname: string): boolean {
    if (pathname === eventsPath) {
      this.openStream(request, response);
      return true;
    }
    if (pathname === clientPath) {
      send(request, response, 200, contentTypes['.js']!, clientScript);
      return true;
    }
    return false;
  }

  private openStream(request: http.IncomingMessage, response: http.ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(`retry: 1000\nevent: status\ndata: ${JSON.stringify(this.status)}\n\n`);
    this.streams.add(response);
    request.on('close', () => this.streams.delete(response));
  }
}

function withClient(html: string, basePath: string): string {
  const tag = `<script src="${clientPath}" data-base-path="${basePath.replace(/[&"<>]/g, '')}"></script>`;
  const at = html.lastIndexOf('</body>');
  return at === -1 ? `${html}${tag}` : `${html.slice(0, at)}${tag}${html.slice(at)}`;
}
