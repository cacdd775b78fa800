import path from 'node:path';

/** `out` for a folder under the working directory, the absolute path otherwise. */
export function shownPath(cwd: string, folder: string): string {
  const relative = path.relative(cwd, folder);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative;
}
