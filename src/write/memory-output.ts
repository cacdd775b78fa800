import type { OutputSink, PieceWriter } from '../render/site-files.js';

/** Output kept in memory, by path relative to the output folder: what a dev server serves. */
export class MemoryOutput implements OutputSink {
  readonly files = new Map<string, string | Buffer>();

  open(relativePath: string): PieceWriter {
    const pieces: string[] = [];
    return {
      append: (text) => void pieces.push(text),
      close: () => void this.files.set(relativePath, pieces.join('')),
    };
  }
}
