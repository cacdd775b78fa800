import fs from 'node:fs';

/** Reads the bytes of a checked file: from disk, or from the git index for `--staged`. */
export type ReadBytes = (file: string) => Buffer | null;

export const readFromDisk: ReadBytes = (file) => {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
};

/**
 * The lines of checked files, read on first use and kept: reporters (code
 * frames) and the baseline (fingerprints) ask only about files that have a
 * problem, and each such file is read once however many problems it has.
 */
export class SourceLines {
  private readonly cache = new Map<string, string[] | null>();

  constructor(private readonly read: ReadBytes = readFromDisk) {}

  /** Every line of `file` without its line ending (and without a byte-order mark), or null when unreadable. */
  lines(file: string): string[] | null {
    let lines = this.cache.get(file);
    if (lines === undefined) {
      const bytes = this.read(file);
      // Columns count from after the byte-order mark, as the parser's do.
      lines = bytes === null ? null : bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
      this.cache.set(file, lines);
    }
    return lines;
  }

  /** Line `line` (1-based) of `file`, or null. */
  line(file: string, line: number): string | null {
    return this.lines(file)?.[line - 1] ?? null;
  }
}
