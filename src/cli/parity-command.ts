import { parityMatrix } from '../check/parity.js';
import type { Config } from '../config/config.js';
import { loadSite } from '../pipeline/load-site.js';
import { formatParity, type ParityFormat } from '../report/parity-report.js';
import type { CliIo } from './io.js';

/**
 * `polyref parity`: the whole cross-language matrix on stdout. A report, not
 * a check: it exits 0 whatever the gaps (`check` warns about them).
 */
export function parityCommand(config: Config, io: CliIo, options: { format: ParityFormat }): number {
  const site = loadSite(config, { keepTrees: false });
  io.stdout.write(formatParity(parityMatrix(site), options.format, config.cwd));
  return 0;
}
