import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path/posix';

/** Where a server reads the site from, by path relative to the output folder (`/` separators). */
export interface SiteFiles {
  file(relativePath: string): string | Buffer | undefined;
  /**
   * The file when it is at hand, without making the files about the whole
   * site (which may take seconds on a large site): a page's URL is tried
   * under several names, and a miss of the first must not make them.
   */
  fileAtHand?(relativePath: string): string | Buffer | undefined;
}

export const contentTypes: Record<string, string> = {
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

/** What a request path names: a file of the site, the base path to go to, or nothing. */
export type Lookup = { kind: 'file'; name: string; content: string | Buffer } | { kind: 'redirect'; location: string } | { kind: 'missing' };

/**
 * Finds what a URL path names the way static hosts do: `/a/b` and `/a/b/`
 * answer with `a/b/index.html`, under the base path only; the bare root
 * goes to the base path. Only names inside the site are ever looked up:
 * `..` cannot climb out of it.
 */
export function lookup(site: SiteFiles, urlPath: string, basePath: string): Lookup {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(urlPath, 'http://127.0.0.1').pathname);
  } catch {
    return { kind: 'missing' };
  }
  if (pathname.includes('\0')) return { kind: 'missing' };
  if (basePath !== '/') {
    if (pathname === '/' || pathname === basePath.slice(0, -1)) return { kind: 'redirect', location: basePath };
    if (!pathname.startsWith(basePath)) return { kind: 'missing' };
    pathname = `/${pathname.slice(basePath.length)}`;
  }
  const relative = path.normalize(pathname).replace(/^\/+/, '');
  const names = candidates(relative);
  for (const read of [(name: string) => site.fileAtHand?.(name), (name: string) => site.file(name)]) {
    for (const name of names) {
      const content = read(name);
      if (content !== undefined) return { kind: 'file', name, content };
    }
  }
  return { kind: 'missing' };
}

/** `reference/x` → `reference/x`, `reference/x/index.html`, `reference/x.html`. */
function candidates(relative: string): string[] {
  if (relative === '' || relative === '.') return ['index.html'];
  if (relative.endsWith('/')) return [`${relative}index.html`];
  return [relative, `${relative}/index.html`, `${relative}.html`];
}

export function contentTypeOf(name: string): string {
  return contentTypes[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** Sends a whole answer; a HEAD request gets the headers alone. Nothing is cached: the site may change under it. */
export function send(request: http.IncomingMessage, response: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

export interface SiteServerOptions {
  basePath: string;
  /** Named in the answer to a request that failed. */
  name: string;
  /** Answers the requests that are not for the site (the dev server's own); true when it did. */
  route?: (request: http.IncomingMessage, response: http.ServerResponse, pathname: string) => boolean;
  /** Rewrites each HTML answer before it is sent. */
  html?: (html: string) => string;
}

/** Ports tried after the one asked for, when it is taken. */
const portAttempts = 20;

/**
 * Serves a built site on 127.0.0.1 as static hosts do: pages under the base
 * path, the site's `404.html` with status 404 for anything else, GET and
 * HEAD only. `polyref serve` gives it the output folder, `polyref dev` the
 * pages it keeps in memory.
 */
export class SiteServer {
  private readonly server: http.Server;

  constructor(
    private site: SiteFiles,
    private readonly options: SiteServerOptions,
  ) {
    this.server = http.createServer((request, response) => {
      try {
        this.handle(request, response);
      } catch (error) {
        // A page that cannot be made (a template failing on a generated page) is an answer, not a crash.
        if (response.headersSent) response.destroy();
        else send(request, response, 500, contentTypes['.txt']!, `${options.name}: ${error instanceof Error ? error.message : String(error)}\n`);
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
    return (this.server.address() as AddressInfo).port;
  }

  /** Serves another site from now on. */
  replaceSite(site: SiteFiles): void {
    this.site = site;
  }

  /** Ends every connection, then stops listening. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = request.url ?? '/';
    if (this.options.route?.(request, response, new URL(url, 'http://127.0.0.1').pathname)) return;
    const found = lookup(this.site, url, this.options.basePath);
    if (found.kind === 'redirect') {
      response.writeHead(302, { location: found.location }).end();
      return;
    }
    if (found.kind === 'file') return this.respond(request, response, 200, contentTypeOf(found.name), found.content);
    const notFound = this.site.file('404.html') ?? '<!doctype html><title>Not found</title><h1>Not found</h1>';
    this.respond(request, response, 404, contentTypes['.html']!, notFound);
  }

  private respond(request: http.IncomingMessage, response: http.ServerResponse, status: number, type: string, content: string | Buffer): void {
    const body = type.startsWith('text/html') && this.options.html ? this.options.html(content.toString()) : content;
    send(request, response, status, type, body);
  }
}
