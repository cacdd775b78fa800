import fs from 'node:fs';
import path from 'node:path';
import type { SourceKind } from '../model/types.js';

export interface SourceFile {
  file: string;
  relativePath: string;
  kind: SourceKind;
  url: string;
}

/**
 * Every `.mdx` file under the content root, sorted by path so that every
 * later stage sees the same order on every machine.
 */
export function findSources(contentRoot: string): SourceFile[] {
  const found: SourceFile[] = [];
  walk(contentRoot, '', false, found);
  return found.sort((a, b) => compareStrings(a.relativePath, b.relativePath));
}

function walk(directory: string, relative: string, insidePartial: boolean, found: SourceFile[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const absolute = path.join(directory, entry.name);
    const relativePath = relative ? `${relative}/${entry.name}` : entry.name;
    // Folders linked from elsewhere could loop or leave the root: not followed.
    if (entry.isDirectory()) {
      walk(absolute, relativePath, insidePartial || entry.name.startsWith('_'), found);
    } else if (entry.isFile() && entry.name.endsWith('.mdx')) {
      found.push({ file: absolute, relativePath, kind: sourceKind(entry.name, insidePartial), url: urlOf(relativePath) });
    }
  }
}

/**
 * The source a path under the content root would be (a file git names, say),
 * as `findSources` would list it; null for a path it would not list.
 */
export function sourceAt(contentRoot: string, relativePath: string): SourceFile | null {
  const segments = relativePath.split('/');
  if (!relativePath.endsWith('.mdx') || segments.some((segment) => segment === '' || segment.startsWith('.') || segment === 'node_modules')) return null;
  const insidePartial = segments.slice(0, -1).some((segment) => segment.startsWith('_'));
  return { file: path.join(contentRoot, ...segments), relativePath, kind: sourceKind(segments.at(-1)!, insidePartial), url: urlOf(relativePath) };
}

function sourceKind(name: string, insidePartial: boolean): SourceKind {
  if (name === '_navigation.mdx') return 'navigation';
  return insidePartial || name.startsWith('_') ? 'partial' : 'page';
}

/** `reference/directory-group/index.mdx` → `/reference/directory-group`. */
export function urlOf(relativePath: string): string {
  const withoutExtension = relativePath.replace(/\.mdx$/, '');
  const withoutIndex = withoutExtension === 'index' ? '' : withoutExtension.replace(/\/index$/, '');
  return `/${withoutIndex}`;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
