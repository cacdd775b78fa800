import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { markConsequences } from '../check/consequences.js';
import { checkPage } from '../check/run-checks.js';
import type { FileFindings } from '../report/to-vfiles.js';
import { parsedState } from './fix.js';
import { loadSite } from './load-site.js';

export interface CheckOptions {
  /** Files or folders to report on (a pre-commit hook's staged files); all pages when empty. */
  paths: string[];
  /** Contents to check instead of the files on disk (`--staged` passes the index's), by absolute path. */
  contents?: ReadonlyMap<string, Buffer>;
}

/**
 * load → parse → index → check, never render. With paths, only those files
 * are reported on, but references resolve against the whole site.
 */
export function runCheck(config: Config, options: CheckOptions): FileFindings[] {
  const site = loadSite(config, { keepTrees: false, contents: options.contents });
  const inScope = scopeFilter(config, options.paths);
  const results = site.index.pages
    .filter((page) => inScope(page.file))
    .map((page) => ({ file: page.file, findings: checkPage(page, site), parsed: parsedState(page) }));
  return markConsequences(results, site);
}

function scopeFilter(config: Config, paths: string[]): (file: string) => boolean {
  if (paths.length === 0) return () => true;
  const targets = paths.map((given) => {
    const absolute = path.resolve(config.cwd, given);
    if (!fs.existsSync(absolute)) throw new ConfigError(`Cannot find \`${given}\``);
    return { absolute, folder: fs.statSync(absolute).isDirectory() };
  });
  return (file) =>
    targets.some(({ absolute, folder }) => (folder ? file.startsWith(absolute + path.sep) : file === absolute));
}
