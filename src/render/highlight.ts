import { createHighlighter, type Highlighter } from 'shiki';
import { escapeHtml } from './markdown.js';

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

export const themes = { light: 'github-light', dark: 'github-dark' } as const;

/** Build-time syntax highlighting with light and dark colours as CSS variables. */
export class CodeHighlighter {
  private readonly cache = new Map<string, string>();

  private constructor(private readonly highlighter: Highlighter) {}

  static async create(): Promise<CodeHighlighter> {
    const highlighter = await createHighlighter({ themes: [themes.light, themes.dark], langs: [...grammars] });
    return new CodeHighlighter(highlighter);
  }

  /** `lang` is a fence's language or a file extension; unknown ones stay plain, escaped text. */
  highlight(code: string, lang: string | null): string {
    const grammar = grammarFor(lang);
    const key = `${grammar}\u0000${code}`;
    let html = this.cache.get(key);
    if (html === undefined) {
      html = grammar
        ? this.highlighter.codeToHtml(code, { lang: grammar, themes, defaultColor: false })
        : `<pre class="shiki"><code>${escapeHtml(code)}</code></pre>`;
      this.cache.set(key, html);
    }
    return html;
  }

  dispose(): void {
    this.highlighter.dispose();
  }
}

export function grammarFor(lang: string | null): string | null {
  if (!lang) return null;
  const name = lang.toLowerCase();
  const resolved = aliases[name] ?? name;
  return (grammars as readonly string[]).includes(resolved) ? resolved : null;
}
