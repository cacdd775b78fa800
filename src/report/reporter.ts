import type { VFile } from 'vfile';
import type { SourceLines } from '../load/source-lines.js';

export interface ReporterOptions {
  /** Only ever true for a terminal, and never with `NO_COLOR` (see `useColor`). */
  color: boolean;
  /**
   * Where code frames read lines from: the working tree, or the index for
   * `--staged`. Reporters ask only about files that have messages.
   */
  sources?: SourceLines;
  /** The configured base URL of the rule pages, for formats that need absolute links (SARIF). */
  rulesDocsUrl?: string | null;
}

export interface Reporter {
  /** Machine formats go to stdout, human ones to stderr. */
  stream: 'stdout' | 'stderr';
  format(files: VFile[], options: ReporterOptions): string;
}
