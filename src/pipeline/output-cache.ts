import { createHash, hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../check/run-checks.js';
import { codeFingerprint } from '../load/code-fingerprint.js';
import type { Config } from '../config/config.js';
import type { SourceKind } from '../model/types.js';
import type { PageSummary } from '../render/llms-txt.js';
import type { PageOutput } from '../render/page-output.js';
import type { HashedDependency } from './reading-hashes.js';

/** What a source gave the last time it was checked and rendered, and what it read to give it. */
export interface PageRecord {
  /** The bytes' hash and the kind of source it was. */
  hash: string;
  kind: SourceKind;
  /** The parse state `--fix` needs. */
  hasSyntaxError: boolean;
  /** Everything besides the site that the findings depend on (see `checkKey`). */
  checkKey: string;
  check: { dependencies: HashedDependency[]; findings: Finding[] };
  /** Everything besides the site that the output depends on (see `renderKey`); null when it was not rendered. */
  renderKey: string | null;
  render: RenderRecord | null;
}

export interface RenderRecord {
  dependencies: HashedDependency[];
  /** Each output file, its content kept apart under its hash. */
  files: Array<{ path: string; blob: Blob }>;
  /** The search documents, one JSON per line, kept apart; null for none. */
  searchBlob: Blob | null;
  model: { kind: 'page' | 'partial'; blob: Blob } | null;
  summary: PageSummary | null;
  /** The coverage page's sections, as JSON, kept apart; null for none. */
  coverageBlob: Blob | null;
}

/** An output file whose content the cache keeps: its path in the output, the file that holds it, and its hash. */
export interface KeptFile {
  path: string;
  from: string;
  hash: string;
}

/** A content kept apart: its hash, which names its file, and its size in bytes. */
export interface Blob {
  hash: string;
  size: number;
}

const format = 3;

/**
 * Each source's last findings and output, kept under the project's cache
 * folder so that a build reuses what a source gave while nothing it read
 * has changed: a record per source (its dependencies with the hash of what
 * it read under each), and the contents of its files apart, named by their
 * hash. Records and contents are written whole under a temporary name and
 * renamed into place; a record that does not read back whole, or names
 * contents that are gone, is no record. The folder is safe to delete.
 */
export class OutputCache {
  private readonly folder: string;
  private readonly records: string;
  private readonly blobs: string;
  private readonly liveBlobs = new Set<string>();

  constructor(root: string, contentRoot: string) {
    const folder = path.join(root, `output-${format}`, createHash('sha1').update(path.resolve(contentRoot)).digest('hex').slice(0, 16));
    this.folder = folder;
    this.records = path.join(folder, 'records');
    this.blobs = path.join(folder, 'contents');
  }

  read(relativePath: string): PageRecord | null {
    let record: unknown;
    try {
      record = JSON.parse(fs.readFileSync(this.recordFile(relativePath), 'utf8'));
    } catch {
      return null;
    }
    return isRecord(record) ? record : null;
  }

  /**
   * Whether every content a record names is still there, whole. Contents
   * are written under a temporary name and renamed, so a run that stops
   * never leaves one in part; the size catches one cut or replaced since.
   */
  complete(record: RenderRecord): boolean {
    return blobsOf(record).every((blob) => fs.statSync(this.blobFile(blob), { throwIfNoEntry: false })?.size === blob.size);
  }

  /** A source's output files as the record keeps them: where their contents are, read by nothing yet. */
  files(record: RenderRecord): KeptFile[] {
    // Whatever asks for a record's files uses the record: its contents stay through the next prune.
    for (const blob of blobsOf(record)) this.liveBlobs.add(blob.hash);
    return record.files.map((file) => ({ path: file.path, from: this.blobFile(file.blob), hash: file.blob.hash }));
  }

  /** A source's share of the files about the whole site, read back. */
  shares(record: RenderRecord): Omit<PageOutput, 'files'> {
    return {
      searchDocuments: record.searchBlob ? fs.readFileSync(this.blobFile(record.searchBlob), 'utf8').split('\n') : [],
      model: record.model ? { kind: record.model.kind, json: fs.readFileSync(this.blobFile(record.model.blob), 'utf8') } : null,
      summary: record.summary,
      coverage: record.coverageBlob ? (JSON.parse(fs.readFileSync(this.blobFile(record.coverageBlob), 'utf8')) as PageOutput['coverage']) : [],
    };
  }

  /** Stores a source's record, and the contents of its output; a cache that cannot be written is no error, only slower. */
  write(relativePath: string, record: Omit<PageRecord, 'render'>, output: { dependencies: HashedDependency[]; output: PageOutput } | null): PageRecord {
    let render: RenderRecord | null = null;
    try {
      if (output) {
        const { files, searchDocuments, model, summary, coverage } = output.output;
        render = {
          dependencies: output.dependencies,
          files: files.map((file) => ({ path: file.path, blob: this.writeBlob(file.content) })),
          searchBlob: searchDocuments.length > 0 ? this.writeBlob(searchDocuments.join('\n')) : null,
          model: model ? { kind: model.kind, blob: this.writeBlob(model.json) } : null,
          summary,
          coverageBlob: coverage.length > 0 ? this.writeBlob(JSON.stringify(coverage)) : null,
        };
      }
      const whole: PageRecord = { ...record, render };
      writeWhole(this.recordFile(relativePath), JSON.stringify(whole));
      return whole;
    } catch {
      // Contents written in part are no output to reuse: the record keeps none.
      return { ...record, render: null };
    }
  }

  /**
   * Removes the records of sources that are gone and the contents no record
   * names: called after a build that went through every source.
   */
  prune(present: ReadonlySet<string>): void {
    for (const name of listing(this.records)) {
      if (!present.has(name)) fs.rmSync(path.join(this.records, name), { force: true });
    }
    for (const folder of listing(this.blobs)) {
      for (const name of listing(path.join(this.blobs, folder))) {
        if (!this.liveBlobs.has(`${folder}${name}`)) fs.rmSync(path.join(this.blobs, folder, name), { force: true });
      }
    }
  }

  /** Where the manifest of what a build last wrote into `out` is kept. */
  manifestFile(out: string): string {
    return path.join(this.folder, `out-${createHash('sha1').update(path.resolve(out)).digest('hex').slice(0, 16)}.json`);
  }

  /** The name a source's record is kept under. */
  recordName(relativePath: string): string {
    return createHash('sha1').update(relativePath).digest('hex');
  }

  private recordFile(relativePath: string): string {
    return path.join(this.records, this.recordName(relativePath));
  }

  private writeBlob(content: string | Buffer): Blob {
    const blob = { hash: hash('sha1', content, 'hex'), size: Buffer.byteLength(content) };
    this.liveBlobs.add(blob.hash);
    const file = this.blobFile(blob);
    if (fs.statSync(file, { throwIfNoEntry: false })?.size !== blob.size) writeWhole(file, content);
    return blob;
  }

  private blobFile(blob: Blob): string {
    return path.join(this.blobs, blob.hash.slice(0, 2), blob.hash.slice(2));
  }
}

/** What the findings of a source depend on besides the site: polyref itself, the configuration, and which components have a template. */
export function checkKey(config: Config, templates: ReadonlyMap<string, string>): string {
  // Where the output goes and where caches are kept change nothing a page gives.
  const { out: _out, cache: _cache, ...settings } = config;
  const hasher = createHash('sha1').update(codeFingerprint()).update('\0').update(JSON.stringify(settings));
  for (const name of [...templates.keys()].sort()) hasher.update(`\0${name}`);
  return hasher.digest('base64');
}

/** What the output of a source depends on besides the site: what its findings do, and every template's text. */
export function renderKey(config: Config, templates: ReadonlyMap<string, string>): string {
  const hasher = createHash('sha1').update(checkKey(config, templates));
  for (const name of [...templates.keys()].sort()) hasher.update(`\0${name}\0`).update(fs.readFileSync(templates.get(name)!));
  return hasher.digest('base64');
}

function blobsOf(record: RenderRecord): Blob[] {
  return [
    ...record.files.map((file) => file.blob),
    ...(record.searchBlob ? [record.searchBlob] : []),
    ...(record.model ? [record.model.blob] : []),
    ...(record.coverageBlob ? [record.coverageBlob] : []),
  ];
}

function writeWhole(file: string, content: string | Buffer): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

function listing(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}

function isRecord(value: unknown): value is PageRecord {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Partial<PageRecord>;
  return (
    typeof record.hash === 'string' &&
    typeof record.checkKey === 'string' &&
    typeof record.check === 'object' &&
    record.check !== null &&
    Array.isArray(record.check.dependencies) &&
    Array.isArray(record.check.findings) &&
    (record.render === null || (typeof record.render === 'object' && Array.isArray(record.render?.files)))
  );
}
