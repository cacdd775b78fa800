import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config-error.js';
import { starterFiles } from '../init/starter-site.js';
import type { CliIo } from './io.js';
import { shownPath } from './shown-path.js';

/** Editor settings are the user's own: kept when present, where a site file would be refused. */
const editorSettings = '.vscode/settings.json';

/**
 * Writes the starter site into `dir` (default: the working directory). It
 * refuses, writing nothing, when the folder already has a configuration,
 * `content/` or `examples/`, so it never mixes with a site or overwrites a
 * file; anything else (`package.json`, `node_modules/`) may be there.
 */
export function initCommand(io: CliIo, dir: string | undefined): number {
  const folder = path.resolve(io.cwd, dir ?? '.');
  const shown = shownPath(io.cwd, folder);
  if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory()) {
    throw new ConfigError(`Cannot write a site into \`${shown}\`: it is a file`);
  }
  const files = starterFiles(folder);
  const siteRoots = [...new Set(files.map((file) => file.path.split('/')[0]!))].filter((root) => root !== '.vscode');
  const taken = siteRoots.filter((root) => fs.existsSync(path.join(folder, root)));
  if (taken.length > 0) {
    throw new ConfigError(
      `Refusing to write a starter site into \`${shown}\`: ${taken.map((name) => `\`${name}\``).join(', ')} already ${taken.length === 1 ? 'exists' : 'exist'}`,
      'run `polyref init NEW-FOLDER`, or `polyref init` in an empty folder',
    );
  }
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(folder, ...file.path.split('/'));
    if (file.path === editorSettings && fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // `wx`: a file that appeared since the check above is still never overwritten.
    fs.writeFileSync(target, file.content, { flag: 'wx' });
    written.push(file.path);
  }
  io.stderr.write(`polyref init: wrote a starter site into ${shown}\n`);
  for (const name of written) io.stderr.write(`  ${name}\n`);
  if (!written.includes(editorSettings)) {
    io.stderr.write(`  (kept your ${editorSettings}; the README's "Editor support" says which schemas to add to it)\n`);
  }
  const steps = [...(shown === '.' ? [] : [`cd ${shown}`]), 'npx polyref check', 'npx polyref build', 'npx polyref serve'];
  io.stderr.write(`Next:\n${steps.map((step) => `  ${step}\n`).join('')}`);
  return 0;
}
