import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { ruleMayReport, ruleSettingsFor } from '../config/rule-settings.js';
import { applySeverities, checkPage } from '../check/run-checks.js';
import { openApiRuleIds } from '../check/rules/index.js';
import { runSiteRules } from '../check/site-checks.js';
import { loadOpenApi } from '../load/openapi.js';
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
 * from the facts of the other pages; each page is read whole only to be
 * checked, and let go after. Besides pages, the report lists the other
 * files site rules found problems in: example files (when a page in scope
 * shows them, or they are among the paths) and the config file (in a
 * whole-site check, or among the paths).
 */
export async function runCheck(config: Config, options: CheckOptions): Promise<FileFindings[]> {
  const openapi = config.openapi && [...openApiRuleIds].some((id) => ruleMayReport(config, id)) ? await loadOpenApi(config.openapi.document, config.cwd) : null;
  const opened = openSite(config, { contents: options.contents });
  const { site, reader, parsedNow } = opened;
  if (openapi) site.openapi = openapi;
  const inScope = scopeFilter(config, options.paths);
  // Site rules look at the pages in scope; a path that names another file (an example) may concern any page.
  const onlyPages = options.paths.every((given) => {
    const relative = path.relative(config.content, path.resolve(config.cwd, given));
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  });
  const fromSiteRules = runSiteRules(site, onlyPages ? site.index.pages.filter((page) => inScope(page.file)) : site.index.pages);
  const results: FileFindings[] = [];
  for (const facts of opened.facts) {
    if (!inScope(facts.file)) continue;
    const page = parsedNow.get(facts.file) ?? reader.parsed(facts);
    parsedNow.delete(facts.file);
    // Lookups into the page being checked find it here instead of reading it again.
    reader.keep(page);
    results.push({ file: page.file, findings: checkPage(page, site, fromSiteRules.get(page.file)?.diagnostics ?? []), parsed: parsedState(page) });
  }
  const pageFiles = new Set(opened.facts.map((facts) => facts.file));
  const others = [...fromSiteRules.entries()]
    .filter(([file, found]) => !pageFiles.has(file) && (options.paths.length === 0 || inScope(file) || [...found.origins].some(inScope)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, found]) => ({ file, findings: applySeverities(found.diagnostics, ruleSettingsFor(config, file)) }))
    .filter((result) => result.findings.length > 0);
  return [...results, ...others];
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
