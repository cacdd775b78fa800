import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedPage, SourceKind } from '../model/types.js';
import type { SourceFile } from './find-sources.js';
import { pageFromContent, type PageContent } from './parse-job.js';

/**
 * Parsed pages on disk, one file per page, named by a key of everything the
 * parse depends on: the bytes' hash, the source kind, whether the body tree
 * is kept, and the parser itself (its code and its libraries). A changed
 * file has a new hash and so a new entry: an entry is never stale, only
 * unused. Entries are written once, whole (a temporary file renamed into
 * place), and read back only when their header names the same key and
 * their length is the one written; anything else is ignored and rebuilt.
 * The folder is safe to delete at any time.
 */
export class ParseCache {
  private readonly folder: string;

  /** `fingerprint` names the parser that writes and reads the entries (see `parserFingerprint`). */
  constructor(
    root: string,
    private readonly fingerprint: string = parserFingerprint(),
  ) {
    this.folder = path.join(root, `pages-${formatVersion}`);
  }

  /** The entry name for a page's bytes under these options. */
  key(hash: string, kind: SourceKind, keepTree: boolean): string {
    return createHash('sha1').update(`${this.fingerprint}\0${hash}\0${kind}\0${keepTree ? 'tree' : 'no-tree'}`).digest('hex');
  }

  /** The page for `key`, or null when there is no usable entry. */
  read(key: string, source: SourceFile, hash: string): ParsedPage | null {
    let text: string;
    try {
      text = fs.readFileSync(this.fileOf(key), 'utf8');
    } catch {
      return null;
    }
    const header = `${magic} ${key} `;
    if (!text.startsWith(header)) return null;
    const newline = text.indexOf('\n', header.length);
    if (newline === -1 || text.slice(header.length, newline) !== String(text.length - newline - 1)) return null;
    let content: unknown;
    try {
      content = JSON.parse(text.slice(newline + 1));
    } catch {
      return null;
    }
    if (!looksLikeContent(content, hash)) return null;
    return pageFromContent(source, content);
  }

  /** Stores a page's content JSON under `key`; a cache that cannot be written is no error, only slower. */
  write(key: string, contentJson: string): void {
    const file = this.fileOf(key);
    const temporary = `${file}.${process.pid}.${threadTag()}.tmp`;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(temporary, `${magic} ${key} ${contentJson.length}\n${contentJson}`);
      fs.renameSync(temporary, file);
    } catch {
      fs.rmSync(temporary, { force: true });
    }
  }

  private fileOf(key: string): string {
    return path.join(this.folder, key.slice(0, 2), `${key.slice(2)}.json`);
  }
}

/** Bumped when the entry layout changes; old entries then sit in a folder nobody reads. */
const formatVersion = 1;
const magic = 'polyref-parse-cache';

/** Enough of a page's shape to use it; a foreign JSON file at the right name fails here. */
function looksLikeContent(content: unknown, hash: string): content is PageContent {
  if (content === null || typeof content !== 'object' || Array.isArray(content)) return false;
  const page = content as Record<string, unknown>;
  return (
    page.hash === hash &&
    Array.isArray(page.diagnostics) &&
    Array.isArray(page.descriptions) &&
    Array.isArray(page.components) &&
    Array.isArray(page.headings) &&
    Array.isArray(page.links) &&
    Array.isArray(page.suppressions) &&
    isRecord(page.reference) &&
    isRecord(page.languagePlaces) &&
    isRecord(page.data) &&
    (page.title === null || typeof page.title === 'string') &&
    (page.navigation === null || isRecord(page.navigation)) &&
    (page.tree === null || isRecord(page.tree))
  );
}

function isRecord(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

let fingerprint: string | null = null;

/**
 * What the parse output depends on besides the page: the compiled parse
 * layer itself (so a rebuilt polyref never reads entries of an older one,
 * version bump or not) and the versions of the parsers it calls.
 */
export function parserFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const hash = createHash('sha1');
  hash.update(`polyref@${packageVersion()}\0`);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dist = path.dirname(here);
  for (const folder of ['parse', 'model', 'load']) {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(dist, folder)).filter((name) => /\.(js|ts)$/.test(name) && !name.endsWith('.d.ts')).sort();
    } catch {
      continue;
    }
    for (const name of names) hash.update(`${folder}/${name}\0`).update(fs.readFileSync(path.join(dist, folder, name))).update('\0');
  }
  // hast-util-sanitize's schema decides which HTML elements a body may hold.
  for (const dependency of ['js-yaml', 'yaml', 'micromark', 'remark-parse', 'remark-mdx', 'remark-gfm', 'mdast-util-from-markdown', 'hast-util-sanitize']) {
    hash.update(`${dependency}@${dependencyVersion(dist, dependency)}\0`);
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

function packageVersion(): string {
  try {
    return String((JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown }).version);
  } catch {
    return 'unknown';
  }
}

function dependencyVersion(from: string, name: string): string {
  for (let folder = from; ; folder = path.dirname(folder)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'node_modules', name, 'package.json'), 'utf8')) as { version?: unknown };
      return String(manifest.version);
    } catch {
      if (path.dirname(folder) === folder) return 'unknown';
    }
  }
}

function threadTag(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** The default cache folder of a project: where tools keep theirs. */
export function defaultCacheFolder(projectRoot: string): string {
  return path.join(projectRoot, 'node_modules', '.cache', 'polyref');
}
