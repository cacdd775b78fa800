import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let fingerprint: string | null = null;

/** polyref's compiled code and its dependencies' versions: a rebuilt polyref never trusts what an older one recorded. */
export function codeFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const hasher = createHash('sha1');
  const dist = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const walk = (folder: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) hasher.update(`${path.relative(dist, absolute)}\0`).update(fs.readFileSync(absolute));
    }
  };
  walk(dist);
  const lock = path.join(dist, '..', 'package-lock.json');
  if (fs.existsSync(lock)) hasher.update(fs.readFileSync(lock));
  fingerprint = hasher.digest('base64');
  return fingerprint;
}

