import { parityMatrix } from '../check/parity.js';
import { openApiAnalysis } from '../check/openapi/drift-analysis.js';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { loadOpenApi } from '../load/openapi.js';
import { loadSite } from '../pipeline/load-site.js';
import { formatOpenApiCoverage, openApiCoverageReport } from '../report/openapi-coverage-report.js';
import { formatParity, type ParityFormat } from '../report/parity-report.js';
import type { CliIo } from './io.js';

/**
 * `polyref parity`: the whole cross-language matrix on stdout; with
 * `--openapi`, the coverage of the OpenAPI document by the HTTP entries
 * instead. A report, not a check: it exits 0 whatever the gaps (`check`
 * warns about them).
 */
export async function parityCommand(config: Config, io: CliIo, options: { format: ParityFormat; openapi?: boolean }): Promise<number> {
  if (options.openapi) {
    if (!config.openapi) {
      throw new ConfigError('Unexpected `--openapi` without an OpenAPI document, expected `openapi` in polyref.config.json', 'for example `"openapi": "openapi.yaml"`');
    }
    const document = await loadOpenApi(config.openapi.document, config.cwd);
    const site = loadSite(config, { keepTrees: false });
    site.openapi = document;
    const report = openApiCoverageReport(openApiAnalysis(site)!, config.openapi.document, config.openapi.language, config.cwd);
    io.stdout.write(formatOpenApiCoverage(report, options.format));
    return 0;
  }
  const site = loadSite(config, { keepTrees: false });
  io.stdout.write(formatParity(parityMatrix(site), options.format, config.cwd));
  return 0;
}
