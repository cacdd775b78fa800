/**
 * What the rest of the site reads of a page at every turn, small enough to
 * keep for every page of a large site: its place and title, the description
 * key paths it defines, the entries it defines (without their items), the
 * key paths it references and its navigation. Everything else of a page is
 * read, when it is read at all, from the page's parsed form on disk.
 */
import { hash } from 'node:crypto';
import type { SourceFile } from '../load/find-sources.js';
import { forEachDescription } from '../model/walk.js';
import type { DescriptionValue, Entry, Navigation, ParsedPage, Place } from '../model/types.js';
import { statedReads, type StatedReads } from './stated-reads.js';
import { entryRowDescription } from '../resolve/shown-items.js';
import { exampleFiles } from './site-index.js';

/** `[line, column, endLine, endColumn]`. */
export type PackedPlace = [number, number, number, number];

/** A definition of `descriptions`: key path, markdown (null for a map without `self`), whether a map, place of the key. */
export type DescriptionFact = [keyPath: string, markdown: string | null, isMap: boolean, place: PackedPlace];

/** An entry's fields that lookups and links read; its items stay with the page. */
export interface EntryFact {
  language: string;
  key: string;
  id: string | null;
  url: string | null;
  title: string | null;
  type: string | null;
  patternBefore: string | null;
  /** A hash of everything the entry says, but for where it stands: equal hashes render the same. */
  contentHash: string;
  /** The description a row naming the whole entry shows (`entryRowDescription`). */
  rowDescription: DescriptionValue | null;
}

export interface PageFacts extends SourceFile {
  hash: string;
  title: string | null;
  descriptions: DescriptionFact[];
  /** By language, in the order the page writes them. */
  entries: Array<[language: string, entries: EntryFact[]]>;
  /** Key paths its description references name, each once. */
  referencedKeyPaths: string[];
  navigation: Navigation | null;
  /** The first heading with text, which names the page when neither its frontmatter nor a navigation link does. */
  headingTitle: string | null;
  /** The `file` of each `CodeBlock` and `CodeBlockTab`, as written. */
  exampleFiles: string[];
  /** Its YAML and MDX syntax errors: what other pages' problems may follow from. */
  syntaxErrors: Array<{ ruleId: string; place: PackedPlace }>;
  /** What its own text names of the rest of the site: who reads what, for judging a change. */
  statedReads: StatedReads;
}

export function pageFacts(page: ParsedPage): PageFacts {
  const referenced = new Set<string>();
  const entries: PageFacts['entries'] = [];
  for (const [language, list] of Object.entries(page.reference)) {
    entries.push([
      language,
      list.map((entry) => ({ language, key: entry.key, id: entry.id, url: entry.url, title: entry.title, type: entry.type, patternBefore: entry.patternBefore, contentHash: entryContentHash(entry), rowDescription: entryRowDescription(entry) })),
    ]);
    for (const entry of list) {
      forEachDescription(entry, (description) => {
        if (description.kind === 'reference') referenced.add(description.keyPath);
      });
    }
  }
  return {
    file: page.file,
    relativePath: page.relativePath,
    kind: page.kind,
    url: page.url,
    hash: page.hash,
    title: page.title,
    descriptions: page.descriptions.map((definition) => [definition.keyPath, definition.markdown, definition.isMap, packPlace(definition.place)]),
    entries,
    referencedKeyPaths: [...referenced],
    navigation: page.navigation,
    headingTitle: headingTitle(page),
    exampleFiles: exampleFiles(page),
    syntaxErrors: page.diagnostics.filter((diagnostic) => syntaxRuleIds.has(diagnostic.ruleId)).map(({ ruleId, place }) => ({ ruleId, place: packPlace(place) })),
    statedReads: statedReads(page),
  };
}

/** Rules of syntax errors, whose pages give the site less than they would. */
export const syntaxRuleIds: ReadonlySet<string> = new Set(['frontmatter-syntax', 'mdx-syntax']);

/** Fields that say where something stands in its file, which output never shows. */
export const placeField = /^place$|Places?$|Range$/;

const contentHashes = new WeakMap<Entry, string>();

/** A hash of an entry's fields and items, places left out. */
export function entryContentHash(entry: Entry): string {
  let found = contentHashes.get(entry);
  if (found === undefined) {
    found = hash('sha1', jsonWithoutPlaces(entry), 'base64');
    contentHashes.set(entry, found);
  }
  return found;
}

/**
 * `JSON.stringify(value)` with every place field left out, byte for byte,
 * without a replacer: a replacer is called for every key of every item,
 * and this runs for every entry of every page a build or check reads.
 */
export function jsonWithoutPlaces(value: unknown): string {
  const parts: string[] = [];
  writeJson(value, parts);
  return parts.join('');
}

function writeJson(value: unknown, parts: string[]): void {
  if (typeof value !== 'object' || value === null) {
    parts.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    parts.push('[');
    for (let at = 0; at < value.length; at++) {
      if (at > 0) parts.push(',');
      const item: unknown = value[at];
      // As JSON.stringify writes them in arrays: what has no JSON form is null.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') parts.push('null');
      else writeJson(item, parts);
    }
    parts.push(']');
    return;
  }
  parts.push('{');
  let first = true;
  for (const [name, field] of Object.entries(value)) {
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol' || placeField.test(name)) continue;
    parts.push(first ? '' : ',', JSON.stringify(name), ':');
    first = false;
    writeJson(field, parts);
  }
  parts.push('}');
}

/** The first heading of a page with more than blanks in it. */
export function headingTitle(page: Pick<ParsedPage, 'headings'>): string | null {
  for (const heading of page.headings) if (heading.text.trim() !== '') return heading.text;
  return null;
}

export function packPlace(place: Place): PackedPlace {
  return [place.line, place.column, place.endLine, place.endColumn];
}

export function unpackPlace([line, column, endLine, endColumn]: PackedPlace): Place {
  return { line, column, endLine, endColumn };
}
