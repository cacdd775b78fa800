import type { Diagnostic, LinkUse, Place } from '../model/types.js';

/**
 * A node of a parsed YAML document, opaque to the model reader: the reference
 * reader hands out `yaml` nodes, the fast reader its own. Only the reader that
 * made a node may look inside it.
 */
export type Yaml = object | null;

export interface YamlPair {
  key: string;
  keyNode: Yaml;
  value: Yaml;
}

/**
 * What `readFrontmatter` needs from a parsed YAML document. Two readers
 * implement it: `YamlReader` over the `yaml` package's documents (the
 * reference, and the one that words every diagnostic) and `FastYamlReader`
 * over js-yaml (fast, but it gives up on the first diagnostic so that the
 * reference speaks for every page with a problem). Both must give the same
 * result on every input, places included.
 */
export interface YamlSource {
  readonly root: Yaml;
  readonly diagnostics: Diagnostic[];
  /** Links found in markdown values, with their places in the file. */
  readonly links: LinkUse[];
  place(node: Yaml | undefined): Place;
  /** The place of offsets in the file's text, as `raw` gives them. */
  placeOfFileRange(start: number, end: number): Place;
  /** The node's value as written (quotes, escapes, folds and all) and where it starts in the file's text. */
  raw(node: Yaml | undefined): { text: string; start: number } | null;
  shape(message: string, node: Yaml | undefined): void;
  /** Follows an alias to its anchor. */
  deref(node: unknown): Yaml;
  /** The pairs of a map with string keys, in document order, or null after reporting. */
  pairs(node: Yaml, what: string): YamlPair[] | null;
  /** The items of a list, or null after reporting. */
  items(node: Yaml, what: string): Yaml[] | null;
  /** A scalar as text; numbers and booleans are spelled as written. */
  text(node: Yaml, what: string): string | null;
  boolean(node: Yaml, what: string): boolean;
  /** Plain data for fields polyref passes through to templates. */
  plain(node: Yaml): unknown;
  isMap(node: Yaml): boolean;
  /** A scalar whose value is a string (quoted, or plain and not a number, boolean or null). */
  isString(node: Yaml): boolean;
}

/**
 * `record[key] = value` as an own property, `__proto__` included: a plain
 * assignment would take that key as the object's prototype and drop it from
 * the data (and from any cache or worker message that copies the data).
 */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
