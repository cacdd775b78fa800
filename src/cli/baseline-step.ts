import fs from 'node:fs';
import path from 'node:path';
import { applyBaseline, createBaseline, mergeBaseline, type LocatedFinding } from '../check/baseline.js';
import { baselineFileName, readBaselineFile, writeBaselineFile } from '../check/baseline-file.js';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import type { SourceLines } from '../load/source-lines.js';
import type { FileFindings } from '../report/to-vfiles.js';

export interface BaselineLocation {
  file: string;
  /** As messages show it: relative to where polyref runs. */
  name: string;
  /** Chosen with `--baseline FILE`, so it must exist unless it is being written. */
  explicit: boolean;
}

/** `--baseline FILE`, or `.polyref-baseline.json` beside the config (or where polyref runs); none with `--no-baseline`. */
export function baselineLocation(config: Config, option: string | false | undefined): BaselineLocation | null {
  if (option === false) return null;
  const file = option === undefined ? path.join(config.configFile ? path.dirname(config.configFile) : config.cwd, baselineFileName) : path.resolve(config.cwd, option);
  return { file, name: path.relative(config.cwd, file).split(path.sep).join('/') || file, explicit: option !== undefined };
}

export interface BaselineRun {
  results: FileFindings[];
  sources: SourceLines;
  /** True when only some files were checked (paths or `--staged`): the others' entries are left alone. */
  scoped: boolean;
}

/** Writes every current problem; returns how many were written for the checked files. */
export function updateBaseline(location: BaselineLocation, run: BaselineRun): number {
  const located = locate(location.file, run);
  const current = createBaseline(located);
  const previous = run.scoped && fs.existsSync(location.file) ? readBaselineFile(location.file) : [];
  writeBaselineFile(location.file, mergeBaseline(previous, current, checkedFiles(location.file, run)));
  return located.length;
}

/** The run's findings less those the baseline knows, and how many baselined problems have gone. */
export function filterByBaseline(location: BaselineLocation, run: BaselineRun): { results: FileFindings[]; fixed: number } {
  if (!fs.existsSync(location.file)) {
    if (location.explicit) throw new ConfigError(`Cannot find baseline \`${location.name}\``, 'write it with `polyref check --update-baseline`');
    return { results: run.results, fixed: 0 };
  }
  const entries = readBaselineFile(location.file);
  const { fresh, fixed } = applyBaseline(locate(location.file, run), entries, checkedFiles(location.file, run));
  const kept = new Set(fresh.map((item) => item.finding));
  return {
    results: run.results.map((result) => ({ ...result, findings: result.findings.filter((finding) => kept.has(finding)) })),
    fixed,
  };
}

function locate(baselineFile: string, run: BaselineRun): LocatedFinding[] {
  const located: LocatedFinding[] = [];
  for (const { file, findings } of run.results) {
    const name = baselineName(baselineFile, file);
    for (const finding of findings) located.push({ file: name, finding, lineText: run.sources.line(file, finding.place.line) });
  }
  return located;
}

function checkedFiles(baselineFile: string, run: BaselineRun): (file: string) => boolean {
  if (!run.scoped) return () => true;
  // A page reported only for what a change did to it was not judged whole: its baselined problems stand.
  const names = new Set(run.results.filter((result) => !result.causedOnly).map(({ file }) => baselineName(baselineFile, file)));
  return (file) => names.has(file);
}

/** Files are named relative to the baseline's folder, so the baseline moves with the project. */
function baselineName(baselineFile: string, file: string): string {
  return path.relative(path.dirname(baselineFile), file).split(path.sep).join('/');
}
