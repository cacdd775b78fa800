import type { ComponentUse, Heading, LinkUse, Place } from '../model/types.js';
import { paragraphLinks, readHeading, type ProseLine } from './simple-inline.js';

/** What `check` needs of a body: the facts `parseBody` reads off its tree. */
export interface BodyFacts {
  components: ComponentUse[];
  headings: Heading[];
  links: LinkUse[];
}

/** Characters the parser rewrites or counts differently outside code: tabs, other controls, surrogate pairs. */
const unusualCharacter = /[\x00-\x09\x0b-\x1f\x7f\uD800-\uDFFF]/;

/** The start of a component's tag: `<Name`. */
const tagName = /^<([A-Z][A-Za-z0-9]*)/;
/** `name`, `name="value"` or `name='value'`: values without quotes of their kind, markup, references or expressions. */
const tagAttribute = /^([A-Za-z][A-Za-z0-9]*)(?:=("[^"<>&\\{}]*"|'[^'<>&\\{}]*'))?/;
/** `</Name>` alone on its line. */
const closingTag = /^<\/([A-Z][A-Za-z0-9]*)>$/;

/** An opening code fence at the start of a line: three or more backticks (info without backticks) or tildes. */
const openingFence = /^(?:(`{3,})[^`]*|(~{3,}).*)$/;
/** With indented code off (MDX turns it off), a closing fence may stand at any indentation. */
const closingFence = /^ *(`{3,}|~{3,})[ \t]*$/;

/** `- `, `* `, `+ `, `1. `, `2) `: a list item marker and the one space after it. */
const listItem = /^(?:[-*+]|\d{1,9}[.)]) (?! )/;

/**
 * How the text of a paragraph line may start: not with what starts another
 * block (spaces of indentation, `#`, `>`, `-`, `+`, `=`, `:`, the number of
 * a numbered item, a fence, `<`, `{`, `|`); `*` and `_` only as emphasis,
 * never as a list item (`* `) or a rule (`***`); a backtick only as a code
 * span; and never `import` or `export`, which MDX reads as code.
 */
