import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config-error.js';

export interface StagedPages {
  /** Staged `.mdx` files under the content root that are in the working tree, as absolute paths. */
  files: string[];
  /** Their staged bytes, by the same paths: what the commit will hold, not the working-tree copy. */
  contents: Map<string, Buffer>;
  /** Staged files deleted from the working tree since: they are not part of the site polyref sees. */
  missing: string[];
}

// Staged contents of a whole commit may be large; each page is at most a few megabytes.
const maxGitOutput = 1024 * 1024 * 1024;

/**
 * Asks git which pages are staged (added, copied, modified or renamed) and
 * reads their staged blobs, all in three git processes however many there are.
 */
export function readStagedPages(contentRoot: string, cwd: string, env: NodeJS.ProcessEnv): StagedPages {
  const top = git(['rev-parse', '--show-toplevel'], cwd, env).toString('utf8').trim();
  // Paths from git are relative to the top of the work tree; compare real paths so links (a /tmp that is a link) do not matter.
  const realTop = fs.realpathSync(top);
  const realContent = realpathOrSelf(contentRoot);
  const raw = git(['diff', '--cached', '--raw', '-z', '--no-abbrev', '--diff-filter=ACMR'], cwd, env).toString('utf8');
  const staged: Array<{ file: string; blob: string }> = [];
  for (const change of parseRawDiff(raw)) {
    // Symbolic links (120000) and submodules (160000) are not pages.
    if (!change.mode.startsWith('100') || !change.path.endsWith('.mdx')) continue;
    const relative = path.relative(realContent, path.join(realTop, change.path));
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
    staged.push({ file: path.join(contentRoot, relative), blob: change.blob });
  }
  const blobs = readBlobs(staged.map((entry) => entry.blob), cwd, env);
  const result: StagedPages = { files: [], contents: new Map(), missing: [] };
  for (const [index, { file }] of staged.entries()) {
    if (!fs.existsSync(file)) {
      result.missing.push(file);
      continue;
    }
    result.files.push(file);
    result.contents.set(file, blobs[index]!);
  }
  return result;
}

interface RawChange {
  mode: string;
  blob: string;
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
    const changedPath = fields[index + (twoPaths ? 2 : 1)]!;
    changes.push({ mode: header[1] ?? '', blob: header[3] ?? '', path: changedPath });
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
    if (header[0] !== id || header[1] !== 'blob') throw new ConfigError(`Cannot read staged blob \`${id}\` from git`);
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
