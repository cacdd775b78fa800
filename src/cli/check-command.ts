import type { Config } from '../config/config.js';
import { countFindings } from '../check/run-checks.js';
import { runCheck } from '../pipeline/check.js';
import { reporters, type ReporterName } from '../report/reporters.js';
import { toVFiles } from '../report/to-vfiles.js';
import { summaryLine } from './summary.js';
import { useColor, type CliIo } from './io.js';

export function checkCommand(config: Config, io: CliIo, options: { paths: string[]; format: ReporterName }): number {
  const results = runCheck(config, { paths: options.paths });
  const reporter = reporters[options.format];
  const output = reporter.format(toVFiles(results, config.cwd), { color: useColor(io, reporter.stream) });
  io[reporter.stream].write(output);
  const counts = countFindings(results.flatMap((result) => result.findings));
  // vfile-reporter ends its report with the counts; a clean run still says what was checked.
  if (options.format === 'stylish' && output === '') io.stderr.write(summaryLine(counts, results.length, useColor(io, 'stderr')));
  return counts.errors > 0 ? 1 : 0;
}
