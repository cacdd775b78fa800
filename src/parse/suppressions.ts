import type { Place, Suppression } from '../model/types.js';

/** The directive, as ESLint spells its own: the problems of the next line are silenced. */
export const suppressionDirective = 'polyref-disable-next-line';

// A whole-line YAML comment: `# polyref-disable-next-line unused-description`.
const yamlComment = /^([ \t]*#[ \t]*)polyref-disable-next-line(?![\w-])(.*)$/;
// An MDX comment anywhere on a body line: `{/* polyref-disable-next-line missing-example */}`.
const mdxComment = /\{[ \t]*\/\*[ \t]*polyref-disable-next-line(?![\w-])(.*?)\*\/[ \t]*\}/g;
const fenceOpening = /^ {0,3}(`{3,}|~{3,})/;
const frontmatterFence = /^---[ \t]*$/;

/**
 * Finds every suppression comment in one pass over the text, without any
 * parser: frontmatter lines take YAML comments, body lines MDX comments, and
 * fenced code blocks are skipped because a comment there is example text.
 */
export function findSuppressions(text: string): Suppression[] {
  // Nearly every page has none: one substring search instead of a walk over its lines.
  if (!text.includes(suppressionDirective)) return [];
  const found: Suppression[] = [];
  let region: 'start' | 'frontmatter' | 'body' = 'start';
  let fence: string | null = null;
  let lineStart = 0;
  for (let line = 1; lineStart <= text.length; line += 1) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const content = text.slice(lineStart, text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd);
    lineStart = lineEnd + 1;

    if (region === 'start') {
      region = frontmatterFence.test(content) ? 'frontmatter' : 'body';
      if (region === 'frontmatter') continue;
    }
    if (region === 'frontmatter') {
      if (frontmatterFence.test(content)) region = 'body';
      else scanYamlLine(content, line, found);
      continue;
    }
    const opening = fenceOpening.exec(content);
    if (fence !== null) {
      if (opening && opening[1]![0] === fence[0] && opening[1]!.length >= fence.length && content.trim() === opening[1]) fence = null;
      continue;
    }
    if (opening) {
      fence = opening[1]!;
      continue;
    }
    scanMdxLine(content, line, found);
  }
  return found;
}

function scanYamlLine(content: string, line: number, found: Suppression[]): void {
  const match = yamlComment.exec(content);
  if (!match) return;
  const listColumn = match[1]!.length + suppressionDirective.length + 1;
  found.push({
    targetLine: line + 1,
    rules: ruleList(match[2]!, line, listColumn),
    place: { line, column: match[1]!.indexOf('#') + 1, endLine: line, endColumn: content.trimEnd().length + 1 },
  });
}

function scanMdxLine(content: string, line: number, found: Suppression[]): void {
  for (const match of content.matchAll(mdxComment)) {
    const start = match.index;
    const listOffset = match[0].indexOf(suppressionDirective) + suppressionDirective.length;
    found.push({
      targetLine: line + 1,
      rules: ruleList(match[1]!, line, start + listOffset + 1),
      place: { line, column: start + 1, endLine: line, endColumn: start + match[0].length + 1 },
    });
  }
}

/**
 * `a, b -- why` → the ids `a` and `b` with their places; the reason after
 * `--` is for readers only.
 */
function ruleList(list: string, line: number, column: number): Suppression['rules'] {
  const reason = list.search(/(^|\s)--(\s|$)/);
  const ids = reason === -1 ? list : list.slice(0, reason);
  const rules: Suppression['rules'] = [];
  for (const match of ids.matchAll(/[^\s,]+/g)) {
    const start = column + match.index;
    const place: Place = { line, column: start, endLine: line, endColumn: start + match[0].length };
    rules.push({ ruleId: match[0], place });
  }
  return rules;
}
