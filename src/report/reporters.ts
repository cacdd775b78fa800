import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import type { Reporter } from './reporter.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export type { Reporter, ReporterOptions } from './reporter.js';

export const reporterNames = ['stylish', 'json', 'github', 'sarif', 'junit'] as const;
export type ReporterName = (typeof reporterNames)[number];

/** Every output format by its `--format` name. */
export const reporters: Record<ReporterName, Reporter> = { stylish, json, github, sarif, junit };
