import { createHash } from 'node:crypto';
import type { SourceFile } from '../load/find-sources.js';
import { decodeSource } from '../load/read-source.js';
import type { ParsedPage } from '../model/types.js';
import { parseBody } from './body.js';
import { readFrontmatter } from './frontmatter.js';
import { splitFrontmatter } from './split-frontmatter.js';
import { YamlReader } from './yaml-reader.js';

export interface ParseOptions {
  keepTree: boolean;
}

/**
 * One file in, one page out: plain data with every problem as a diagnostic.
 * Pure, so that it can run in a worker or be cached by the file's hash.
 */
export function parsePage(source: SourceFile, bytes: Buffer, options: ParseOptions): ParsedPage {
  const page = emptyPage(source, createHash('sha1').update(bytes).digest('hex'));
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    page.diagnostics.push(decoded.diagnostic);
    return page;
  }
  const text = decoded.text;
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
    return page;
  }
  if (split.yaml !== null) {
    const reader = YamlReader.parse(split.yaml, split.yamlLine);
    if (reader.ok) {
      const frontmatter = readFrontmatter(reader, source.kind === 'navigation');
      Object.assign(page, frontmatter);
    }
    page.diagnostics.push(...reader.diagnostics);
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
    page.links = body.links;
    page.diagnostics.push(...body.diagnostics);
  }
  if (page.title === null) {
    page.title = page.headings.find((heading) => heading.depth === 1)?.text ?? null;
  }
  return page;
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
    languagePlaces: {},
    navigation: null,
    components: [],
    headings: [],
    links: [],
    tree: null,
    diagnostics: [],
  };
}
