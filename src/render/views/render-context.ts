import { anchorId } from '../../index/anchors.js';
import type { Site } from '../../model/site.js';
import type { ParsedPage } from '../../model/types.js';
import type { CodeHighlighter } from '../highlight.js';
import type { MarkdownRenderer } from '../markdown.js';
import type { SymbolLinkers } from '../symbol-links.js';
import type { Templates } from '../templates.js';

/** What rendering one page needs; `ids` keeps every DOM id on the page unique. */
export interface RenderContext {
  site: Site;
  page: ParsedPage;
  templates: Templates;
  markdown: MarkdownRenderer;
  highlighter: CodeHighlighter;
  symbols: SymbolLinkers;
  ids: Set<string>;
}

/**
 * The anchor itself the first time, then `anchor-2`, `anchor-3`…: deterministic
 * and unique on the page. Whitespace, which an id may not hold, becomes `-`.
 */
export function uniqueId(context: Pick<RenderContext, 'ids'>, anchor: string): string {
  const base = anchorId(anchor);
  let id = base;
  for (let count = 2; context.ids.has(id); count++) id = `${base}-${count}`;
  context.ids.add(id);
  return id;
}
