import path from 'node:path';
import type { Site } from '../model/site.js';
import type { ParsedPage } from '../model/types.js';
import { codeBlockContent, codeNodes, exampleFiles } from './code-block-content.js';
import type { HighlightJob } from './highlight-pool.js';
import { grammarFor, highlightKey, type Grammar } from './highlight.js';
import type { SymbolLinkers } from './symbol-links.js';

/**
 * The code a page will highlight when it renders, asked for exactly as the
 * views will ask: each `CodeBlock` example with its symbol links, and each
 * code fence. A snippet left out is highlighted in the render itself, so
 * this list only has to be right to save time, never to be correct.
 */
export function highlightJobs(page: ParsedPage, site: Site, symbols: SymbolLinkers): HighlightJob[] {
  const jobs: HighlightJob[] = [];
  const add = (code: string, lang: string | null, ranges: HighlightJob['symbols']): void => {
    jobs.push({ key: highlightKey(code, lang, ranges), code, lang, symbols: ranges });
  };
  for (const node of page.tree ? codeNodes(page.tree) : []) {
    if (node.type === 'code') {
      add(node.value, node.lang ?? null, []);
      continue;
    }
    for (const { language, examples } of codeBlockContent(node, site).languages) {
      for (const { code, extension } of examples) {
        if (code !== null) add(code, extension, symbols.of(site, language.id).ranges(code, page));
      }
    }
  }
  return jobs;
}

/**
 * The grammars the pages can need: those of every example file their
 * `CodeBlock`s name, in any language, and of every code fence.
 */
export function grammarsUsed(pages: readonly ParsedPage[], site: Site): Set<Grammar> {
  const used = new Set<Grammar>();
  const note = (lang: string | null): void => {
    const grammar = grammarFor(lang);
    if (grammar) used.add(grammar);
  };
  for (const page of pages) {
    for (const node of page.tree ? codeNodes(page.tree) : []) {
      if (node.type === 'code') note(node.lang ?? null);
      else for (const file of exampleFiles(node, site)) note(path.extname(file).slice(1));
    }
  }
  return used;
}
