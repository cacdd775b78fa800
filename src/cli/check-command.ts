import path from 'node:path';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { countFindings } from '../check/run-checks.js';
import { readFromDisk, SourceLines } from '../load/source-lines.js';
import { readCommittedPages, readStagedPages } from '../load/staged-pages.js';
import { runCheck } from '../pipeline/check.js';
import { reporters, type ReporterName } from '../report/reporters.js';
import { summaryLine } from '../report/summary.js';
import { toVFiles } from '../report/to-vfiles.js';
import { baselineLocation, filterByBaseline, updateBaseline } from './baseline-step.js';
import { fixStep } from './fix-step.js';
import { useColor, type CliIo } from './io.js';

export interface CheckCommandOptions {
  /** Files or folders to report on; every page when empty. */
  paths: string[];
  format: ReporterName;
  /** Check the pages staged in git, as staged. */
  staged: boolean;
  /** Fail when there are more warnings than this. */
  maxWarnings?: number;
  /** `--baseline FILE`; false for `--no-baseline`; undefined for the default file. */
  baseline?: string | false;
  updateBaseline: boolean;
  /** Apply the safe fixes in place first, then report what remains. */
  fix?: boolean;
}

export async function checkCommand(config: Config, io: CliIo, options: CheckCommandOptions): Promise<number> {
  const humanColor = useColor(io, 'stderr');
  if (options.staged && options.paths.length > 0) {
    throw new ConfigError('Unexpected paths with `--staged`, expected one or the other', 'with `--staged` the staged pages are the ones checked');
  }
  let staged = options.staged ? readStagedPages(config.content, config.cwd, io.env) : null;
  for (const file of staged?.missing ?? []) {
    io.stderr.write(`polyref: \`${shown(config, file)}\` is staged but deleted from the working tree; not checked\n`);
  }
  if (staged && staged.changes.length === 0) {
    // Machine formats still print an (empty) report, so whatever reads stdout reads a valid document.
    const reporter = reporters[options.format];
    if (reporter.stream === 'stdout') io.stdout.write(reporter.format([], { color: false, rulesDocsUrl: config.rulesDocsUrl }));
    else io.stderr.write(`${humanColor ? '\u001b[32m✔\u001b[39m' : '✔'} no staged pages to check\n`);
    return 0;
  }

  const committed = !staged && options.paths.length > 0 ? readCommittedPages(options.paths, config.content, config.cwd, io.env) : null;
  const check = () => runCheck(config, { paths: options.paths, staged: staged ?? undefined, committed: committed ?? undefined });
  let results = await check();
  if (options.fix && fixStep(results, config, io, staged ? { cwd: config.cwd, env: io.env } : null) > 0) {
    // Fixes of a staged page were staged: the commit now holds them.
    if (options.staged) staged = readStagedPages(config.content, config.cwd, io.env);
    results = await check();
  }
  // Code frames and fingerprints must show what is checked: the staged text when it differs from the file.
  const stagedContents = staged?.contents;
  const sources = new SourceLines(stagedContents ? (file) => stagedContents.get(file) ?? readFromDisk(file) : readFromDisk);
  const baseline = baselineLocation(config, options.baseline);
  const run = { results, sources, scoped: staged !== null || options.paths.length > 0 };

  if (options.updateBaseline) {
    if (!baseline) throw new ConfigError('Unexpected `--update-baseline` with `--no-baseline`, expected one or the other');
    const written = updateBaseline(baseline, run);
    io.stderr.write(`polyref: wrote ${written} problem${written === 1 ? '' : 's'} to ${baseline.name}\n`);
    return 0;
  }
  const { results: fresh, fixed } = baseline ? filterByBaseline(baseline, run) : { results, fixed: 0 };

  const reporter = reporters[options.format];
  const files = toVFiles(fresh, config.cwd, config.rulesDocsUrl);
  io[reporter.stream].write(reporter.format(files, { color: useColor(io, reporter.stream), sources, rulesDocsUrl: config.rulesDocsUrl }));
  const counts = countFindings(fresh.flatMap((result) => result.findings));
  if (options.format === 'stylish') io.stderr.write(summaryLine(counts, fresh.length, humanColor));
  if (fixed > 0) {
    io.stderr.write(`${fixed} baselined problem${fixed === 1 ? ' is' : 's are'} fixed; run --update-baseline to drop ${fixed === 1 ? 'it' : 'them'}\n`);
  }
  if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) {
    io.stderr.write(`polyref: too many warnings (${counts.warnings}), expected at most ${options.maxWarnings} (--max-warnings)\n`);
    return 1;
  }
  return counts.errors > 0 ? 1 : 0;
}

function shown(config: Config, file: string): string {
  return path.relative(config.cwd, file).split(path.sep).join('/');
}
