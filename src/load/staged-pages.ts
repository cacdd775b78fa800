import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config-error.js';

/** How the commit changes one page, as git sees it (`git diff --cached -M`). */
export interface StagedChange {
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  /** The page the commit holds, absolute; null when the commit deletes it. */
  file: string | null;
  /** The page HEAD holds, absolute; null when the commit adds it. */
  previous: string | null;
}

export interface StagedPages {
  /** Staged `.mdx` files under the content root that are in the working tree, as absolute paths. */
  files: string[];
  /** Their staged bytes, by the same paths: what the commit will hold, not the working-tree copy. */
  contents: Map<string, Buffer>;
  /** Staged files deleted from the working tree since: they are not part of the site polyref sees. */
  missing: string[];
  /** Every change the commit makes to a page, deletions and renames included (not those of `missing`). */
  changes: StagedChange[];
  /** HEAD's bytes of each changed page that HEAD holds, by its `previous` path. */
  headContents: Map<string, Buffer>;
  /** Pages the commit deletes or renames away: not part of the site even where the working tree still has them. */
  removed: string[];
}

// Staged contents of a whole commit may be large; each page is at most a few megabytes.
const maxGitOutput = 1024 * 1024 * 1024;
const noBlob = /^0+$/;

/**
 * Asks git which pages the commit changes (added, copied, modified, renamed
 * or deleted) and reads their staged and HEAD blobs, all in three git
 * processes however many there are.
 */
export function readStagedPages(contentRoot: string, cwd: string, env: NodeJS.ProcessEnv): StagedPages {
  const top = git(['rev-parse', '--show-toplevel'], cwd, env).toString('utf8').trim();
  // Paths from git are relative to the top of the work tree; compare real paths so links (a /tmp that is a link) do not matter.
  const realTop = fs.realpathSync(top);
  const realContent = realpathOrSelf(contentRoot);
  const pageOf = (gitPath: string | null, mode: string): string | null => {
    // Symbolic links (120000) and submodules (160000) are not pages.
    if (gitPath === null || !mode.startsWith('100') || !gitPath.endsWith('.mdx')) return null;
    const relative = path.relative(realContent, path.join(realTop, gitPath));
    return relative.startsWith('..') || path.isAbsolute(relative) ? null : path.join(contentRoot, relative);
  };
  const raw = git(['diff', '--cached', '--raw', '-z', '--no-abbrev', '-M'], cwd, env).toString('utf8');
  const found: Array<StagedChange & { blob: string | null; headBlob: string | null }> = [];
  for (const change of parseRawDiff(raw)) {
    const file = noBlob.test(change.blob) ? null : pageOf(change.path, change.mode);
    // A copy leaves its source as it was.
    const previous = noBlob.test(change.headBlob) || change.status.startsWith('C') ? null : pageOf(change.previousPath, change.headMode);
    if (file === null && previous === null) continue;
    const status = file === null ? 'deleted' : previous === null ? 'added' : previous === file ? 'modified' : 'renamed';
    found.push({ status, file, previous, blob: file === null ? null : change.blob, headBlob: previous === null ? null : change.headBlob });
  }
  const wanted = [...new Set(found.flatMap((change) => [change.blob, change.headBlob]).filter((blob): blob is string => blob !== null))];
  const blobs = new Map(readBlobs(wanted, cwd, env).map((bytes, index) => [wanted[index]!, bytes]));
  const result: StagedPages = { files: [], contents: new Map(), missing: [], changes: [], headContents: new Map(), removed: [] };
  for (const { blob, headBlob, ...change } of found) {
    if (change.file !== null && !fs.existsSync(change.file)) {
      result.missing.push(change.file);
      continue;
    }
    if (change.file !== null) {
      result.files.push(change.file);
      result.contents.set(change.file, blobs.get(blob!)!);
    }
    if (change.previous !== null) {
      result.headContents.set(change.previous, blobs.get(headBlob!)!);
      if (change.previous !== change.file) result.removed.push(change.previous);
    }
    result.changes.push(change);
  }
  return result;
}

/**
 * What HEAD holds of the `.mdx` files under `paths` (files or folders under
 * the content root), by absolute path, in two git processes; null outside a
 * git work tree or without git, and nothing for files HEAD does not hold.
 */
