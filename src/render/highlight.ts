import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { createHighlighter, type Highlighter } from 'shiki';
import { linkSymbols, type SymbolLink } from './symbol-links.js';

/** Grammars loaded up front, so highlighting stays synchronous while pages render. */
const grammars = [
  'bash', 'csharp', 'css', 'diff', 'go', 'html', 'http', 'java', 'javascript', 'json', 'kotlin', 'markdown',
  'php', 'python', 'ruby', 'rust', 'shellscript', 'sql', 'swift', 'tsx', 'typescript', 'xml', 'yaml',
] as const;

const aliases: Record<string, string> = {
  sh: 'bash', shell: 'bash', zsh: 'bash', curl: 'bash', cs: 'csharp', dotnet: 'csharp', rb: 'ruby', py: 'python',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', node: 'javascript', jsx: 'tsx', ts: 'typescript',
  golang: 'go', yml: 'yaml', md: 'markdown', htm: 'html', kt: 'kotlin', rs: 'rust',
};

/** GitHub's default themes: every token colour keeps a 4.5:1 contrast on their backgrounds (WCAG AA). */
export const themes = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/**
 * No time limit per line: Shiki stops tokenizing a line after 500 ms by
 * default, which a busy machine (or the first, cold call) can reach; the two
 * themes then split the line differently and its colours come out wrong, so
 * the same input would not always give the same bytes.
 */
const tokenizeTimeLimit = 0;

/** Build-time syntax highlighting with light and dark colours as CSS variables. */
export class CodeHighlighter {
  private readonly cache = new Map<string, string>();

  private constructor(private readonly highlighter: Highlighter) {}

  static async create(): Promise<CodeHighlighter> {
    const highlighter = await createHighlighter({ themes: [themes.light, themes.dark], langs: [...grammars] });
    return new CodeHighlighter(highlighter);
  }

  /**
   * `lang` is a fence's language or a file extension; unknown ones stay plain,
   * escaped text. `links` turns symbols of the code into links to their entries.
   */
  highlight(code: string, lang: string | null, links: readonly SymbolLink[] = []): string {
    const grammar = grammarFor(lang);
    const linkKey = links.map((link) => `${link.key}\u0001${link.patternBefore}\u0001${link.href}`).join('\u0002');
    const key = `${grammar}\u0000${linkKey}\u0000${code}`;
    let html = this.cache.get(key);
    if (html === undefined) {
      const tree: Root = grammar
        ? this.highlighter.codeToHast(code, { lang: grammar, themes, defaultColor: false, tokenizeTimeLimit })
        : plainCode(code);
      linkSymbols(tree, links);
      markIndents(tree);
      html = toHtml(tree);
      this.cache.set(key, html);
    }
    return html;
  }

  dispose(): void {
    this.highlighter.dispose();
  }
}

/**
 * Each indented line says how deep it is (`--indent: 4ch`), so that a long
 * line wrapped on a narrow screen continues under its own start, not at the margin.
 */
function markIndents(tree: Root): void {
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      // Shiki writes `class` as a string, hast builders as a `className` list.
      const classes = [child.properties.className, child.properties.class].flat().map(String).join(' ').split(' ');
      if (classes.includes('line')) {
        const indent = leadingWidth(lineText(child));
        if (indent > 0) child.properties.style = `--indent:${indent}ch`;
      } else {
        visit(child);
      }
    }
  };
  visit(tree);
}

function lineText(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? lineText(child) : '')).join('');
}

/** Columns of leading whitespace, a tab counting as the 4 columns the stylesheet gives it. */
function leadingWidth(line: string): number {
  let width = 0;
  for (const character of line) {
    if (character === ' ') width += 1;
    else if (character === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Code in a language with no grammar: escaped text, one `.line` per line like highlighted code. */
function plainCode(code: string): Root {
  const lines: ElementContent[] = [];
  for (const [index, line] of code.split('\n').entries()) {
    if (index > 0) lines.push({ type: 'text', value: '\n' });
    lines.push({ type: 'element', tagName: 'span', properties: { className: ['line'] }, children: line ? [{ type: 'text', value: line }] : [] });
  }
  return {
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'pre',
        properties: { className: ['shiki'], tabIndex: 0 },
        children: [{ type: 'element', tagName: 'code', properties: {}, children: lines }],
      },
    ],
  };
}

export function grammarFor(lang: string | null): string | null {
  if (!lang) return null;
  const name = lang.toLowerCase();
  const resolved = aliases[name] ?? name;
  return (grammars as readonly string[]).includes(resolved) ? resolved : null;
}
