import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import {
  createHighlighter,
  createJavaScriptRegexEngine,
  getTokenStyleObject,
  stringifyTokenStyle,
  type Highlighter,
  type ShikiTransformer,
  type ThemedToken,
} from 'shiki';
import { codeFingerprint } from '../load/code-fingerprint.js';
import { BoundedCache } from '../model/bounded-cache.js';
import { linkSymbols, type SymbolRange } from './symbol-links.js';

/** Grammars loaded up front, so highlighting stays synchronous while pages render. */
const grammars = [
  'bash', 'csharp', 'css', 'diff', 'go', 'html', 'http', 'java', 'javascript', 'json', 'kotlin', 'markdown',
  'php', 'python', 'ruby', 'rust', 'shellscript', 'sql', 'swift', 'tsx', 'typescript', 'xml', 'yaml',
] as const;

export type Grammar = (typeof grammars)[number];

const aliases: Record<string, string> = {
  sh: 'bash', shell: 'bash', zsh: 'bash', curl: 'bash', cs: 'csharp', dotnet: 'csharp', rb: 'ruby', py: 'python',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', node: 'javascript', jsx: 'tsx', ts: 'typescript',
  golang: 'go', yml: 'yaml', md: 'markdown', htm: 'html', kt: 'kotlin', rs: 'rust',
};

/** GitHub's default themes: every token colour keeps a 4.5:1 contrast on their backgrounds (WCAG AA). */
export const themes = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/**
 * No time limit per line: Shiki stops tokenizing a line after 500 ms by
 * default, which a busy machine (or the first, cold call) can reach; the
 * line's colours then depend on the machine's load, and the same input would
 * not always give the same bytes.
 */
const tokenizeTimeLimit = 0;

/** Highlighted snippets kept for reuse (a dev server renders the same pages again), counted in characters of HTML: about 16 MB. */
const cacheCharacterLimit = 8 * 1024 * 1024;

/** A snippet asked for a grammar not loaded yet: load it (`load`) and ask again. */
export class GrammarNeeded extends Error {
  override name = 'GrammarNeeded';
  constructor(readonly grammar: Grammar) {
    super(`The ${grammar} grammar is not loaded`);
  }
}

/**
 * Build-time syntax highlighting with light and dark colours as CSS variables.
 * Shiki's JavaScript regex engine tokenizes the bundled grammars exactly as
 * Oniguruma does, without loading WebAssembly, and faster.
 */
export class CodeHighlighter {
  private readonly cache = new BoundedCache<string>(cacheCharacterLimit, (html) => html.length);
  private readonly loaded: Set<string>;

  private constructor(
    private readonly highlighter: Highlighter,
    private readonly dual: DualThemeStyles | null,
    private readonly store: HighlightStore | null,
  ) {
    this.loaded = new Set(highlighter.getLoadedLanguages());
  }

  /**
   * `only` limits the grammars loaded to those a build will use (each costs
   * start-up time); without it, every bundled grammar is loaded, as a dev
   * server needs, since an edit may bring any language.
   */
  static async create({ only, cacheRoot = null }: { only?: Iterable<Grammar>; cacheRoot?: string | null } = {}): Promise<CodeHighlighter> {
    const highlighter = await createHighlighter({
      themes: [themes.light, themes.dark],
      langs: only ? [...new Set(only)] : [...grammars],
      engine: createJavaScriptRegexEngine(),
    });
    return new CodeHighlighter(highlighter, DualThemeStyles.of(highlighter), cacheRoot === null ? null : new HighlightStore(cacheRoot));
  }

  /** Loads the grammars not loaded yet; a thread rendering page after page loads each as the first page asks for it. */
  async load(wanted: Iterable<Grammar>): Promise<void> {
    const missing = [...new Set(wanted)].filter((grammar) => !this.loaded.has(grammar));
    if (missing.length === 0) return;
    await this.highlighter.loadLanguage(...missing);
    for (const grammar of missing) this.loaded.add(grammar);
  }

  /**
   * `lang` is a fence's language or a file extension; unknown ones stay plain,
   * escaped text. `symbols` (offsets into `code`) become links to their entries.
   */
  highlight(code: string, lang: string | null, symbols: readonly SymbolRange[] = []): string {
    const key = highlightKey(code, lang, symbols);
    return this.cache.get(key, () => {
      const stored = this.store?.read(key);
      if (stored !== undefined) return stored;
      const html = this.highlightHere(code, lang, symbols);
      this.store?.write(key, html);
      return html;
    });
  }

  /** Whether light and dark colours come from one tokenization (see `DualThemeStyles`). */
  get tokenizesOnce(): boolean {
    return this.dual !== null;
  }

  dispose(): void {
    this.highlighter.dispose();
  }

  private highlightHere(code: string, lang: string | null, symbols: readonly SymbolRange[]): string {
    const grammar = grammarFor(lang);
    if (grammar && !this.loaded.has(grammar)) throw new GrammarNeeded(grammar);
    const tree = grammar ? this.tokenized(code, grammar) : plainCode(code);
    linkSymbols(tree, symbols);
    markIndents(tree);
    return toHtml(tree);
  }

  private tokenized(code: string, grammar: Grammar): Root {
    const dual = this.dual;
    if (dual) {
      const tree = dual.highlight(() => this.highlighter.codeToHast(code, { lang: grammar, theme: themes.light, tokenizeTimeLimit, transformers: [dual.transformer] }));
      if (tree) return tree;
    }
    return this.highlighter.codeToHast(code, { lang: grammar, themes, defaultColor: false, tokenizeTimeLimit });
  }
}

