import type { Config } from '../config/config.js';
import { countFindings } from '../check/run-checks.js';
import { runBuild } from '../pipeline/build.js';
import { reporters } from '../report/reporters.js';
import { toVFiles } from '../report/to-vfiles.js';
import { useColor, type CliIo } from './io.js';
import { buildSummaryLine, progressLine } from './progress.js';
import { shownPath } from './shown-path.js';

export interface BuildCommandOptions {
  /** Threads that check and render; the default fits the machine and the site. */
  jobs?: number;
}

export async function buildCommand(config: Config, io: CliIo, options: BuildCommandOptions = {}): Promise<number> {
  const started = performance.now();
  const progress = progressLine(io, 'Rendering pages');
  let result;
  try {
    result = await runBuild(config, { jobs: options.jobs, onPage: (done, total) => progress.update(done, total) });
  } finally {
    progress.end();
  }
  const { results, written } = result;
  const color = useColor(io, 'stderr');
  io.stderr.write(reporters.stylish.format(toVFiles(results, config.cwd), { color }));
  const counts = countFindings(results.flatMap((result) => result.findings));
  const seconds = (performance.now() - started) / 1000;
  io.stderr.write(buildSummaryLine({ written, ...counts, seconds, out: shownPath(config.cwd, config.out), fromCache: result.fromCache }, color));
  return written === null ? 1 : 0;
}