export function readCommittedPages(paths: string[], contentRoot: string, cwd: string, env: NodeJS.ProcessEnv): Map<string, Buffer> | null {
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd, env).toString('utf8').trim();
  } catch (error) {
    if (error instanceof ConfigError) return null;
    throw error;
  }
  const realTop = fs.realpathSync(top);
  const realContent = realpathOrSelf(contentRoot);
  const relativeToTop = paths.map((given) => path.relative(realTop, realpathOrSelf(path.resolve(cwd, given))) || '.');
  let listing: string;
  try {
    listing = git(['ls-tree', '-r', '-z', 'HEAD', '--', ...relativeToTop], top, env).toString('utf8');
  } catch (error) {
    // No commit yet: HEAD holds nothing.
    if (error instanceof ConfigError) return new Map();
    throw error;
  }
  const found: Array<{ file: string; blob: string }> = [];
  for (const line of listing.split('\0')) {
    const match = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(line);
    if (!match || !match[1]!.startsWith('100') || !match[3]!.endsWith('.mdx')) continue;
    const relative = path.relative(realContent, path.join(realTop, match[3]!));
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
    found.push({ file: path.join(contentRoot, relative), blob: match[2]! });
  }
  const blobs = readBlobs(found.map((entry) => entry.blob), top, env);
  return new Map(found.map((entry, index) => [entry.file, blobs[index]!]));
}

/** Stages the working-tree copies of `files` (after `--fix` wrote them), so that the commit holds what was fixed. */
export function stageFiles(files: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  if (files.length > 0) git(['add', '--', ...files.map((file) => path.relative(cwd, file) || file)], cwd, env);
}

interface RawChange {
  status: string;
  headMode: string;
  mode: string;
  headBlob: string;
  blob: string;
  /** The path in HEAD: the same as `path` but for renames and copies. */
  previousPath: string;
  path: string;
}

/**
 * `git diff --raw -z`: `:old-mode new-mode old-sha new-sha status NUL path NUL`,
 * with a second path (the new one) for renames and copies.
 */
function parseRawDiff(raw: string): RawChange[] {
  const fields = raw.split('\0');
  const changes: RawChange[] = [];
  for (let index = 0; index < fields.length - 1; ) {
    const header = fields[index]!.replace(/^:/, '').split(' ');
    const status = header[4] ?? '';
    const twoPaths = status.startsWith('R') || status.startsWith('C');
    const previousPath = fields[index + 1]!;
    const changedPath = fields[index + (twoPaths ? 2 : 1)]!;
    changes.push({ status, headMode: header[0] ?? '', mode: header[1] ?? '', headBlob: header[2] ?? '', blob: header[3] ?? '', previousPath, path: changedPath });
    index += twoPaths ? 3 : 2;
  }
  return changes;
}

/** `git cat-file --batch`: `sha type size LF bytes LF` for each object asked for. */
function readBlobs(ids: string[], cwd: string, env: NodeJS.ProcessEnv): Buffer[] {
  if (ids.length === 0) return [];
  const output = git(['cat-file', '--batch'], cwd, env, `${ids.join('\n')}\n`);
  const blobs: Buffer[] = [];
  let offset = 0;
  for (const id of ids) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString('utf8').split(' ');
    if (header[0] !== id || header[1] !== 'blob') throw new ConfigError(`Cannot read blob \`${id}\` from git`);
    const size = Number(header[2]);
    blobs.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return blobs;
}

function git(args: string[], cwd: string, env: NodeJS.ProcessEnv, input?: string): Buffer {
  const result = spawnSync('git', args, { cwd, env, input, maxBuffer: maxGitOutput });
  if (result.error) {
    throw new ConfigError(`Cannot run git for \`--staged\`: ${(result.error as NodeJS.ErrnoException).code ?? result.error.message}`, 'install git, or check paths without `--staged`');
  }
  if (result.status !== 0) {
    const reason = result.stderr.toString('utf8').trim().split('\n')[0] ?? '';
    throw new ConfigError(`\`git ${args[0]}\` failed for \`--staged\`: ${reason}`, '`--staged` runs inside a git work tree, such as in a pre-commit hook');
  }
  return result.stdout;
}

function realpathOrSelf(folder: string): string {
  try {
    return fs.realpathSync(folder);
  } catch {
    return folder;
  }
}
