import path from 'node:path';
import type { Site } from '../model/site.js';
import type { ParsedPage } from '../model/types.js';
import { codeNodes, exampleFiles } from './code-block-content.js';
import { grammarFor, type Grammar } from './highlight.js';

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
