import type { Diagnostic } from '../model/types.js';
import { FastYamlReader } from './fast-yaml-reader.js';
import { NotOnFastPath } from './fast-yaml-tree.js';
import { readFrontmatter, type Frontmatter } from './frontmatter.js';
import { YamlReader } from './yaml-reader.js';

/**
 * `fast`: js-yaml, falling back to the reference for any page it leaves
 * (the default); `reference`: the `yaml` package alone. Both give the same
 * result on every input; `reference` exists to prove it.
 */
export type YamlParser = 'fast' | 'reference';

export interface PageFrontmatter {
  /** Null when the YAML does not parse: the diagnostics say why. */
  frontmatter: Frontmatter | null;
  diagnostics: Diagnostic[];
  /** Which reader produced the result, for tests and benchmarks only. */
  readBy: YamlParser;
}

/**
 * Reads a page's frontmatter into the model. The fast reader goes first; a
 * page it does not take whole (a syntax error, an odd shape, a construct it
 * does not place itself) is read again from scratch by the reference
 * reader, so nothing the user sees depends on which one ran.
 */
export function readPageFrontmatter(
  yaml: string,
  firstLine: number,
  firstOffset: number,
  isNavigation: boolean,
  parser: YamlParser = 'fast',
): PageFrontmatter {
  if (parser === 'fast') {
    const fast = readFast(yaml, firstLine, firstOffset, isNavigation);
    if (fast) return { frontmatter: fast, diagnostics: [], readBy: 'fast' };
  }
  const reader = YamlReader.parse(yaml, firstLine, firstOffset);
  const frontmatter = reader.ok ? readFrontmatter(reader, isNavigation) : null;
  return { frontmatter, diagnostics: reader.diagnostics, readBy: 'reference' };
}

function readFast(yaml: string, firstLine: number, firstOffset: number, isNavigation: boolean): Frontmatter | null {
  try {
    const reader = FastYamlReader.parse(yaml, firstLine, firstOffset);
    const frontmatter = readFrontmatter(reader, isNavigation);
    return reader.diagnostics.length === 0 ? frontmatter : null;
  } catch (error) {
    if (error instanceof NotOnFastPath) return null;
    throw error;
  }
}