/**
 * Highlighted snippets on disk, under the project's cache folder, one file
 * per snippet named by a hash of its key and of polyref's code (which makes
 * the HTML): a later build reuses them without loading a grammar. Each file
 * starts with the hash of its HTML, so that one damaged since is ignored;
 * written whole under a temporary name; the folder is safe to delete.
 */
class HighlightStore {
  private readonly folder: string;

  constructor(cacheRoot: string) {
    this.folder = path.join(cacheRoot, 'highlight-2');
  }

  read(key: string): string | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.fileOf(key), 'utf8');
    } catch {
      return undefined;
    }
    const newline = text.indexOf('\n');
    const html = text.slice(newline + 1);
    return newline === 40 && text.slice(0, 40) === createHash('sha1').update(html).digest('hex') ? html : undefined;
  }

  write(key: string, html: string): void {
    const file = this.fileOf(key);
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(temporary, `${createHash('sha1').update(html).digest('hex')}\n${html}`);
      fs.renameSync(temporary, file);
    } catch {
      // A cache that cannot be written is no error, only slower.
      fs.rmSync(temporary, { force: true });
    }
  }

  private fileOf(key: string): string {
    const name = createHash('sha1').update(codeFingerprint()).update('\0').update(key).digest('hex');
    return path.join(this.folder, name.slice(0, 2), name.slice(2));
  }
}

/** What a highlighted snippet is cached by: everything its HTML depends on. */
export function highlightKey(code: string, lang: string | null, symbols: readonly SymbolRange[] = []): string {
  const grammar = grammarFor(lang);
  return symbols.length === 0 ? `${grammar}\u0000${code}` : `${grammar}\u0000${code}\u0000${JSON.stringify(symbols)}`;
}

/**
 * Light and dark colours from one tokenization. GitHub's light and dark
 * themes are made from one template: the same rules, in the same order, with
 * the same font styles, only the colours differ, and each light colour has
 * exactly one dark counterpart. The light tokens therefore split the code
 * exactly where tokenizing with both themes would, and carry both colours:
 * the same HTML as Shiki's two-theme output for half the work. Themes that
 * do not line up this way are tokenized twice, as Shiki does.
 */
class DualThemeStyles {
  /** Set when a token had a colour with no known dark counterpart: that code is tokenized with both themes instead. */
  private unpaired = false;

  private constructor(
    private readonly darkOf: ReadonlyMap<string, string>,
    private readonly rootStyle: string,
    private readonly themeClass: string,
  ) {}

  static of(highlighter: Highlighter): DualThemeStyles | null {
    const light = highlighter.getTheme(themes.light);
    const dark = highlighter.getTheme(themes.dark);
    if (light.settings.length !== dark.settings.length) return null;
    const darkOf = new Map<string, string>();
    const pair = (lightColor: string | undefined, darkColor: string | undefined): boolean => {
      if (lightColor === undefined && darkColor === undefined) return true;
      if (lightColor === undefined || darkColor === undefined) return false;
      const known = darkOf.get(lightColor.toUpperCase());
      if (known !== undefined) return known === darkColor.toUpperCase();
      darkOf.set(lightColor.toUpperCase(), darkColor.toUpperCase());
      return true;
    };
    if (!pair(light.fg, dark.fg)) return null;
    for (const [index, rule] of light.settings.entries()) {
      const other = dark.settings[index]!;
      if (JSON.stringify(rule.scope) !== JSON.stringify(other.scope) || rule.settings.fontStyle !== other.settings.fontStyle) return null;
      // Backgrounds of rules never reach a token: Shiki colours tokens by foreground and font style only.
      if (!pair(rule.settings.foreground, other.settings.foreground)) return null;
    }
    const rootStyle = `--shiki-light:${light.fg};--shiki-dark:${dark.fg};--shiki-light-bg:${light.bg};--shiki-dark-bg:${dark.bg}`;
    return new DualThemeStyles(darkOf, rootStyle, `shiki shiki-themes ${light.name} ${dark.name}`);
  }

  /** Writes both themes' colours onto Shiki's light-theme output. */
  readonly transformer: ShikiTransformer = {
    pre: (node) => {
      node.properties.class = this.themeClass;
      node.properties.style = this.rootStyle;
    },
    span: (node, _line, _column, _lineNode, token) => {
      if (token.color !== undefined && !this.darkOf.has(token.color)) this.unpaired = true;
      node.properties.style = this.style(token);
    },
  };

  /** The tree `highlight` makes with the transformer, or null when a colour had no dark counterpart. */
  highlight(highlight: () => Root): Root | null {
    this.unpaired = false;
    const tree = highlight();
    return this.unpaired ? null : tree;
  }

  /** The style Shiki writes for a token in both themes, as CSS variables only (`defaultColor: false`). */
  private style(token: ThemedToken): string {
    const variants = [
      ['light', getTokenStyleObject(token)],
      ['dark', getTokenStyleObject({ ...token, color: token.color === undefined ? undefined : this.darkOf.get(token.color) })],
    ] as const;
    const properties = new Set(variants.flatMap(([, styles]) => Object.keys(styles)));
    const variables: Record<string, string> = {};
    for (const [variant, styles] of variants) {
      for (const property of properties) {
        const suffix = property === 'color' ? '' : property === 'background-color' ? '-bg' : `-${property}`;
        variables[`--shiki-${variant}${suffix}`] = styles[property] || 'inherit';
      }
    }
    return stringifyTokenStyle(variables);
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

export function grammarFor(lang: string | null): Grammar | null {
  if (!lang) return null;
  const name = lang.toLowerCase();
  const resolved = aliases[name] ?? name;
  return (grammars as readonly string[]).includes(resolved) ? (resolved as Grammar) : null;
}
