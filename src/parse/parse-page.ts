import { hash } from 'node:crypto';
import type { SourceFile } from '../load/find-sources.js';
import { decodeSource } from '../load/read-source.js';
import type { ParsedPage } from '../model/types.js';
import { parseBody } from './body.js';
import { readPageFrontmatter, type YamlParser } from './page-frontmatter.js';
import { splitFrontmatter } from './split-frontmatter.js';
import { findSuppressions } from './suppressions.js';

export interface ParseOptions {
  keepTree: boolean;
  /** Which YAML reader goes first; the result is the same either way (default `fast`). */
  yamlParser?: YamlParser;
}

/**
 * One file in, one page out: plain data with every problem as a diagnostic.
 * Pure, so that it can run in a worker or be cached by the file's hash.
 */
export function parsePage(source: SourceFile, bytes: Buffer, options: ParseOptions): ParsedPage {
  const page = emptyPage(source, sourceHash(bytes));
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    page.diagnostics.push(decoded.diagnostic);
    return page;
  }
  const text = decoded.text;
  page.suppressions = findSuppressions(text);
  if (text.trim() === '') {
    page.diagnostics.push({
      ruleId: 'empty-file',
      message: 'Unexpected empty file, expected frontmatter or markdown',
      place: { line: 1, column: 1, endLine: 1, endColumn: 1 },
    });
    return page;
  }

  const split = splitFrontmatter(text);
  if (split.diagnostic) {
    page.diagnostics.push(split.diagnostic);
    page.unreadFrontmatter = text;
    return page;
  }
  if (split.yaml !== null) {
    const read = readPageFrontmatter(split.yaml, split.yamlLine, split.yamlOffset, source.kind === 'navigation', options.yamlParser);
    if (read.frontmatter) Object.assign(page, read.frontmatter);
    else page.unreadFrontmatter = split.yaml;
    page.diagnostics.push(...read.diagnostics);
  }

  // A navigation file is frontmatter only; partials are never rendered.
  if (source.kind !== 'navigation') {
    const body = parseBody(split.body, {
      line: split.bodyLine,
      offset: split.bodyOffset,
      keepTree: options.keepTree && source.kind === 'page',
    });
    page.tree = body.tree;
    page.components = body.components;
    page.headings = body.headings;
    page.links = [...page.links, ...body.links];
    page.diagnostics.push(...body.diagnostics);
  }
  return page;
}

/** `ParsedPage.hash`: what `--fix` compares with a fresh read before it writes, and caches key on. */
export function sourceHash(bytes: Buffer): string {
  return hash('sha1', bytes, 'hex');
}

/** A page with nothing in it yet: the start of every parse, and all an unreadable file gets. */
export function emptyPage(source: SourceFile, hash: string): ParsedPage {
  return {
    ...source,
    hash,
    title: null,
    data: {},
    descriptions: [],
    reference: {},
    referencePlace: null,
    languagePlaces: {},
    navigation: null,
    components: [],
    headings: [],
    links: [],
    suppressions: [],
    tree: null,
    diagnostics: [],
  };
}
