/**
 * The typed model of a reference site. Everything here is plain data (no
 * classes, no Maps) so that a parsed page can be cached on disk or sent
 * between worker threads unchanged.
 */
import type { Root } from 'mdast';

/** A range in the `.mdx` file, 1-based lines and columns, end exclusive. */
export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warn';

/**
 * A safe edit that resolves a diagnostic: replace `range` (offsets in the
 * file's decoded text, after any byte-order mark) with `text`.
 */
export interface Fix {
  range: [start: number, end: number];
  text: string;
}

/** A problem found while loading or parsing one file, before it joins the site. */
export interface Diagnostic {
  ruleId: string;
  message: string;
  place: Place;
  /** Replacement values a reader (or `--fix`) could use instead. */
  suggestions?: string[];
  /** Where a related definition stands, for duplicates and conflicts. */
  related?: { file: string; place: Place };
  /** The edit `polyref check --fix` may apply. */
  fix?: Fix;
}

/** A `description` value: a reference into `descriptions`, or literal markdown. */
export type DescriptionValue =
  | {
      kind: 'reference';
      keyPath: string;
      place: Place;
      /** Offsets of the key path between the parentheses in the file's text, when it stands there verbatim. */
      keyPathRange?: [start: number, end: number];
    }
  | { kind: 'markdown'; markdown: string; place: Place };

/** One node of a page's `descriptions` tree. */
export interface DescriptionDefinition {
  keyPath: string;
  /** The markdown of a string node, or of a map's `self`; null for a map without `self`. */
  markdown: string | null;
  isMap: boolean;
  /** The place of the key, where definitions are reported. */
  place: Place;
}

/** `(Key)` or `(Key.prop.child)` standing as an item of a list. */
export interface ItemReference {
  kind: 'item-reference';
  /** `['DirectoryGroup', 'id']` for `(DirectoryGroup.id)`. */
  path: string[];
  place: Place;
  /** Offsets of the path between the parentheses in the file's text, when it stands there verbatim. */
  pathRange?: [start: number, end: number];
}

export interface Property {
  kind: 'property';
  key: string;
  title: string | null;
  type: string | null;
  optional: boolean;
  expanded: boolean;
  unwrap: boolean;
  description: DescriptionValue | null;
  properties: Item[];
  /** Fields this model does not name, passed to templates unchanged. */
  extra: Record<string, unknown>;
  /** Where the name of each field of `extra` stands; absent when there is none. */
  extraPlaces?: Record<string, Place>;
  place: Place;
  keyPlace: Place;
  /** Where the `type` value stands, when written. */
  typePlace?: Place;
  /** Where the `optional` value stands, when written. */
  optionalPlace?: Place;
}

export type Item = Property | ItemReference;

export interface Entry {
  language: string;
  key: string;
  id: string | null;
  url: string | null;
  title: string | null;
  type: string | null;
  description: DescriptionValue | null;
  properties: Item[] | null;
  parameters: Item[] | null;
  returns: Item[] | null;
  patternBefore: string | null;
  /** Fields this model does not name, passed to templates unchanged. */
  extra: Record<string, unknown>;
  /** Where the name of each field of `extra` stands; absent when there is none. */
  extraPlaces?: Record<string, Place>;
  place: Place;
  keyPlace: Place;
  /** Where the `url` value stands. */
  urlPlace?: Place;
  /** Where the `title` value stands (an HTTP entry's path). */
  titlePlace?: Place;
  /** Where the `type` value stands (an HTTP entry's method). */
  typePlace?: Place;
}

/** A JSX component used in the body, with literal attribute values. */
export interface ComponentUse {
  name: string;
  attributes: Record<string, { value: string | true; place: Place }>;
  place: Place;
  /** The name of the nearest enclosing component, if any. */
  parent: string | null;
}

export interface Heading {
  depth: number;
  text: string;
}

/** A link in the body or a description, as written. */
export interface LinkUse {
  url: string;
  place: Place;
}

export interface NavigationLink {
  title: string;
  url: string;
  links: NavigationLink[];
  place: Place;
}

export interface Navigation {
  title: string | null;
  links: NavigationLink[];
}

/**
 * A `polyref-disable-next-line` comment (a YAML comment in the frontmatter,
 * an MDX comment in the body): the rules it silences on the line after it.
 */
export interface Suppression {
  /** The line whose problems it silences. */
  targetLine: number;
  /** Each rule id it names, with its place, so one that silences nothing can be reported. */
  rules: Array<{ ruleId: string; place: Place }>;
  /** The whole comment. */
  place: Place;
}

export type SourceKind =
  /** A page: rendered to `out/<url>/index.html`. */
  | 'page'
  /** `_name.mdx`: its frontmatter joins the site, but it is not rendered. */
  | 'partial'
  /** `_navigation.mdx`: the sidebar of its folder. */
  | 'navigation';

export interface ParsedPage {
  /** Absolute path of the file. */
  file: string;
  /** Path under the content root, with `/` separators. */
  relativePath: string;
  kind: SourceKind;
  url: string;
  /** A hash of the bytes, for caches. */
  hash: string;
  /** The frontmatter `title`. What names the page is `SiteIndex.titles`, which falls back on its navigation link and headings. */
  title: string | null;
  /** Top-level frontmatter keys polyref does not interpret, kept for templates. */
  data: Record<string, unknown>;
  descriptions: DescriptionDefinition[];
  reference: Record<string, Entry[]>;
  /** Where the `reference` key stands; null without one. */
  referencePlace: Place | null;
  /** Where each language key of `reference` stands. */
  languagePlaces: Record<string, Place>;
  navigation: Navigation | null;
  components: ComponentUse[];
  headings: Heading[];
  links: LinkUse[];
  /** Inline `polyref-disable-next-line` comments, applied when the page is checked. */
  suppressions: Suppression[];
  /** The body syntax tree, kept only when the page is to be rendered. */
  tree: Root | null;
  diagnostics: Diagnostic[];
  /**
   * The frontmatter's text when it is not valid YAML: what the page would
   * have given the site, to tell the problems elsewhere that follow from it.
   */
  unreadFrontmatter?: string;
}
