import path from 'node:path';
import type { Config } from '../config/config.js';
import { stageFiles } from '../load/staged-pages.js';
import { applyFindingFixes } from '../pipeline/fix.js';
import type { FileFindings } from '../report/to-vfiles.js';
import type { CliIo } from './io.js';

/** With `--staged`: where git runs, to stage what was fixed. */
export interface StagedFix {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * `--fix`: applies the safe fixes, says on stderr what changed (or why a file
 * was left alone), and returns how many files it wrote. With `--staged`, the
 * fixes are made to pages whose working-tree copy is the staged one, and
 * staged, so that the commit holds them; a page with other changes beside
 * the staged ones is left alone, with what to do.
 */
export function fixStep(results: FileFindings[], config: Config, io: CliIo, staged: StagedFix | null = null): number {
  const written: string[] = [];
  for (const { file, result } of applyFindingFixes(results)) {
    const shown = path.relative(config.cwd, file).split(path.sep).join('/') || file;
    if (result.status === 'changed-on-disk') {
      io.stderr.write(
        staged
          ? `polyref: not fixing ${shown}: the working tree holds changes to it that are not staged, and the fixes are for the staged text; stage them (git add ${shown}) or set them aside (git stash --keep-index), then run again\n`
          : `polyref: not fixing ${shown}: it changed on disk since it was checked; run again\n`,
      );
    } else if (result.status === 'unreadable') {
      io.stderr.write(`polyref: not fixing ${shown}: cannot read it again (${result.reason})\n`);
    } else if (result.applied.length > 0) {
      written.push(file);
      for (const { place, before, after } of result.applied) {
        io.stderr.write(`fixed ${shown}:${place.line}:${place.column} ${before} → ${after}\n`);
      }
    }
  }
  if (staged && written.length > 0) {
    stageFiles(written, staged.cwd, staged.env);
    io.stderr.write(`polyref: staged the fixed page${written.length === 1 ? '' : 's'}, so that the commit holds the fixes\n`);
  }
  return written.length;
}
