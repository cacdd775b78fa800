import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path/posix';
import { clientPath, clientScript, eventsPath } from './client-script.js';

/** Where the server reads the site from: the last good output, by path relative to the output folder. */
export interface SiteFiles {
  file(relativePath: string): string | Buffer | undefined;
  /**
   * The file when it is at hand, without making the files about the whole
   * site (which may take seconds on a large site): a page's URL is tried
   * under several names, and a miss of the first must not make them.
   */
  fileAtHand?(relativePath: string): string | Buffer | undefined;
}

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

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Ports tried after the one asked for, when it is taken. */
const portAttempts = 20;
/** A comment on every open event stream this often keeps proxies from closing it. */
const heartbeatMs = 15_000;

/**
 * Serves the site from memory on 127.0.0.1, with the live-reload script
 * added to every HTML page and a server-sent event stream that tells open
 * pages what changed and whether the last rebuild had problems.
 */
export class DevServer {
  private readonly server: http.Server;
  private readonly streams = new Set<http.ServerResponse>();
  private heartbeat: NodeJS.Timeout | null = null;
  private status: DevStatus = { ok: true, problems: [] };

  constructor(
    private site: SiteFiles,
    private readonly basePath: string,
  ) {
    this.server = http.createServer((request, response) => {
      try {
        this.handle(request, response);
      } catch (error) {
        // A page that cannot be made (a template failing on a generated page) is an answer, not a crash.
        if (response.headersSent) response.destroy();
        else response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`polyref dev: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    });
  }

  /** Listens on `port` (0 for any free one), or the next free port when it is taken; returns the port. */
  async listen(port: number): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const wanted = port === 0 ? 0 : port + attempt;
      try {
        await new Promise<void>((resolve, reject) => {
          const onError = (error: Error) => {
            this.server.off('listening', onListening);
            reject(error);
          };
          const onListening = () => {
            this.server.off('error', onError);
            resolve();
          };
          this.server.once('error', onError);
          this.server.once('listening', onListening);
          this.server.listen(wanted, '127.0.0.1');
        });
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EADDRINUSE' || port === 0 || attempt + 1 >= portAttempts) throw error;
      }
    }
    this.heartbeat = setInterval(() => this.send(': keep-alive\n\n'), heartbeatMs);
    this.heartbeat.unref();
    return (this.server.address() as AddressInfo).port;
  }

  /** Serves another site from now on (after the configuration changed). */
  replaceSite(site: SiteFiles): void {
    this.site = site;
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
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private event(name: string, data: unknown): void {
    this.send(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private send(text: string): void {
    for (const stream of this.streams) stream.write(text);
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === eventsPath) return this.openStream(request, response);
    if (url.pathname === clientPath) return this.respond(request, response, 200, contentTypes['.js']!, clientScript);

    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return this.notFound(request, response);
    }
    if (this.basePath !== '/') {
      if (pathname === '/' || pathname === this.basePath.slice(0, -1)) {
        response.writeHead(302, { location: this.basePath }).end();
        return;
      }
      if (!pathname.startsWith(this.basePath)) return this.notFound(request, response);
      pathname = `/${pathname.slice(this.basePath.length)}`;
    }
    // Only names of the output are ever looked up: nothing here reads the file system.
    const relative = path.normalize(pathname).replace(/^\/+/, '');
    const names = candidates(relative);
    for (const lookup of [(name: string) => this.site.fileAtHand?.(name), (name: string) => this.site.file(name)]) {
      for (const candidate of names) {
        const content = lookup(candidate);
        if (content === undefined) continue;
        return this.respond(request, response, 200, contentTypeOf(candidate), content);
      }
    }
    this.notFound(request, response);
  }

  private notFound(request: http.IncomingMessage, response: http.ServerResponse): void {
    const page = this.site.file('404.html');
    this.respond(request, response, 404, contentTypes['.html']!, page ?? '<!doctype html><title>Not found</title><h1>Not found</h1>');
  }

  private respond(request: http.IncomingMessage, response: http.ServerResponse, status: number, type: string, content: string | Buffer): void {
    const body = type.startsWith('text/html') ? withClient(content.toString(), this.basePath) : content;
    response.writeHead(status, {
      'content-type': type,
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  private openStream(request: http.IncomingMessage, response: http.ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(`retry: 1000\nevent: status\ndata: ${JSON.stringify(this.status)}\n\n`);
    this.streams.add(response);
    request.on('close', () => this.streams.delete(response));
  }
}

/** `reference/x` → `reference/x`, `reference/x/index.html`, `reference/x.html`. */
function candidates(relative: string): string[] {
  if (relative === '' || relative === '.') return ['index.html'];
  if (relative.endsWith('/')) return [`${relative}index.html`];
  return [relative, `${relative}/index.html`, `${relative}.html`];
}

function contentTypeOf(name: string): string {
  return contentTypes[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

function withClient(html: string, basePath: string): string {
  const tag = `<script src="${clientPath}" data-base-path="${basePath.replace(/[&"<>]/g, '')}"></script>`;
  const at = html.lastIndexOf('</body>');
  return at === -1 ? `${html}${tag}` : `${html.slice(0, at)}${tag}${html.slice(at)}`;
}
