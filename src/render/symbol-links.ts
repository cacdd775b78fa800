import type { Element, ElementContent, Root, Text } from 'hast';
import type { ParsedPage } from '../model/types.js';
import type { Site } from '../model/site.js';
import { withBasePath } from './sanitize.js';

/** A symbol of example code that links to its reference entry. */
export interface SymbolLink {
  /** The entry's `key`, as the language spells it. */
  key: string;
  /** The entry's `patternBefore`: what must precede `key` for it to be this symbol. */
  patternBefore: string;
  href: string;
  /** The page that documents the entry: on that page, its own entry wins over others of the same key. */
  page?: ParsedPage | null;
}

/** Where a symbol stands in the code (UTF-16 offsets into the code text) and where it links. */
export interface SymbolRange {
  start: number;
  end: number;
  href: string;
}

interface Target {
  href: string;
  /** The file of the page that documents the entry (a page parsed again is a new object, at the same file). */
  file: string | null;
  /** Position in the link list: the earlier link wins where two match the same text. */
  order: number;
}

/** Every link that shares a `patternBefore`, matched by one expression. */
interface PatternGroup {
  pattern: RegExp;
  targets: Map<string, Target[]>;
}

const groupName = 'polyrefSymbol';

/**
 * The symbols of one language, compiled once: one regular expression per
 * distinct `patternBefore`, alternating its keys. Finding the symbols of a
 * code example costs a scan per pattern, whatever the number of entries.
 */
export class SymbolLinker {
  static readonly none = new SymbolLinker([], 0);

  private constructor(
    private readonly groups: readonly PatternGroup[],
    private readonly linkCount: number,
  ) {}

  /** Links in priority order: where two match the same text, the earlier one wins (after the page's own). */
  static of(links: readonly SymbolLink[]): SymbolLinker {
    const byPattern = new Map<string, Map<string, Target[]>>();
    links.forEach((link, order) => {
      let targets = byPattern.get(link.patternBefore);
      if (!targets) byPattern.set(link.patternBefore, (targets = new Map()));
      const list = targets.get(link.key);
      const target: Target = { href: link.href, file: link.page?.file ?? null, order };
      if (list) list.push(target);
      else targets.set(link.key, [target]);
    });
    const groups: PatternGroup[] = [];
    for (const [patternBefore, targets] of byPattern) {
      const pattern = groupPattern(patternBefore, [...targets.keys()]);
      if (pattern) groups.push({ pattern, targets });
    }
    return groups.length === 0 ? SymbolLinker.none : new SymbolLinker(groups, links.length);
  }

  get isEmpty(): boolean {
    return this.groups.length === 0;
  }

  /**
   * The symbols of `code`, non-overlapping, sorted by start. `page` is the
   * page being rendered: an entry it documents wins over an entry of another
   * page with the same key; otherwise the earlier link wins.
   */
  ranges(code: string, page: ParsedPage | null = null): SymbolRange[] {
    const candidates: Array<SymbolRange & { rank: number }> = [];
    for (const { pattern, targets } of this.groups) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(code); match; match = pattern.exec(code)) {
        // Every start is tried, so that a match hides no later one that overlaps it.
        pattern.lastIndex = match.index + 1;
        const range = match.indices?.groups?.[groupName];
        if (!range || range[1] <= range[0]) continue;
        const candidatesOfKey = targets.get(code.slice(range[0], range[1]));
        if (!candidatesOfKey) continue;
        const own = page ? candidatesOfKey.find((target) => target.file === page.file) : undefined;
        const target = own ?? candidatesOfKey[0]!;
        candidates.push({ start: range[0], end: range[1], href: target.href, rank: own ? target.order - this.linkCount : target.order });
      }
    }
    candidates.sort((a, b) => a.rank - b.rank || a.start - b.start);
    const claimed: SymbolRange[] = [];
    for (const { start, end, href } of candidates) {
      if (!claimed.some((other) => start < other.end && other.start < end)) claimed.push({ start, end, href });
    }
    return claimed.sort((a, b) => a.start - b.start);
  }
}

/** `(?:patternBefore)(?<symbol>longest|long|key)` not followed by more of an identifier. */
function groupPattern(patternBefore: string, keys: string[]): RegExp | null {
  try {
    // Patterns are validated when pages are parsed; one that still fails here links nothing.
    new RegExp(patternBefore);
  } catch {
    return null;
  }
  // Longer keys first, so that `list_groups_v2` is tried before `list_groups`.
  const alternatives = [...keys].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).map(escapeRegExp);
  // The symbol ends where the identifier ends: `list_groups` never links inside `list_groups_v2`.
  return new RegExp(`(?:${patternBefore})(?<${groupName}>${alternatives.join('|')})(?![\\w$])`, 'gd');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The symbol linker of each language, compiled once per build (an
 * incremental build compiles them again when an entry changed).
 */
export class SymbolLinkers {
  private readonly byLanguage = new Map<string, { size: number; linker: SymbolLinker }>();

  /** The entries of `language` that example code may link to: those with a `patternBefore` and a page. */
  of(site: Site, language: string): SymbolLinker {
    const table = site.index.entriesByKey.get(language);
    // The size is read on every call, not only on the first: through the recording view of an
    // incremental build, it marks each page that links symbols as reading the whole table.
    const size = table?.size ?? 0;
    const known = this.byLanguage.get(language);
    if (known && known.size === size) return known.linker;
    const links: SymbolLink[] = [];
    for (const located of [...(table?.values() ?? [])].flat()) {
      const entry = located.value;
      if (entry.patternBefore === null || entry.url === null) continue;
      links.push({ key: entry.key, patternBefore: entry.patternBefore, href: withBasePath(entry.url, site.config.basePath), page: located.page });
    }
    const linker = SymbolLinker.of(links);
    this.byLanguage.set(language, { size, linker });
    return linker;
  }
}

/**
 * Wraps each symbol range of the code in `<a>`, inside the highlighted token
 * that holds it, so colours stay. Works on the syntax tree, never on HTML
 * text: the code stays escaped exactly as the highlighter escaped it.
 */
export function linkSymbols(tree: Root, ranges: readonly SymbolRange[]): void {
  if (ranges.length === 0) return;
  const texts = textNodes(tree);
  // Right to left, so that splitting one text node leaves the offsets of earlier ones valid.
  for (let at = ranges.length - 1; at >= 0; at--) {
    const range = ranges[at]!;
    const holder = texts.find((text) => text.start <= range.start && range.end <= text.start + text.node.value.length);
    // A symbol split across tokens stays plain rather than breaking the highlighting.
    if (!holder) continue;
    split(holder, range);
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

function split(holder: PlacedText, range: SymbolRange): void {
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
