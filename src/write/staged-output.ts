import { createHash, hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { OutputSink, PieceWriter } from '../render/site-files.js';

/** Files being written at once: enough to keep the disk busy while the next pages render. */
const maxWritesInFlight = 32;
/** A file written in pieces goes to disk in chunks of about this many characters. */
const pieceChunk = 1 << 20;
/** A file modified this close to the moment the manifest was written may have changed within one tick of the clock: its time proves nothing. */
const racyMs = 2000;

/** What the last commit wrote into the output folder: each file's hash, size and time, by path. */
interface Manifest {
  format: 1;
  out: string;
  writtenAt: number;
  files: Record<string, [hash: string, size: number, mtimeMs: number]>;
}

/**
 * Output made in a staging folder beside the output folder and put in
 * place by `commit()` only: a failed build leaves the previous output
 * exactly as it was. Files are written by libuv's threads while the build
 * goes on rendering.
 *
 * With a manifest of what the last commit wrote (kept in the cache), a
 * file whose bytes the output folder already holds, unchanged since by
 * size and time, is not written again, and the commit moves in only the
 * files that changed and removes those no longer made. Without one, the
 * staging folder holds everything and takes the output folder's place.
 */
export class StagedOutput implements OutputSink {
  readonly staging: string;
  private readonly created = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private failure: Error | null = null;
  private readonly previous: Manifest | null;
  /** Every file of the output being made, with its hash; size and time are read at the commit. */
  private readonly made = new Map<string, string>();
  /** Those of `made` in the staging folder. */
  private readonly staged = new Set<string>();

  constructor(
    readonly out: string,
    private readonly manifestFile: string | null = null,
  ) {
    this.staging = `${out}.polyref-next-${process.pid}`;
    fs.rmSync(this.staging, { recursive: true, force: true });
    fs.mkdirSync(this.staging, { recursive: true });
    this.previous = manifestFile && fs.existsSync(out) ? readManifest(manifestFile, out) : null;
  }

  /**
   * Starts writing a file; resolves when there is room for another write.
   * `relativePath` uses `/`; it never leaves the output folder.
   */
  async write(relativePath: string, content: string | Buffer): Promise<void> {
    if (this.alreadyThere(relativePath, hash('sha1', content, 'hex'))) return;
    this.track(fs.promises.writeFile(this.target(relativePath), content));
    if (this.inFlight.size >= maxWritesInFlight) await Promise.race(this.inFlight);
  }

  /** Starts copying a file whose bytes hash to `contentHash` into the output, as `write` starts writing one. */
  async copy(relativePath: string, from: string, contentHash: string): Promise<void> {
    if (this.alreadyThere(relativePath, contentHash)) return;
    this.track(fs.promises.copyFile(from, this.target(relativePath)));
    if (this.inFlight.size >= maxWritesInFlight) await Promise.race(this.inFlight);
  }

  /**
   * A file written in pieces, in order, as they come: its pieces are
   * appended in chunks, so the whole never waits in memory.
   */
  open(relativePath: string): PieceWriter {
    const descriptor = fs.openSync(this.target(relativePath), 'w');
    const hasher = this.manifestFile ? createHash('sha1') : null;
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
        hasher?.update(text);
        size += text.length;
        if (size >= pieceChunk) flush();
      },
      close: () => {
        flush();
        fs.closeSync(descriptor);
        if (hasher) this.made.set(relativePath, hasher.digest('hex'));
      },
    };
  }

  /** Waits for every write, then puts the output in place; a write that failed fails the commit, and nothing is put in place. */
  async commit(): Promise<void> {
    await this.settle();
    if (this.failure) throw this.failure;
    if (this.previous) this.moveChangedIn();
    else this.swapWhole();
    this.writeManifest();
  }

  async abort(): Promise<void> {
    await this.settle();
    fs.rmSync(this.staging, { recursive: true, force: true });
  }

  /** Notes the file as part of the output; true when the output folder holds these very bytes already. */
  private alreadyThere(relativePath: string, contentHash: string): boolean {
    if (!this.manifestFile) return false;
    this.made.set(relativePath, contentHash);
    return this.holds(relativePath, contentHash);
  }

  /** Whether the output folder holds a file with these bytes, as the last commit left it or checked now. */
  private holds(relativePath: string, contentHash: string): boolean {
    const known = this.previous?.files[relativePath];
    if (!known || known[0] !== contentHash) return false;
    const stat = fs.statSync(path.join(this.out, relativePath), { throwIfNoEntry: false });
    if (!stat || !stat.isFile() || stat.size !== known[1]) return false;
    if (stat.mtimeMs === known[2] && known[2] < this.previous!.writtenAt - racyMs) return true;
    // Touched since, or too close to the last commit for its time to tell: its bytes do.
    return hash('sha1', fs.readFileSync(path.join(this.out, relativePath)), 'hex') === contentHash;
  }

  private swapWhole(): void {
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

  /** Moves the staged files over their old versions, then removes what the output no longer has. */
  private moveChangedIn(): void {
    const folders = new Set<string>();
    for (const relativePath of [...this.staged].sort()) {
      // A file written in pieces is known only once whole: it may be the one already there.
      if (this.holds(relativePath, this.made.get(relativePath)!)) continue;
      const target = path.join(this.out, relativePath);
      const folder = path.dirname(target);
      if (!folders.has(folder)) {
        fs.mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      fs.renameSync(path.join(this.staging, relativePath), target);
    }
    fs.rmSync(this.staging, { recursive: true, force: true });
    removeAllBut(this.out, '', this.made);
  }

  private writeManifest(): void {
    if (!this.manifestFile) return;
    const files: Manifest['files'] = {};
    for (const [relativePath, contentHash] of [...this.made].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const stat = fs.statSync(path.join(this.out, relativePath));
      files[relativePath] = [contentHash, stat.size, stat.mtimeMs];
    }
    const manifest: Manifest = { format: 1, out: path.resolve(this.out), writtenAt: Date.now(), files };
    const temporary = `${this.manifestFile}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.manifestFile), { recursive: true });
      fs.writeFileSync(temporary, JSON.stringify(manifest));
      fs.renameSync(temporary, this.manifestFile);
    } catch {
      // Without a manifest, the next build writes everything: slower, never wrong.
      fs.rmSync(temporary, { force: true });
    }
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

  /** Where a file of the output goes in the staging folder, its folder made; never outside the output folder. */
  private target(relativePath: string): string {
    const target = path.resolve(this.staging, relativePath);
    if (!target.startsWith(this.staging + path.sep)) throw new Error(`Refusing to write outside the output: ${relativePath}`);
    this.staged.add(relativePath);
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

function readManifest(file: string, out: string): Manifest | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Manifest>;
    if (manifest.format !== 1 || manifest.out !== path.resolve(out) || typeof manifest.writtenAt !== 'number' || typeof manifest.files !== 'object' || manifest.files === null) return null;
    return manifest as Manifest;
  } catch {
    return null;
  }
}

/** Removes every file and folder under `root` that `keep` does not name (by `/`-separated path). */
function removeAllBut(root: string, relative: string, keep: ReadonlyMap<string, string>): boolean {
  let kept = false;
  for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    const absolute = path.join(root, name);
    if (entry.isDirectory()) {
      if (removeAllBut(root, name, keep)) kept = true;
      else fs.rmSync(absolute, { recursive: true, force: true });
    } else if (keep.has(name)) {
      kept = true;
    } else {
      fs.rmSync(absolute, { force: true });
    }
  }
  return kept;
}
