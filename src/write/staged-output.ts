import fs from 'node:fs';
import path from 'node:path';
import type { OutputSink, PieceWriter } from '../render/site-files.js';

/** Files being written at once: enough to keep the disk busy while the next pages render. */
const maxWritesInFlight = 32;
/** A file written in pieces goes to disk in chunks of about this many characters. */
const pieceChunk = 1 << 20;

/**
 * Output assembled in a sibling folder and swapped in whole by `commit()`:
 * a failed build leaves the previous output exactly as it was. Files are
 * written by libuv's threads while the build goes on rendering.
 */
export class StagedOutput implements OutputSink {
  readonly staging: string;
  private readonly created = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private failure: Error | null = null;

  constructor(readonly out: string) {
    this.staging = `${out}.polyref-next-${process.pid}`;
    fs.rmSync(this.staging, { recursive: true, force: true });
    fs.mkdirSync(this.staging, { recursive: true });
  }

  /**
   * Starts writing a file; resolves when there is room for another write.
   * `relativePath` uses `/`; it never leaves the output folder.
   */
  async write(relativePath: string, content: string | Buffer): Promise<void> {
    this.track(fs.promises.writeFile(this.target(relativePath), content));
    if (this.inFlight.size >= maxWritesInFlight) await Promise.race(this.inFlight);
  }

  /** Keeps a write in flight until it settles; the first that fails fails the commit. */
  private track(operation: Promise<void>): void {
    const settled: Promise<void> = operation
      .catch((error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      })
      .finally(() => this.inFlight.delete(settled));
    this.inFlight.add(settled);
  }

  /** Starts copying a file into the output, as `write` starts writing one. */
  async copy(relativePath: string, from: string): Promise<void> {
    this.track(fs.promises.copyFile(from, this.target(relativePath)));
    if (this.inFlight.size >= maxWritesInFlight) await Promise.race(this.inFlight);
  }

  /**
   * A file written in pieces, in order, as they come: its pieces are
   * appended in chunks, so the whole never waits in memory.
   */
  open(relativePath: string): PieceWriter {
    const descriptor = fs.openSync(this.target(relativePath), 'w');
    let pending: string[] = [];
    let size = 0;
    const flush = () => {
      if (pending.length > 0) fs.writeSync(descriptor, pending.join(''));
      pending = [];
      size = 0;
    };
    return {
      append: (text) => {
        pending.push(text);
        size += text.length;
        if (size >= pieceChunk) flush();
      },
      close: () => {
        flush();
        fs.closeSync(descriptor);
      },
    };
  }

  /** Waits for every write, then swaps the output in; a write that failed fails the commit, and nothing is swapped. */
  async commit(): Promise<void> {
    await this.settle();
    if (this.failure) throw this.failure;
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

  async abort(): Promise<void> {
    await this.settle();
    fs.rmSync(this.staging, { recursive: true, force: true });
  }

  /** Where a file of the output goes in the staging folder, its folder made; never outside the output folder. */
  private target(relativePath: string): string {
    const target = path.resolve(this.staging, relativePath);
    if (!target.startsWith(this.staging + path.sep)) throw new Error(`Refusing to write outside the output: ${relativePath}`);
    const folder = path.dirname(target);
    if (!this.created.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      this.created.add(folder);
    }
    return target;
  }

  private async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }
}
