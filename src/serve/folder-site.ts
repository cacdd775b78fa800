import fs from 'node:fs';
import path from 'node:path';
import type { SiteFiles } from './site-server.js';

/**
 * A built site in a folder, each file read when asked for. A name that
 * leads outside the folder, directly or through a symbolic link, reads
 * nothing: the server answers it as missing.
 */
export function folderSite(folder: string): SiteFiles {
  const root = fs.realpathSync(folder);
  return {
    file(relativePath) {
      const target = path.resolve(root, relativePath);
      if (!isInside(root, target)) return undefined;
      try {
        const real = fs.realpathSync(target);
        if (!isInside(root, real) || !fs.statSync(real).isFile()) return undefined;
        return fs.readFileSync(real);
      } catch {
        return undefined;
      }
    },
  };
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
