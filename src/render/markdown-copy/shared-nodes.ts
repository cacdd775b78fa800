import type { Heading, Paragraph, PhrasingContent, TableCell } from 'mdast';
import { BoundedCache } from '../../model/bounded-cache.js';
import { share } from './serialize.js';

export type Depth = Heading['depth'];

/**
 * The small nodes the copies repeat on every page (names and types in code,
 * captions, headings), made once per text and shared, so each is escaped
 * once per build. Each kind has its own cache; the many (cells) are keyed by
 * the text as given, whose hash the engine keeps, rather than a key built
 * afresh for each lookup.
 */
const textCells = new BoundedCache<TableCell>(10_000);
const codeCells = new BoundedCache<TableCell>(20_000);
const linkedCodeCells = new BoundedCache<TableCell>(20_000);
const textHeadings = new BoundedCache<Heading>(10_000);
const codeHeadings = new BoundedCache<Heading>(20_000);
const paragraphs = new BoundedCache<Paragraph>(10_000);

export function textCell(value: string): TableCell {
  return textCells.get(value, () => share(cell(value ? [text(value)] : [])));
}

export function codeCell(value: string): TableCell {
  return codeCells.get(value, () => share(cell([{ type: 'inlineCode', value }])));
}

/** Code linking to `url`. */
export function linkedCodeCell(url: string, value: string): TableCell {
  return linkedCodeCells.get(`${url}\u0000${value}`, () => share(cell([{ type: 'link', url, children: [{ type: 'inlineCode', value }] }])));
}

export function textHeading(depth: Depth, value: string): Heading {
  return textHeadings.get(`${depth} ${value}`, () => share(heading(depth, [text(value)])));
}

export function codeHeading(depth: Depth, value: string): Heading {
  return codeHeadings.get(`${depth} ${value}`, () => share(heading(depth, [{ type: 'inlineCode', value }])));
}

/** `**caption**` on a line of its own. */
export function caption(value: string): Paragraph {
  return paragraphs.get(`caption ${value}`, () => share(paragraph([{ type: 'strong', children: [text(value)] }])));
}

/** Labels in code, between middle dots: `` `string` · `optional` ``. */
export function labels(values: readonly string[]): Paragraph {
  return paragraphs.get(`labels ${values.join('\u0000')}`, () =>
    share(paragraph(values.flatMap((value, index) => [...(index ? [text(' · ')] : []), { type: 'inlineCode', value } as const]))),
  );
}

export function heading(depth: Depth, children: PhrasingContent[]): Heading {
  return { type: 'heading', depth, children };
}

export function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

export function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function cell(children: PhrasingContent[]): TableCell {
  return { type: 'tableCell', children };
}
