import fs from 'node:fs';
import path from 'node:path';
import { BoundedCache } from '../model/bounded-cache.js';

export type ExampleLookup =
  | { kind: 'found'; folder: string; files: Map<string, string> }
  | { kind: 'missing'; folder: string }
  | { kind: 'outside' }
  | { kind: 'remote'; url: string };

/**
 * Finds example folders under the examples root (`examples/<file>/<language>.<ext>`),
 * refusing any `file` that would leave it, by `..`, an absolute path or a link.
 */
export class ExampleStore {
  private readonly cache = new Map<string, ExampleLookup>();
  /** The files a page's checks and render read; a store serves a whole build, so it keeps the last ones, not all. */
  private readonly texts = new BoundedCache<string | null>(2_000);
  private realRoot: string | null | undefined;

  constructor(readonly root: string) {}

  lookup(file: string): ExampleLookup {
    let found = this.cache.get(file);
    if (!found) this.cache.set(file, (found = this.find(file)));
    return found;
  }

  /**
   * The text of an example file a lookup found, read once per store however
   * many pages and checks use it; null when it cannot be read.
   */
  read(file: string): string | null {
    return this.texts.get(file, () => {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    });
  }

  private find(file: string): ExampleLookup {
    if (/^[a-z][a-z0-9+.-]*:/i.test(file)) return { kind: 'remote', url: file };
    if (file === '' || path.isAbsolute(file) || file.includes('\0') || /^[\\/]/.test(file)) return { kind: 'outside' };
    const folder = path.resolve(this.root, file);
    if (!isInside(this.root, folder)) return { kind: 'outside' };
    let real: string;
    try {
      real = fs.realpathSync.native(folder);
    } catch {
      return { kind: 'missing', folder };
    }
    const root = this.realRootPath();
    if (root === null || !isInside(root, real)) return { kind: 'outside' };
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(real, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return { kind: 'missing', folder };
    }
    const files = new Map<string, string>();
    for (const entry of entries) {
      const language = entry.name.replace(/\.[^.]*$/, '');
      if (!language || files.has(language)) continue;
      const absolute = path.join(real, entry.name);
      // A plain file in a folder already resolved inside the root is safe as it stands;
      // only a link needs following to see where it leads.
      if (entry.isFile() || (entry.isSymbolicLink() && isSafeFile(absolute, root))) files.set(language, absolute);
    }
    return files.size > 0 ? { kind: 'found', folder, files } : { kind: 'missing', folder };
  }

  private realRootPath(): string | null {
    if (this.realRoot === undefined) {
      try {
        this.realRoot = fs.realpathSync.native(this.root);
      } catch {
        this.realRoot = null;
      }
    }
    return this.realRoot;
  }
}

function isSafeFile(file: string, root: string): boolean {
  try {
    const real = fs.realpathSync.native(file);
    return isInside(root, real) && fs.statSync(real).isFile();
  } catch {
    return false;
  }
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
