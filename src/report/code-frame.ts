import type { MessageRange } from './messages.js';

export interface CodeFrameOptions {
  color: boolean;
  severity: 'error' | 'warning';
  /** Longer lines are cut to a window around the range. */
  maxWidth?: number;
}

// Control characters in a page could move the cursor or recolour a terminal: each shows as one `�`.
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * The offending line with a gutter and a caret under the range, as
 * compilers print it:
 *
 *     112 |     description: (directory_group.idpp)
 *         |                  ^^^^^^^^^^^^^^^^^^^^^^
 *
 * A range that goes on past the line is marked to its end. Tabs in the line
 * are repeated under it so the caret lines up however wide a tab is shown.
 */
export function codeFrame(lineText: string, range: MessageRange, options: CodeFrameOptions): string {
  const maxWidth = options.maxWidth ?? 120;
  let text = lineText.replace(controlCharacters, '\uFFFD');
  let start = Math.min(Math.max(range.column - 1, 0), text.length);
  let end = range.endLine === range.line ? Math.min(Math.max(range.endColumn - 1, start), text.length) : text.length;
  if (text.length > maxWidth) {
    const from = Math.max(0, Math.min(start - Math.floor(maxWidth / 4), text.length - maxWidth));
    const to = Math.min(text.length, from + maxWidth);
    const lead = from > 0 ? '…' : '';
    text = `${lead}${text.slice(from, to)}${to < lineText.length ? '…' : ''}`;
    start = start - from + lead.length;
    end = Math.min(end, to) - from + lead.length;
  }
  const width = Math.max(1, end - start);
  const padding = [...text.slice(0, start)].map((character) => (character === '\t' ? '\t' : ' ')).join('');
  const gutter = String(range.line);
  const paint = (code: number, close: number, value: string) => (options.color ? `\u001b[${code}m${value}\u001b[${close}m` : value);
  const bar = paint(2, 22, '|');
  const caret = paint(options.severity === 'error' ? 31 : 33, 39, '^'.repeat(width));
  return [
    `    ${paint(2, 22, gutter)} ${bar} ${text}`.trimEnd(),
    `    ${' '.repeat(gutter.length)} ${bar} ${padding}${caret}`,
  ].join('\n');
}

/** Removes what could drive the terminal from text polyref did not write itself. */
export function printable(text: string): string {
  return text.replace(/\t/g, ' ').replace(controlCharacters, '\uFFFD');
}
