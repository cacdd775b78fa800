import type { Diagnostic } from '../model/types.js';

export interface Split {
  /** The YAML between the fences, or null when the page has none. */
  yaml: string | null;
  /** 1-based line of the first YAML line in the file. */
  yamlLine: number;
  /** 0-based offset of the first YAML character in the file's text. */
  yamlOffset: number;
  body: string;
  /** 1-based line and 0-based offset where the body starts in the file. */
  bodyLine: number;
  bodyOffset: number;
  diagnostic: Diagnostic | null;
}

const openingFence = /^---[ \t]*\r?\n/;
const closingFence = /^---[ \t]*(?:\r?\n|$)/m;

/** Splits `---` YAML `---` from the MDX body, keeping where each starts in the file. */
export function splitFrontmatter(text: string): Split {
  const opening = openingFence.exec(text);
  if (!opening) return { yaml: null, yamlLine: 1, yamlOffset: 0, body: text, bodyLine: 1, bodyOffset: 0, diagnostic: null };

  const yamlOffset = opening[0].length;
  const rest = text.slice(yamlOffset);
  // An empty frontmatter closes on the very next line.
  const closing = closingFence.exec(rest);
  if (!closing) {
    return {
      yaml: null,
      yamlLine: 2,
      yamlOffset,
      body: '',
      bodyLine: 1,
      bodyOffset: 0,
      diagnostic: {
        ruleId: 'frontmatter-syntax',
        message: 'Unexpected end of file in frontmatter, expected a closing `---` line',
        place: { line: 1, column: 1, endLine: 1, endColumn: 4 },
      },
    };
  }
  const yaml = rest.slice(0, closing.index);
  const bodyOffset = yamlOffset + closing.index + closing[0].length;
  return {
    yaml,
    yamlLine: 2,
    yamlOffset,
    body: text.slice(bodyOffset),
    bodyLine: 2 + countLines(yaml) + 1,
    bodyOffset,
    diagnostic: null,
  };
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}