const proseStart = /^(?!(?:import|export)\b)(?:[^\s#>\-+=:\d~`<{|*_]|\d(?!\d*[.)])|[*_](?! |[*_ ]*$)|`(?!``))/;

/** Only spaces: other white space (a no-break space) is text to the parser. */
const blankLine = /^ *$/;
const leadingSpaces = /^ */;

/** What the line before was: each kind of block allows different lines after it. */
type Previous = 'start' | 'blank' | 'prose' | 'heading' | 'fence' | 'open-tag' | 'tag' | 'close-tag';

/**
 * Reads the facts of a body made only of ATX headings, paragraphs and list
 * items of prose with code spans and simple inline links, fenced code, and
 * components (self-closing, or holding other components and prose, their
 * tags alone on their lines and their attributes literal), without the MDX
 * parser: most reference pages' bodies are just that, and parsing one costs
 * more than reading its frontmatter. Null for any other body, which the
 * parser then reads; where it answers, it gives exactly what the parser
 * gives (a property test holds it to that). Such a body has no diagnostics.
 */
export function readSimpleBody(body: string, firstLine: number): BodyFacts | null {
  // A carriage return ends a line too: only the parser counts those.
  if (body.includes('\r')) return null;
  return new SimpleBodyReader(body.split('\n'), firstLine).read();
}

class SimpleBodyReader {
  private readonly facts: BodyFacts = { components: [], headings: [], links: [] };
  private previous: Previous = 'start';
  private paragraph: ProseLine[] = [];
  /** The delimiter of the list item the current paragraph began (`.`, `)`, `-`, `*`, `+`), or null. */
  private paragraphItem: string | null = null;
  /** Components whose closing tag is still to come, innermost last. */
  private readonly open: ComponentUse[] = [];
  private index = 0;

  constructor(
    private readonly lines: string[],
    private readonly firstLine: number,
  ) {}

  read(): BodyFacts | null {
    for (; this.index < this.lines.length; this.index += 1) {
      const text = this.lines[this.index]!;
      if (unusualCharacter.test(text)) return null;
      if (blankLine.test(text)) {
        if (!this.endParagraph()) return null;
        this.previous = 'blank';
        continue;
      }
      // Spaces only: other white space (a no-break space) is text to the parser.
      const indent = leadingSpaces.exec(text)![0].length;
      const content = text.slice(indent);
      const first = content.charCodeAt(0);
      let ok: boolean;
      if (first === 0x3c /* < */) ok = content.startsWith('</') ? this.closeTag(content, indent) : this.tag(indent);
      else if (first === 0x23 /* # */) ok = indent === 0 && this.heading(text);
      else if (indent === 0 && openingFence.test(text)) ok = this.fence(text);
      else ok = this.prose(content, indent);
      if (!ok) return null;
    }
    return this.endParagraph() && this.open.length === 0 ? this.facts : null;
  }

  private get line(): number {
    return this.firstLine + this.index;
  }

  /** Reads the links of the paragraph that ends here, if any; false when the parser must read it. */
  private endParagraph(): boolean {
    const links = this.paragraph.length === 0 ? [] : paragraphLinks(this.paragraph);
    this.paragraph = [];
    this.paragraphItem = null;
    if (links === null) return false;
    this.facts.links.push(...links);
    return true;
  }

  private heading(text: string): boolean {
    // Right after a tag, a heading could belong to it in ways only the parser knows.
    if (this.previous === 'open-tag' || this.previous === 'tag' || this.previous === 'close-tag') return false;
    const heading = readHeading(text);
    if (!heading || !this.endParagraph()) return false;
    this.facts.headings.push(heading);
    this.previous = 'heading';
    return true;
  }

  /** Fenced code at the top level: skipped whole, to its closing fence or, without one, to the end. */
  private fence(text: string): boolean {
    if (this.open.length > 0 || this.previous === 'tag' || this.previous === 'close-tag' || !this.endParagraph()) return false;
    const [, backticks, tildes] = openingFence.exec(text)!;
    const opening = (backticks ?? tildes)!;
    let index = this.index + 1;
    for (; index < this.lines.length; index += 1) {
      const closing = closingFence.exec(this.lines[index]!)?.[1];
      if (closing && closing[0] === opening[0] && closing.length >= opening.length) break;
    }
    this.index = index;
    this.previous = 'fence';
    return true;
  }

  private prose(content: string, indent: number): boolean {
    // Text right after a tag could be part of that tag's block; and an indented
    // line only continues a paragraph (it never starts one, nor a nested list).
    if (this.previous === 'tag' || this.previous === 'close-tag') return false;
    const marker = indent === 0 ? (listItem.exec(content)?.[0] ?? '') : '';
    if (indent > 0 && (this.previous !== 'prose' || listItem.test(content))) return false;
    const delimiter = marker ? marker[marker.length - 2]! : null;
    // A numbered item interrupts a paragraph only as the first of a new list, numbered 1;
    // `2.` there would continue the paragraph, unless it follows an item of the same list.
    const numbered = delimiter === '.' || delimiter === ')';
    if (numbered && this.previous === 'prose' && !/^0*1[.)]/.test(marker) && this.paragraphItem !== delimiter) return false;
    if (marker && !this.endParagraph()) return false;
    if (marker) this.paragraphItem = delimiter;
    const text = content.slice(marker.length);
    if (!proseStart.test(text)) return false;
    this.paragraph.push({ text, line: this.line, column: indent + marker.length });
    this.previous = 'prose';
    return true;
  }

  /**
   * A component's tag alone on its line (or lines: attributes may go on
   * lines of their own). At the top level it stands after a blank line;
   * inside another component, it may follow the tags before it directly,
   * indented or not.
   */
  private tag(indent: number): boolean {
    const nested = this.open.length > 0;
    const follows = this.previous === 'start' || this.previous === 'blank' || this.previous === 'open-tag' || (nested && (this.previous === 'tag' || this.previous === 'close-tag'));
    if (!follows || (indent > 0 && !nested) || !this.endParagraph()) return false;
    const tag = this.readTag(indent);
    if (!tag) return false;
    this.facts.components.push(tag.use);
    if (tag.selfClosing) {
      this.previous = 'tag';
    } else {
      this.open.push(tag.use);
      this.previous = 'open-tag';
    }
    return true;
  }

  private closeTag(content: string, indent: number): boolean {
    const name = closingTag.exec(content)?.[1];
    const use = this.open.at(-1);
    if (!use || name !== use.name || this.previous === 'heading' || this.previous === 'fence' || !this.endParagraph()) return false;
    this.open.pop();
    // The component spans from its opening tag to the end of this one.
    use.place.endLine = this.line;
    use.place.endColumn = indent + content.length + 1;
    this.previous = 'close-tag';
    return true;
  }

  /** Reads `<Name attributes…>` or `…/>` from `indent` on the current line, moving to its last line. */
  private readTag(indent: number): { use: ComponentUse; selfClosing: boolean } | null {
    let index = this.index;
    let text = this.lines[index]!;
    const name = tagName.exec(text.slice(indent))?.[1];
    if (!name) return null;
    const startLine = this.firstLine + index;
    const use: ComponentUse = { name, attributes: {}, place: { line: startLine, column: indent + 1, endLine: startLine, endColumn: 0 }, parent: this.open.at(-1)?.name ?? null };
    let position = indent + 1 + name.length;
    for (;;) {
      let spaced = false;
      for (;;) {
        if (text.charCodeAt(position) === 0x20) {
          position += 1;
          spaced = true;
        } else if (position === text.length) {
          index += 1;
          text = this.lines[index] ?? '';
          // A tag goes on over the next lines, never over a blank one, nor past the end.
          if (index >= this.lines.length || blankLine.test(text) || unusualCharacter.test(text)) return null;
          position = 0;
          spaced = true;
        } else break;
      }
      const line = this.firstLine + index;
      const place = (start: number, end: number): Place => ({ line, column: start + 1, endLine: line, endColumn: end + 1 });
      const selfClosing = text.startsWith('/>', position);
      if (selfClosing || text[position] === '>') {
        const end = position + (selfClosing ? 2 : 1);
        // Nothing may follow the tag on its line.
        if (end !== text.length) return null;
        use.place.endLine = line;
        use.place.endColumn = end + 1;
        this.index = index;
        return { use, selfClosing };
      }
      const attribute = spaced ? tagAttribute.exec(text.slice(position)) : null;
      if (!attribute) return null;
      const end = position + attribute[0].length;
      const quoted = attribute[2];
      // A value is placed at its quotes, as YAML places a quoted value; a flag at its name.
      use.attributes[attribute[1]!] =
        quoted === undefined ? { value: true, place: place(position, end) } : { value: quoted.slice(1, -1), place: place(end - quoted.length, end) };
      position = end;
    }
  }
}
