import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { ruleMayReport, ruleSettingsFor } from '../config/rule-settings.js';
import { markConsequences } from '../check/consequences.js';
import { applySeverities, checkPage } from '../check/run-checks.js';
import { openApiRuleIds } from '../check/rules/index.js';
import { runSiteRules } from '../check/site-checks.js';
import { loadOpenApi } from '../load/openapi.js';
import { compareStrings, sourceAt } from '../load/find-sources.js';
import { loadPages } from '../load/load-pages.js';
import type { StagedChange, StagedPages } from '../load/staged-pages.js';
import type { Site } from '../model/site.js';
import type { PageFacts } from '../index/page-facts.js';
import type { ParsedPage } from '../model/types.js';
import type { FileFindings } from '../report/to-vfiles.js';
import { findingsCausedBy, type SourceChange } from './change-impact.js';
import { parsedState } from './fix.js';
import { openSite } from './load-site.js';
import { StatedReadings } from './site-readings.js';

export interface CheckOptions {
  /** Files or folders to report on (a pre-commit hook's staged files); all pages when empty. */
  paths: string[];
  /** Contents to check instead of the files on disk, by absolute path. */
  contents?: ReadonlyMap<string, Buffer>;
  /** What HEAD holds of the pages under `paths`, by absolute path: their changes are judged against it. */
  committed?: ReadonlyMap<string, Buffer>;
  /** The commit `--staged` judges: its pages as staged, and those HEAD held before it. */
  staged?: StagedPages;
}

/**
 * load → parse → index → check, never render. With paths or a staged
 * commit, the given pages are reported on, and the pages outside them that
 * their change breaks; references resolve against the whole site either way.
 * Besides pages, the report lists the other files site rules found problems
 * in: example files (when a page in scope shows them, or they are among the
 * paths) and the config file (in a whole-site check, or among the paths).
 */
export async function runCheck(config: Config, options: CheckOptions): Promise<FileFindings[]> {
  const openapi = config.openapi && [...openApiRuleIds].some((id) => ruleMayReport(config, id)) ? await loadOpenApi(config.openapi.document, config.cwd) : null;
  const { staged } = options;
  // The pages parsed now stay whole in the index: the check reads them again at once.
  const opened = openSite(config, { contents: staged?.contents ?? options.contents, without: staged ? new Set(staged.removed) : undefined, keepParsed: true });
  const { site, reader } = opened;
  if (openapi) site.openapi = openapi;
  const whole = (page: ParsedPage): ParsedPage => ('facts' in page ? reader.parsed(page.facts as PageFacts) : page);
  const { given, changes, inScope } = staged ? stagedChanges(config, site, staged) : givenChanges(config, site, options);
  // Site rules look at the pages in scope; a path that names another file (an example) may concern any page.
  const onlyPages = options.paths.every((path_) => isInside(config.content, path.resolve(config.cwd, path_)));
  const fromSiteRules = runSiteRules(site, inScope === null || !onlyPages ? site.index.pages : given);
  const own = given.map((standing) => {
    const page = whole(standing);
    // Lookups into the page being checked find it here instead of reading it again.
    reader.keep(page);
    return { file: page.file, findings: checkPage(page, site, fromSiteRules.get(page.file)?.diagnostics ?? []), parsed: parsedState(page) };
  });
  const caused = changes.length > 0 ? findingsCausedBy(site, changes, () => new StatedReadings(site), { causeWords: 'broken by' }) : [];
  const pages = markConsequences(caused.length > 0 ? inPageOrder([...own, ...caused], site) : own, site);
  const pageFiles = new Set(site.index.pages.map((page) => page.file));
  const others = [...fromSiteRules.entries()]
    .filter(([file, found]) => !pageFiles.has(file) && (inScope === null || inScope(file) || [...found.origins].some(inScope)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, found]) => ({ file, findings: applySeverities(found.diagnostics, ruleSettingsFor(config, file)) }))
    .filter((result) => result.findings.length > 0);
  return [...pages, ...others];
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The pages a check reports on, the changes to judge, and which files are in scope (null: all). */
interface Scope {
  given: ParsedPage[];
  changes: SourceChange[];
  inScope: ((file: string) => boolean) | null;
}

/** Every page, or the pages under `paths`, each a change against what HEAD holds of it; one git does not know has no before to judge against. */
function givenChanges(config: Config, site: Site, options: CheckOptions): Scope {
  if (options.paths.length === 0) return { given: site.index.pages, changes: [], inScope: null };
  const inScope = scopeFilter(config, options.paths);
  const given = site.index.pages.filter((page) => inScope(page.file));
  const earlier = parsePages(config, options.committed ?? new Map());
  const changes = given.flatMap((page): SourceChange[] => {
    const before = earlier.get(page.file);
    return before && before.hash !== page.hash ? [{ before, after: page, description: `the change to ${shown(config, page.file)}` }] : [];
  });
  return { given, changes, inScope };
}

/**
 * A staged commit: its pages as the index holds them (the rest as the
 * working tree has them), against the site as HEAD held the same pages.
 */
function stagedChanges(config: Config, site: Site, staged: StagedPages): Scope {
  const current = new Map(site.index.pages.map((page) => [page.file, page]));
  const earlier = parsePages(config, staged.headContents);
  const changes: SourceChange[] = staged.changes.map((change) => ({
    before: change.previous === null ? null : (earlier.get(change.previous) ?? null),
    after: change.file === null ? null : (current.get(change.file) ?? null),
    description: describe(config, change),
  }));
  const given = changes.flatMap((change) => (change.after ? [change.after] : []));
  const files = new Set(given.map((page) => page.file));
  return { given, changes, inScope: (file) => files.has(file) };
}

/** Pages as HEAD holds them, parsed (through the parse cache) as pages of the site would be, by absolute path. */
function parsePages(config: Config, contents: ReadonlyMap<string, Buffer>): Map<string, ParsedPage> {
  const sources = [...contents.keys()].flatMap((file) => sourceAt(config.content, path.relative(config.content, file).split(path.sep).join('/')) ?? []);
  const pages = loadPages(sources, { keepTrees: false, contents, cache: config.cache });
  return new Map(pages.map((page) => [page.file, page]));
}

function inPageOrder(results: FileFindings[], site: Site): FileFindings[] {
  const position = new Map(site.index.pages.map((page) => [page.file, page.relativePath]));
  return results.sort((a, b) => compareStrings(position.get(a.file) ?? '', position.get(b.file) ?? ''));
}

/** `the deletion of content/x.mdx`: a change as a finding it caused names it. */
function describe(config: Config, change: StagedChange): string {
  if (change.status === 'deleted') return `the deletion of ${shown(config, change.previous!)}`;
  if (change.status === 'renamed') return `the rename of ${shown(config, change.previous!)} to ${shown(config, change.file!)}`;
  if (change.status === 'added') return `the addition of ${shown(config, change.file!)}`;
  return `the change to ${shown(config, change.file!)}`;
}

function shown(config: Config, file: string): string {
  return path.relative(config.cwd, file).split(path.sep).join('/') || file;
}

function scopeFilter(config: Config, paths: string[]): (file: string) => boolean {
  const targets = paths.map((given) => {
    const absolute = path.resolve(config.cwd, given);
    if (!fs.existsSync(absolute)) throw new ConfigError(`Cannot find \`${given}\``);
    return { absolute, folder: fs.statSync(absolute).isDirectory() };
  });
  return (file) =>
    targets.some(({ absolute, folder }) => (folder ? file.startsWith(absolute + path.sep) : file === absolute));
}
