import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { titleOf } from '../index/page-titles.js';
import { BoundedCaches } from '../model/bounded-cache.js';
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


/** The head of `search-index.json`, before its documents. */
export function searchIndexHead(site: Site): Omit<SearchIndexFile, 'documents'> {
  return { version: 1, languages: site.config.languages.map(({ id, label }) => ({ id, label })) };
}

/** A search document as written in the file: its `id` first. */
export function numberedDocumentJson(id: number, documentJson: string): string {
  return `{"id":${id},${documentJson.slice(1)}`;
}

/** By configuration; 4,000 texts at once: a page's descriptions and the shared ones many pages show, not the whole site's. */
const plainTexts = new BoundedCaches<Site['config'], string>(4_000);

/**
 * The search documents of one page, in the order the file lists them: the
 * page, its headings, then one document per entry and property anchor
 * (every language's name on one document).
 */
export function searchDocuments(page: ParsedPage, headings: Array<{ depth: number; text: string; id: string }>, site: Site): Array<Omit<SearchDocument, 'id'>> {
  const { basePath, defaultLanguage } = site.config;
  const documents: Array<Omit<SearchDocument, 'id'>> = [];
  const title = titleOf(site.index, page.url);
  const href = withBasePath(page.url, basePath);
  documents.push({ kind: 'page', href, title, page: title, names: {}, text: page.tree ? openingProse(page.tree) : '' });
  for (const heading of headings) {
    if (heading.depth === 1 || heading.depth > 3) continue;
    documents.push({ kind: 'heading', href: `${href}#${heading.id}`, title: heading.text, page: title, names: {}, text: '' });
  }
  if (!page.tree) return documents;
  const memo = plainTexts.of(site.config);
  const plain = (markdown: string): string =>
    memo.get(markdown, () => {
      const trimmed = markdown.trim();
      return isPlainProse(trimmed) ? trimmed : toString(parseMarkdown(markdown), { includeHtml: false }).replace(/\s+/g, ' ').trim();
    });
  const symbols = new Map<string, Omit<SearchDocument, 'id'>>();
  const record = (kind: 'entry' | 'property', anchor: string, language: string, name: string, description: ResolvedDescription | null): void => {
    let document = symbols.get(anchor);
    if (!document) {
      document = { kind, href: `${href}#${anchor}`, title: name, page: title, names: {}, text: description ? plain(description.markdown) : '' };
      symbols.set(anchor, document);
    }
    document.names[language] ??= name;
    if (language === defaultLanguage) document.title = name;
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
    for (const { language, entries } of codeBlockContent(node, site, { readExamples: false }).languages) {
      for (const located of entries) {
        const entry = resolveEntry(located, page, site.index);
        record('entry', entry.anchor, language.id, entry.title, entry.description);
        for (const list of [entry.properties, entry.parameters, entry.returns]) if (list) recordItems(list, language.id);
      }
    }
  }
  documents.push(...symbols.values());
  return documents;
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
