/**
 * The site index of a large site, built from each page's facts alone: the
 * tables hold stand-ins for pages and entries that carry what lookups read
 * at every turn, and read the rest of a page (its entries' items, its
 * headings, its components) from the page's parsed form only when asked.
 * Memory then grows with the facts of the site, not with its pages.
 */
import type { Root } from 'mdast';
import type {
  ComponentUse,
  DescriptionDefinition,
  DescriptionValue,
  Diagnostic,
  Entry,
  Heading,
  Item,
  LinkUse,
  Navigation,
  ParsedPage,
  Place,
  SourceKind,
  Suppression,
} from '../model/types.js';
import { unpackPlace, type EntryFact, type PageFacts } from './page-facts.js';
import { indexedPage, indexPages, type IndexedPage, type SiteIndex } from './site-index.js';

/** Where a page's parsed form comes from when a stand-in is asked for more than its facts. */
export interface ParsedPages {
  /** The page parsed (without its body tree), from a cache or from its file. */
  parsed(facts: PageFacts): ParsedPage;
}

/** The index of the sources' facts; a source in `whole` (by file) stands there as that parsed page. */
export function buildFactsIndex(facts: Iterable<PageFacts>, pages: ParsedPages, whole: ReadonlyMap<string, ParsedPage> = new Map()): SiteIndex {
  return indexPages(indexedFacts(facts, pages, whole));
}

function* indexedFacts(facts: Iterable<PageFacts>, pages: ParsedPages, whole: ReadonlyMap<string, ParsedPage>): Generator<IndexedPage> {
  for (const pageFacts of facts) {
    const page = whole.get(pageFacts.file);
    yield page ? indexedPage(page) : new PageStandIn(pageFacts, pages).indexed();
  }
}

/** A page of the index: its facts at hand, the rest read from its parsed form. */
export class PageStandIn implements ParsedPage {
  readonly file: string;
  readonly relativePath: string;
  readonly kind: SourceKind;
  readonly url: string;
  readonly hash: string;
  readonly title: string | null;
  readonly navigation: Navigation | null;
  /** The text of its first heading, which names the page when nothing else does. */
  readonly headingTitle: string | null;
  readonly tree: Root | null = null;

  constructor(
    readonly facts: PageFacts,
    private readonly pages: ParsedPages,
  ) {
    this.file = facts.file;
    this.relativePath = facts.relativePath;
    this.kind = facts.kind;
    this.url = facts.url;
    this.hash = facts.hash;
    this.title = facts.title;
    this.navigation = facts.navigation;
    this.headingTitle = facts.headingTitle;
  }

  private share: IndexedPage | null = null;

  /** What the index takes of the page, from its facts alone: made once, so that every index of the run holds the same values. */
  indexed(): IndexedPage {
    const facts = this.facts;
    this.share ??= {
      page: this,
      descriptions: facts.descriptions.map(([keyPath, markdown, isMap, place]): DescriptionDefinition => ({ keyPath, markdown, isMap, place: unpackPlace(place) })),
      reference: facts.entries.map(([language, entries]) => [language, entries.map((entry, position) => new EntryStandIn(entry, position, this))] as const),
      referencedKeyPaths: facts.referencedKeyPaths,
      exampleFiles: facts.exampleFiles,
    };
    return this.share;
  }

  /** The whole page, parsed. */
  parsed(): ParsedPage {
    return this.pages.parsed(this.facts);
  }

  get data(): Record<string, unknown> {
    return this.parsed().data;
  }
  get descriptions(): DescriptionDefinition[] {
    return this.parsed().descriptions;
  }
  get reference(): Record<string, Entry[]> {
    return this.parsed().reference;
  }
  get referencePlace(): Place | null {
    return this.parsed().referencePlace;
  }
  get languagePlaces(): Record<string, Place> {
    return this.parsed().languagePlaces;
  }
  get components(): ComponentUse[] {
    return this.parsed().components;
  }
  get headings(): Heading[] {
    return this.parsed().headings;
  }
  get links(): LinkUse[] {
    return this.parsed().links;
  }
  get suppressions(): Suppression[] {
    return this.parsed().suppressions;
  }
  get diagnostics(): Diagnostic[] {
    return this.parsed().diagnostics;
  }
  get unreadFrontmatter(): string | undefined {
    return this.parsed().unreadFrontmatter;
  }
}

/** An entry of the index: the fields lookups read at hand, its items read from its page's parsed form. */
export class EntryStandIn implements Entry {
  readonly language: string;
  readonly key: string;
  readonly id: string | null;
  readonly url: string | null;
  readonly title: string | null;
  readonly type: string | null;
  readonly patternBefore: string | null;
  readonly contentHash: string;
  readonly rowDescription: DescriptionValue | null;

  constructor(
    fact: EntryFact,
    /** Its position among the page's entries of its language. */
    private readonly position: number,
    private readonly page: PageStandIn,
  ) {
    this.language = fact.language;
    this.key = fact.key;
    this.id = fact.id;
    this.url = fact.url;
    this.title = fact.title;
    this.type = fact.type;
    this.patternBefore = fact.patternBefore;
    this.contentHash = fact.contentHash;
    this.rowDescription = fact.rowDescription;
  }

  /** The entry as parsed. */
  parsed(): Entry {
    const entry = this.page.parsed().reference[this.language]?.[this.position];
    if (!entry || entry.key !== this.key) throw new Error(`The facts of ${this.page.relativePath} no longer match the page`);
    return entry;
  }

  get description(): DescriptionValue | null {
    return this.parsed().description;
  }
  get properties(): Item[] | null {
    return this.parsed().properties;
  }
  get parameters(): Item[] | null {
    return this.parsed().parameters;
  }
  get returns(): Item[] | null {
    return this.parsed().returns;
  }
  get extra(): Record<string, unknown> {
    return this.parsed().extra;
  }
  get place(): Place {
    return this.parsed().place;
  }
  get keyPlace(): Place {
    return this.parsed().keyPlace;
  }
  get urlPlace(): Place | undefined {
    return this.parsed().urlPlace;
  }
  get titlePlace(): Place | undefined {
    return this.parsed().titlePlace;
  }
  get typePlace(): Place | undefined {
    return this.parsed().typePlace;
  }
  get extraPlaces(): Record<string, Place> | undefined {
    return this.parsed().extraPlaces;
  }
}
