import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { titleOf } from '../index/page-titles.js';
import type { Site } from '../model/site.js';
import type { ParsedPage } from '../model/types.js';
import { codeBlockContent, codeNodes } from './code-block-content.js';
import { resolveEntry, unwrapped, type ResolvedDescription, type ResolvedItem } from '../resolve/resolved-entry.js';
import { isPlainProse } from './markdown.js';
import { parseMarkdown } from './markdown-parse.js';
import { withBasePath } from './sanitize.js';

/**
 * One search result: a page, a heading, an entry or a property. A property
 * is one document for every language, found by any language's name and
 * linking to its language-independent anchor.
 */
export interface SearchDocument {
  id: number;
  kind: 'page' | 'heading' | 'entry' | 'property';
  /** The link, base path and `#anchor` included. */
  href: string;
  /** What the result shows: the page or heading text, or the name in the default language. */
  title: string;
  /** The title of the page it is on. */
  page: string;
  /** Language id → the name in that language (entries and properties). */
  names: Record<string, string>;
  /** Plain text: the description, or the page's opening prose. */
  text: string;
}

export interface SearchIndexFile {
  /** Bumped when documents change shape, so a cached script never misreads them. */
  version: 1;
  languages: Array<{ id: string; label: string }>;
  documents: SearchDocument[];
}

/** The opening prose of a page kept for its result, enough for a snippet and for matching. */
const pageTextLimit = 600;


/** Collects the documents of every page as it renders; `file()` is the JSON written beside the site. */
export class SearchIndexBuilder {
  private readonly documents: SearchDocument[] = [];
  private readonly plainText = new Map<string, string>();

  constructor(private readonly site: Site) {}

  addPage(page: ParsedPage, headings: Array<{ depth: number; text: string; id: string }>): void {
    const { basePath } = this.site.config;
    const title = titleOf(this.site.index, page.url);
    const href = withBasePath(page.url, basePath);
    this.push({ kind: 'page', href, title, page: title, names: {}, text: page.tree ? openingProse(page.tree) : '' });
    for (const heading of headings) {
      if (heading.depth === 1 || heading.depth > 3) continue;
      this.push({ kind: 'heading', href: `${href}#${heading.id}`, title: heading.text, page: title, names: {}, text: '' });
    }
    if (!page.tree) return;
    const symbols = new Map<string, Omit<SearchDocument, 'id'>>();
    const record = (kind: 'entry' | 'property', anchor: string, language: string, name: string, description: ResolvedDescription | null): void => {
      let document = symbols.get(anchor);
      if (!document) {
        document = { kind, href: `${href}#${anchor}`, title: name, page: title, names: {}, text: description ? this.plain(description.markdown) : '' };
        symbols.set(anchor, document);
      }
      document.names[language] ??= name;
      if (language === this.site.config.defaultLanguage) document.title = name;
    };
    const recordItems = (items: ResolvedItem[], language: string): void => {
      for (const item of unwrapped(items)) {
        // A row linking to another page is documented there; a shared definition shown in place is not.
        if (item.kind === 'entry' && item.url !== null) continue;
        record('property', item.anchor, language, item.name, item.description);
        recordItems(item.properties, language);
      }
    };
    for (const node of codeNodes(page.tree)) {
      if (node.type === 'code') continue;
      for (const { language, entries } of codeBlockContent(node, this.site, { readExamples: false }).languages) {
        for (const located of entries) {
          const entry = resolveEntry(located, page, this.site.index);
          record('entry', entry.anchor, language.id, entry.title, entry.description);
          for (const list of [entry.properties, entry.parameters, entry.returns]) if (list) recordItems(list, language.id);
        }
      }
    }
    for (const document of symbols.values()) this.push(document);
  }

  file(): SearchIndexFile {
    return {
      version: 1,
      languages: this.site.config.languages.map(({ id, label }) => ({ id, label })),
      documents: this.documents,
    };
  }

  private push(document: Omit<SearchDocument, 'id'>): void {
    this.documents.push({ id: this.documents.length, ...document });
  }

  private plain(markdown: string): string {
    let text = this.plainText.get(markdown);
    if (text === undefined) {
      const trimmed = markdown.trim();
      text = isPlainProse(trimmed) ? trimmed : toString(parseMarkdown(markdown), { includeHtml: false }).replace(/\s+/g, ' ').trim();
      this.plainText.set(markdown, text);
    }
    return text;
  }
}

/** The page's paragraphs before its code and tables, as plain text. */
function openingProse(tree: Root): string {
  let text = '';
  for (const node of tree.children) {
    if (text.length >= pageTextLimit) break;
    if (node.type === 'paragraph' || node.type === 'list' || node.type === 'blockquote') text += `${toString(node, { includeHtml: false })} `;
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > pageTextLimit ? `${text.slice(0, pageTextLimit).replace(/\s+\S*$/, '')}…` : text;
}
