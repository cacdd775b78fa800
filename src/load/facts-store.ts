import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PageFacts } from '../index/page-facts.js';
import type { SourceFile } from './find-sources.js';
import { fileURLToPath } from 'node:url';
import { parserFingerprint } from './parse-cache.js';

/** A source's facts, and the size and modification time of the file they were read from. */
export interface StoredFacts {
  size: number;
  mtimeMs: number;
  facts: PageFacts;
}

interface StoreFile {
  format: typeof format;
  fingerprint: string;
  /** When the file was written, in ms: a source modified shortly before cannot be trusted by its time alone. */
  writtenAt: number;
  sources: StoredFacts[];
}

const format = 1;

/**
 * A source modified this close to the moment the store was written may have
 * been modified again within the same tick of its file system's clock, so its
 * time proves nothing: it is read and hashed again (git calls this "racily
 * clean").
 */
const racyMs = 2000;

/**
 * The facts of every source of a content root, in one file, kept fresh by
 * size and modification time as git keeps its index: a run reads the facts
 * of every unchanged source from here without opening it, and only reads
 * (and hashes, and if need be parses) the sources whose time or size
 * changed. The file is written whole, under a temporary name renamed into
 * place, so that two runs at once each leave a whole, valid file; any
 * snapshot is safe, since a source it describes wrongly fails the size and
 * time test. It names the parser that read the facts and is ignored by any
 * other; the folder is safe to delete.
 */
export class FactsStore {
  private readonly byPath = new Map<string, StoredFacts>();
  private changed = false;

  private constructor(
    private readonly file: string | null,
    private readonly writtenAt: number,
    stored: StoredFacts[],
  ) {
    for (const entry of stored) this.byPath.set(entry.facts.relativePath, entry);
  }

  /** The store of `contentRoot` under the cache folder; an empty one that is never written without a cache folder. */
  static open(cacheRoot: string | null, contentRoot: string): FactsStore {
    if (cacheRoot === null) return new FactsStore(null, 0, []);
    const file = path.join(cacheRoot, `facts-${format}`, `${createHash('sha1').update(path.resolve(contentRoot)).digest('hex').slice(0, 16)}.json`);
    const read = readStore(file);
    return read ? new FactsStore(file, read.writtenAt, read.sources) : new FactsStore(file, 0, []);
  }

  /** The facts of `source` when its file still has the size and time they were read at, and that proves it unchanged. */
  fresh(source: SourceFile, stat: { size: number; mtimeMs: number }): PageFacts | null {
    const stored = this.byPath.get(source.relativePath);
    if (!stored || stored.size !== stat.size || stored.mtimeMs !== stat.mtimeMs || stored.mtimeMs >= this.writtenAt - racyMs) return null;
    return sameSource(stored.facts, source) ? stored.facts : null;
  }

  /** Whether the store holds facts of `source`, fresh or not. */
  has(source: SourceFile): boolean {
    return this.byPath.has(source.relativePath);
  }

  /** The facts of `source` if they were read from these very bytes, whatever the file's time says now. */
  sameBytes(source: SourceFile, hash: string): PageFacts | null {
    const stored = this.byPath.get(source.relativePath);
    return stored && stored.facts.hash === hash && sameSource(stored.facts, source) ? stored.facts : null;
  }

  /** Records the facts of a source as read from a file of this size and time. */
  set(facts: PageFacts, stat: { size: number; mtimeMs: number }): void {
    const stored = this.byPath.get(facts.relativePath);
    if (stored && stored.facts === facts && stored.size === stat.size && stored.mtimeMs === stat.mtimeMs) return;
    this.byPath.set(facts.relativePath, { size: stat.size, mtimeMs: stat.mtimeMs, facts });
    this.changed = true;
  }

  /** Writes the store when anything changed, keeping only the sources still there; a store that cannot be written is no error, only slower. */
  save(present: ReadonlySet<string>): void {
    for (const relativePath of this.byPath.keys()) {
      if (!present.has(relativePath)) {
        this.byPath.delete(relativePath);
        this.changed = true;
      }
    }
    if (!this.file || !this.changed) return;
    const content: StoreFile = { format, fingerprint: factsFingerprint(), writtenAt: Date.now(), sources: [...this.byPath.values()] };
    const temporary = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temporary, JSON.stringify(content));
      fs.renameSync(temporary, this.file);
      this.changed = false;
    } catch {
      fs.rmSync(temporary, { force: true });
    }
  }
}

let fingerprint: string | null = null;

/** What facts depend on: the parser, and what takes the facts from a parsed page. */
function factsFingerprint(): string {
  if (fingerprint === null) {
    const extraction = fileURLToPath(new URL('../index/page-facts.js', import.meta.url));
    fingerprint = createHash('sha1').update(parserFingerprint()).update(fs.existsSync(extraction) ? fs.readFileSync(extraction) : '').digest('hex');
  }
  return fingerprint;
}

function readStore(file: string): { writtenAt: number; sources: StoredFacts[] } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object') return null;
  const store = parsed as Partial<StoreFile>;
  if (store.format !== format || store.fingerprint !== factsFingerprint() || typeof store.writtenAt !== 'number' || !Array.isArray(store.sources)) return null;
  return { writtenAt: store.writtenAt, sources: store.sources };
}

/** Facts stay with their source only while it is the same kind of source at the same place. */
function sameSource(facts: PageFacts, source: SourceFile): boolean {
  return facts.file === source.file && facts.kind === source.kind && facts.url === source.url;
}
