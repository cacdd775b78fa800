import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { markConsequences } from '../check/consequences.js';
import { checkPage } from '../check/run-checks.js';
import { compareStrings, sourceAt } from '../load/find-sources.js';
import { loadPages } from '../load/load-pages.js';
import type { StagedChange, StagedPages } from '../load/staged-pages.js';
import type { Site } from '../model/site.js';
import type { ParsedPage } from '../model/types.js';
import type { FileFindings } from '../report/to-vfiles.js';
import { findingsCausedBy, type SourceChange } from './change-impact.js';
import { parsedState } from './fix.js';
import { loadSite } from './load-site.js';
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
 */
export function runCheck(config: Config, options: CheckOptions): FileFindings[] {
  if (options.staged) return checkStaged(config, options.staged);
  const site = loadSite(config, { keepTrees: false, contents: options.contents });
  if (options.paths.length === 0) return markConsequences(site.index.pages.map((page) => ownFindings(page, site)), site);
  const inScope = scopeFilter(config, options.paths);
  const given = site.index.pages.filter((page) => inScope(page.file));
  // A given page is a change against what HEAD holds of it; one git does not know has no before to judge against.
  const earlier = parsePages(config, options.committed ?? new Map());
  const changes = given.flatMap((page): SourceChange[] => {
    const before = earlier.get(page.file);
    return before && before.hash !== page.hash ? [{ before, after: page, description: `the change to ${shown(config, page.file)}` }] : [];
  });
  return judged(site, given, changes);
}

/**
 * A staged commit: its pages as the index holds them (the rest as the
 * working tree has them), against the site as HEAD held the same pages.
 */
function checkStaged(config: Config, staged: StagedPages): FileFindings[] {
  const site = loadSite(config, { keepTrees: false, contents: staged.contents, without: new Set(staged.removed) });
  const current = new Map(site.index.pages.map((page) => [page.file, page]));
  const earlier = parsePages(config, staged.headContents);
  const changes: SourceChange[] = staged.changes.map((change) => ({
    before: change.previous === null ? null : (earlier.get(change.previous) ?? null),
    after: change.file === null ? null : (current.get(change.file) ?? null),
    description: describe(config, change),
  }));
  return judged(site, changes.flatMap((change) => (change.after ? [change.after] : [])), changes);
}

/** The given pages' findings, and those their changes caused elsewhere, in page order, consequences of syntax errors marked. */
function judged(site: Site, given: ParsedPage[], changes: SourceChange[]): FileFindings[] {
  const own = given.map((page) => ownFindings(page, site));
  const caused = findingsCausedBy(site, changes, () => new StatedReadings(site), { causeWords: 'broken by' });
  return markConsequences(inPageOrder([...own, ...caused], site), site);
}

/** Pages as HEAD holds them, parsed (through the parse cache) as pages of the site would be, by absolute path. */
function parsePages(config: Config, contents: ReadonlyMap<string, Buffer>): Map<string, ParsedPage> {
  const sources = [...contents.keys()].flatMap((file) => sourceAt(config.content, path.relative(config.content, file).split(path.sep).join('/')) ?? []);
  const pages = loadPages(sources, { keepTrees: false, contents, cache: config.cache });
  return new Map(pages.map((page) => [page.file, page]));
}

function ownFindings(page: ParsedPage, site: Site): FileFindings {
  return { file: page.file, findings: checkPage(page, site), parsed: parsedState(page) };
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
