import path from 'node:path';
import type { Config } from '../config/config.js';
import { applyFindingFixes } from '../pipeline/fix.js';
import type { FileFindings } from '../report/to-vfiles.js';
import type { CliIo } from './io.js';

/**
 * `--fix`: applies the safe fixes, says on stderr what changed (or why a file
 * was left alone), and returns how many files it wrote.
 */
export function fixStep(results: FileFindings[], config: Config, io: CliIo): number {
  let written = 0;
  for (const { file, result } of applyFindingFixes(results)) {
    const shown = path.relative(config.cwd, file).split(path.sep).join('/') || file;
    if (result.status === 'changed-on-disk') {
      io.stderr.write(`polyref: not fixing ${shown}: it is not the text that was checked (it changed on disk, or --staged checked the staged copy); run again\n`);
    } else if (result.status === 'unreadable') {
      io.stderr.write(`polyref: not fixing ${shown}: cannot read it again (${result.reason})\n`);
    } else if (result.applied.length > 0) {
      written += 1;
      for (const { place, before, after } of result.applied) {
        io.stderr.write(`fixed ${shown}:${place.line}:${place.column} ${before} → ${after}\n`);
      }
    }
  }
  return written;
}
