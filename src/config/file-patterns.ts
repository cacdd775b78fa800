import path from 'node:path';

/**
 * A file pattern of `overrides[].files`, relative to the folder of the
 * config file, with `/` separators: `*` stands for any characters but `/`,
 * `?` for one of them, `**` for any number of folders; a pattern without a
 * wildcard names a file or a whole folder (`examples/legacy`).
 */
export function compileFilePattern(pattern: string): RegExp {
  const trimmed = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  let source = '';
  for (let index = 0; index < trimmed.length; index++) {
    const character = trimmed[index]!;
    if (character === '*' && trimmed[index + 1] === '*') {
      // `**/` matches zero or more folders; a trailing `**` matches everything below.
      const slash = trimmed[index + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      index += slash ? 2 : 1;
    } else if (character === '*') {
      source += '[^/]*';
    } else if (character === '?') {
      source += '[^/]';
    } else {
      source += character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}(?:/.*)?$`);
}

/** `file` (absolute) as a pattern sees it: relative to `base`, with `/` separators. */
export function patternPath(base: string, file: string): string {
  return path.relative(base, file).split(path.sep).join('/');
}
