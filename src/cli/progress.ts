import type { CliIo } from './io.js';

/** Builds shorter than this never show a progress line: it would only flicker. */
const quietMs = 400;
/** At most this often the line is written again. */
const refreshMs = 100;

export interface Progress {
  /** `done` of `total` pages rendered so far. */
  update(done: number, total: number): void;
  /** Clears the line, so that what follows starts on a clean line. */
  end(): void;
}

const silent: Progress = { update() {}, end() {} };

/**
 * `Rendering pages 120/1000 (3.2s)`, rewritten in place on stderr. Only for
 * a person watching a terminal: never on stdout, never when stderr is not a
 * TTY (a pipe, a CI log, a test), never under `CI`, never with `NO_PROGRESS`.
 */
export function progressLine(io: Pick<CliIo, 'stderr' | 'env'>, label: string, now: () => number = () => performance.now()): Progress {
  if (!io.stderr.isTTY || isSet(io.env.CI) || isSet(io.env.NO_PROGRESS)) return silent;
  const started = now();
  let lastWrite = -Infinity;
  let shown = false;
  return {
    update(done, total) {
      const at = now();
      if (at - started < quietMs || (at - lastWrite < refreshMs && done < total)) return;
      lastWrite = at;
      shown = true;
      io.stderr.write(`\r\u001b[2K${label} ${done}/${total} (${((at - started) / 1000).toFixed(1)}s)`);
    },
    end() {
      if (shown) io.stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}

export interface BuildSummary {
  /** Pages written; null when the build failed and wrote nothing. */
  written: number | null;
  errors: number;
  warnings: number;
  seconds: number;
  out: string;
  /** Pages taken whole from the output cache, nothing they read having changed. */
  fromCache?: number;
}

/**
 * The one line a build ends with, whatever happened:
 * `✔ Built 13 pages into out in 2.31s: 0 errors, 2 warnings` (or `in 0.41s
 * (12 from the cache)` when pages were reused whole) or
 * `✖ Build failed in 2.31s: 3 errors, 1 warning; out was left as it was`.
 */
export function buildSummaryLine(summary: BuildSummary, color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[39m` : text);
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
  const seconds = `${summary.seconds.toFixed(2)}s`;
  if (summary.written === null) {
    return `${paint(31, '✖')} Build failed in ${seconds}: ${counts}; ${summary.out} was left as it was\n`;
  }
  const mark = summary.warnings > 0 ? paint(33, '⚠') : paint(32, '✔');
  const cached = summary.fromCache ? ` (${summary.fromCache} from the cache)` : '';
  return `${mark} Built ${plural(summary.written, 'page')} into ${summary.out} in ${seconds}${cached}: ${counts}\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}
