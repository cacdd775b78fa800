import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './run-cli.js';

/** A copy of the bundled example site (content, examples, templates, config, OpenAPI document) in a new temporary folder, to edit or build. */
export function copyExampleSite(prefix = 'polyref-site-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const name of ['content', 'examples', 'templates', 'polyref.config.json', 'openapi.yaml']) {
    fs.cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}
