import type { Element, ElementContent, Root, Text } from 'hast';
import type { SiteIndex } from '../index/site-index.js';
import type { ParsedPage } from '../model/types.js';
import { withBasePath } from './sanitize.js';

/** A symbol of example code that links to its reference entry. */
export interface SymbolLink {
  /** The entry's `key`, as the language spells it. */
  key: string;
  /** The entry's `patternBefore`: what must precede `key` for it to be this symbol. */
  patternBefore: string;
  href: string;
}

const groupName = 'polyrefSymbol';

/**
 * The entries of one language that example code may link to: those with a
 * `patternBefore` and a page. Entries of the page being rendered come first,
 * so that where two entries match the same text, the nearer one wins.
 */
export function symbolLinks(index: SiteIndex, language: string, page: ParsedPage, basePath: string): SymbolLink[] {
  const links: Array<SymbolLink & { onPage: boolean }> = [];
  for (const located of [...(index.entriesByKey.get(language)?.values() ?? [])].flat()) {
    const entry = located.value;
    if (entry.patternBefore === null || entry.url === null) continue;
    links.push({ key: entry.key, patternBefore: entry.patternBefore, href: withBasePath(entry.url, basePath), onPage: located.page === page });
  }
  // A stable sort keeps page order within each group.
  return links.sort((a, b) => Number(b.onPage) - Number(a.onPage)).map(({ onPage: _onPage, ...link }) => link);
}

/**
 * Wraps every occurrence of a linked symbol in `<a>`, inside the highlighted
 * token that holds it, so colours stay. Works on the syntax tree, never on
 * HTML text: the code stays escaped exactly as the highlighter escaped it.
 */
export function linkSymbols(tree: Root, links: readonly SymbolLink[]): void {
  if (links.length === 0) return;
  const texts = textNodes(tree);
  const code = texts.map((text) => text.node.value).join('');
  const claimed: Array<{ start: number; end: number; href: string }> = [];
  for (const link of links) {
    const pattern = symbolPattern(link);
    if (!pattern) continue;
    for (const match of code.matchAll(pattern)) {
      const range = match.indices?.groups?.[groupName];
      if (!range) continue;
      const [start, end] = range;
      if (end > start && !claimed.some((other) => start < other.end && other.start < end)) claimed.push({ start, end, href: link.href });
    }
  }
  // Right to left, so that splitting one text node leaves the offsets of earlier ones valid.
  claimed.sort((a, b) => b.start - a.start);
  for (const range of claimed) {
    const holder = texts.find((text) => text.start <= range.start && range.end <= text.start + text.node.value.length);
    // A symbol split across tokens stays plain rather than breaking the highlighting.
    if (!holder) continue;
    split(holder, range);
  }
}

function symbolPattern(link: SymbolLink): RegExp | null {
  const key = link.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    // The symbol ends where the identifier ends: `list_groups` never links inside `list_groups_v2`.
    return new RegExp(`(?:${link.patternBefore})(?<${groupName}>${key})(?![\\w$])`, 'gd');
  } catch {
    // Patterns are validated when pages are parsed; one that still fails here links nothing.
    return null;
  }
}

interface PlacedText {
  node: Text;
  parent: Element | Root;
  start: number;
}

function textNodes(tree: Root): PlacedText[] {
  const found: PlacedText[] = [];
  let offset = 0;
  const visit = (parent: Element | Root): void => {
    for (const child of parent.children) {
      if (child.type === 'text') {
        found.push({ node: child, parent, start: offset });
        offset += child.value.length;
      } else if (child.type === 'element') {
        visit(child);
      }
    }
  };
  visit(tree);
  return found;
}

function split(holder: PlacedText, range: { start: number; end: number; href: string }): void {
  const { node, parent } = holder;
  const from = range.start - holder.start;
  const to = range.end - holder.start;
  const pieces: ElementContent[] = [];
  if (from > 0) pieces.push({ type: 'text', value: node.value.slice(0, from) });
  pieces.push({
    type: 'element',
    tagName: 'a',
    properties: { href: range.href, className: ['symbol-link'] },
    children: [{ type: 'text', value: node.value.slice(from, to) }],
  });
  if (to < node.value.length) pieces.push({ type: 'text', value: node.value.slice(to) });
  const position = parent.children.indexOf(node);
  parent.children.splice(position, 1, ...pieces);
  // Later (leftward) symbols of the same token live in what is left before this one.
  if (from > 0) holder.node = pieces[0] as Text;
}
