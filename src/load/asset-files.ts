import fs from 'node:fs';
import path from 'node:path';
import { builtinTemplates } from './template-files.js';

/** Files under `templates/assets/`, the project's shadowing the built-in ones by name. */
export function findAssets(projectTemplates: string | null): Map<string, string> {
  const found = new Map<string, string>();
  for (const root of [builtinTemplates, projectTemplates]) {
    const folder = root && path.join(root, 'assets');
    if (!folder || !fs.existsSync(folder)) continue;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.isFile()) found.set(entry.name, path.join(folder, entry.name));
    }
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
