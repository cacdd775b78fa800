import fs from 'node:fs';
import path from 'node:path';

/**
 * Output assembled in a sibling folder and swapped in whole by `commit()`:
 * a failed build leaves the previous output exactly as it was.
 */
export class StagedOutput {
  readonly staging: string;
  private readonly created = new Set<string>();

  constructor(readonly out: string) {
    this.staging = `${out}.polyref-next-${process.pid}`;
    fs.rmSync(this.staging, { recursive: true, force: true });
    fs.mkdirSync(this.staging, { recursive: true });
  }

  /** `relativePath` uses `/`; it never leaves the output folder. */
  write(relativePath: string, content: string | Buffer): void {
    const target = path.resolve(this.staging, relativePath);
    if (!target.startsWith(this.staging + path.sep)) throw new Error(`Refusing to write outside the output: ${relativePath}`);
    const folder = path.dirname(target);
    if (!this.created.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      this.created.add(folder);
    }
    fs.writeFileSync(target, content);
  }

  commit(): void {
    const previous = `${this.out}.polyref-old-${process.pid}`;
    const hadOutput = fs.existsSync(this.out);
    if (hadOutput) fs.renameSync(this.out, previous);
    try {
      fs.renameSync(this.staging, this.out);
    } catch (error) {
      if (hadOutput) fs.renameSync(previous, this.out);
      throw error;
    }
    if (hadOutput) fs.rmSync(previous, { recursive: true, force: true });
  }

  abort(): void {
    fs.rmSync(this.staging, { recursive: true, force: true });
  }
}
