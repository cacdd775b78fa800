import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { checkPage } from '../check/run-checks.js';
import type { FileFindings } from '../report/to-vfiles.js';
import { parsedState } from './fix.js';
import { openSite } from './load-site.js';

export interface CheckOptions {
  /** Files or folders to report on (a pre-commit hook's staged files); all pages when empty. */
  paths: string[];
  /** Contents to check instead of the files on disk (`--staged` passes the index's), by absolute path. */
  contents?: ReadonlyMap<string, Buffer>;
}

/**
 * load → parse → index → check, never render. With paths, only those files
 * are reported on, but references resolve against the whole site, read
 * from the facts of the other pages. Each page is read whole only to be
 * checked, and let go after.
 */
export function runCheck(config: Config, options: CheckOptions): FileFindings[] {
  const opened = openSite(config, { contents: options.contents });
  const { site, reader, parsedNow } = opened;
  const inScope = scopeFilter(config, options.paths);
  const results: FileFindings[] = [];
  opened.facts.forEach((facts) => {
    if (!inScope(facts.file)) return;
    const page = parsedNow.get(facts.file) ?? reader.parsed(facts);
    parsedNow.delete(facts.file);
    // Lookups into the page being checked find it here instead of reading it again.
    reader.keep(page);
    results.push({ file: page.file, findings: checkPage(page, site), parsed: parsedState(page) });
  });
  return results;
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
