import type { Config } from '../config/config.js';
import { countFindings } from '../check/run-checks.js';
import { runBuild } from '../pipeline/build.js';
import { reporters } from '../report/reporters.js';
import { toVFiles } from '../report/to-vfiles.js';
import { useColor, type CliIo } from './io.js';

export async function buildCommand(config: Config, io: CliIo): Promise<number> {
  const started = performance.now();
  const { results, written } = await runBuild(config);
  const color = useColor(io, 'stderr');
  const report = reporters.stylish.format(toVFiles(results, config.cwd), { color });
  io.stderr.write(report);
  const counts = countFindings(results.flatMap((result) => result.findings));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (written === null) {
    io.stderr.write(`polyref: build failed with ${counts.errors} error${counts.errors === 1 ? '' : 's'}; \`${config.out}\` was left as it was\n`);
    return 1;
  }
  io.stderr.write(`Built ${written} page${written === 1 ? '' : 's'} into ${config.out} in ${seconds}s (${counts.warnings} warning${counts.warnings === 1 ? '' : 's'})\n`);
  return 0;
}
