import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { BoundedCache } from '../model/bounded-cache.js';

const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Trees by text. Parsing is the costly step of showing a description, and a
 * site shows each description many times: in every language, on many pages,
 * as HTML and again in the Markdown copies and `polyref.json`.
 */
const trees = new BoundedCache<Root>(2_000);

/** Markdown (with GFM) as mdast, parsed once per text. The tree is shared: read it, never change it. */
export function parseMarkdown(markdown: string): Root {
  return trees.get(markdown, () => markdownParser.parse(markdown) as Root);
}
