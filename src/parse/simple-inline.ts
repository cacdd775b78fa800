/**
 * The inline half of `readSimpleBody`: the text of a heading and the links
 * of a paragraph, when they hold only prose, code spans and simple links.
 * Null for anything else, which the parser then reads.
 */
import type { Heading, LinkUse, Place } from '../model/types.js';
import { simpleInlineLink } from './markdown-links.js';

/**
 * Outside code spans, what makes a line more than text and simple links:
 * escapes, JSX and HTML (`<`), expressions (`{`, `}`), tables (`|`), images.
 */
const markupInProse = /[\\<{}|]|!\[/;
/** In a heading, any inline markup changes its text. */
const markupInHeading = /[\\<{}|#*_[\]&~]/;

/** Text GFM would turn into a link of its own: `https://…`, `www.…`, an e-mail address. */
const autolinkLiteral = /:\/\/|www\.|@/i;

/** `## Text`, the text without the spaces around it. */
const atxHeading = /^(#{1,6}) +(\S(?:.*\S)?) *$/;

/** A line of a paragraph: its text after any list item marker or indentation, and where that text starts. */
export interface ProseLine {
  text: string;
  line: number;
  /** 0-based column of the text's first character. */
  column: number;
}

/** An ATX heading line (`## Text`) whose text is prose and code spans, or null. */
export function readHeading(text: string): Heading | null {
  const match = atxHeading.exec(text);
  if (!match) return null;
  const content = match[2]!;
  const spans = codeSpans(content);
  const outside = masked(content, spans);
  if (markupInHeading.test(outside) || autolinkLiteral.test(outside)) return null;
  let headingText = '';
  let from = 0;
  for (const span of spans) {
    headingText += content.slice(from, span.start) + span.value;
    from = span.end;
  }
  return { depth: match[1]!.length, text: headingText + content.slice(from) };
}

/**
 * The links of one paragraph, or null when it holds anything but prose,
 * code spans and simple links. Code spans are blanked out first (a link
 * inside one is text), and a link that overlaps one is left to the parser:
 * its brackets then stand alone.
 */
export function paragraphLinks(lines: ProseLine[]): LinkUse[] | null {
  const text = lines.map((line) => line.text).join('\n');
  const outsideCode = masked(text, codeSpans(text));
  if (markupInProse.test(outsideCode)) return null;
  const links: LinkUse[] = [];
  let offset = 0;
  for (const { text: lineText, line, column } of lines) {
    const lineOutsideCode = outsideCode.slice(offset, offset + lineText.length);
    offset += lineText.length + 1;
    const rest = lineOutsideCode.replace(simpleInlineLink, (link: string, label: string, url: string, start: number) => {
      // `[^1]` is a footnote call to GFM; a label with an address in it holds a link of its own.
      if (label.startsWith('^') || autolinkLiteral.test(label)) return link;
      const place: Place = { line, column: column + start + 1, endLine: line, endColumn: column + start + link.length + 1 };
      links.push({ url, place });
      return ' ';
    });
    if (rest.includes('[') || rest.includes(']') || autolinkLiteral.test(rest)) return null;
  }
  return links;
}

interface CodeSpan {
  start: number;
  end: number;
  /** The code as the parser gives it: line endings as spaces, one padding space stripped from each side. */
  value: string;
}

/**
 * Code spans as CommonMark finds them: a run of backticks opens one, closed
 * by the next run of the same length; a run without one is literal text.
 * Backslashes do not escape inside code spans, and callers refuse any
 * outside them, so none needs minding here.
 */
function codeSpans(text: string): CodeSpan[] {
  const spans: CodeSpan[] = [];
  let index = text.indexOf('`');
  while (index !== -1) {
    const openEnd = runEnd(text, index);
    const length = openEnd - index;
    let close = text.indexOf('`', openEnd);
    while (close !== -1 && runEnd(text, close) - close !== length) close = text.indexOf('`', runEnd(text, close));
    if (close === -1) {
      index = text.indexOf('`', openEnd);
      continue;
    }
    let value = text.slice(openEnd, close).replace(/\n/g, ' ');
    if (value.startsWith(' ') && value.endsWith(' ') && /[^ ]/.test(value)) value = value.slice(1, -1);
    spans.push({ start: index, end: close + length, value });
    index = text.indexOf('`', close + length);
  }
  return spans;
}

/** The end of the run of backticks that starts at `start`. */
function runEnd(text: string, start: number): number {
  let end = start;
  while (text.charCodeAt(end) === 0x60 /* ` */) end += 1;
  return end;
}

/** The text with each code span (backticks included) blanked to spaces, line breaks kept, so that offsets still match. */
function masked(text: string, spans: CodeSpan[]): string {
  if (spans.length === 0) return text;
  let result = '';
  let from = 0;
  for (const span of spans) {
    result += text.slice(from, span.start) + text.slice(span.start, span.end).replace(/[^\n]/g, ' ');
    from = span.end;
  }
  return result + text.slice(from);
}
