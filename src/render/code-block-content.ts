import path from 'node:path';
import type { Code, Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Language } from '../config/languages.js';
import type { Located } from '../index/site-index.js';
import type { ExampleStore } from '../load/examples.js';
import { BoundedCaches } from '../model/bounded-cache.js';
import type { Site } from '../model/site.js';
import type { Entry } from '../model/types.js';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** One example of one language, read from its file (or a link, for a `file` given as a URL). */
export interface ExampleSource {
  title: string | null;
  /** The code with `\n` line endings and no final newline; null for a link. */
  code: string | null;
  /** The file's extension, which picks the highlighting. */
  extension: string | null;
  fileName: string | null;
  /** A `file` given as a URL is not fetched, only linked. */
  link: string | null;
}

export interface LanguageContent {
  language: Language;
  examples: ExampleSource[];
  entries: Array<Located<Entry>>;
}

/** What a `CodeBlock` shows, per language, before any output format renders it. */
export interface CodeBlockContent {
  title: string | null;
  referenceId: string | null;
  /** In display order; only languages with an example or an entry. */
  languages: LanguageContent[];
}

interface Tab {
  title: string | null;
  file: string;
  language: string | null;
}

/**
 * The examples of a `CodeBlock`'s `file` or tabs, and the entries its
 * `referenceId` names, per language. `readExamples: false` leaves the example
 * files unread, for outputs that only need the entries.
 */
export function codeBlockContent(node: JsxElement, site: Site, { readExamples = true } = {}): CodeBlockContent {
  const attributes = literalAttributes(node);
  const tabs = readExamples ? codeBlockTabs(node, attributes) : [];
  const referenceId = typeof attributes.referenceId === 'string' ? attributes.referenceId : null;
  const entries = referenceId ? (site.index.entriesById.get(referenceId) ?? []) : [];
  const languages: LanguageContent[] = [];
  for (const language of site.config.languages) {
    const examples = tabs
      .filter((tab) => tab.language === null || tab.language === language.id)
      .map((tab) => exampleSource(tab, language.id, site))
      .filter((example): example is ExampleSource => example !== null);
    const languageEntries = entries.filter((entry) => entry.value.language === language.id);
    if (examples.length > 0 || languageEntries.length > 0) languages.push({ language, examples, entries: languageEntries });
  }
  return { title: typeof attributes.title === 'string' ? attributes.title : null, referenceId, languages };
}

/**
 * The `CodeBlock`s and code fences of a body, in document order: what it
 * shows as code. A `CodeBlock`'s children are data of its tabs, never shown,
 * so nothing inside one is looked at.
 */
export function codeNodes(tree: Root): Array<JsxElement | Code> {
  const found: Array<JsxElement | Code> = [];
  const visit = (node: Nodes): void => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'CodeBlock') {
      found.push(node);
      return;
    }
    if (node.type === 'code') found.push(node);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}

/** Every example file a `CodeBlock` may show, in any language, without reading them. */
export function exampleFiles(node: JsxElement, site: Site): string[] {
  const files: string[] = [];
  for (const tab of codeBlockTabs(node, literalAttributes(node))) {
    const found = site.examples.lookup(tab.file);
    if (found.kind === 'found') files.push(...found.files.values());
  }
  return files;
}

function codeBlockTabs(node: JsxElement, attributes: Record<string, string | true>): Tab[] {
  if (typeof attributes.file === 'string') {
    return [{ title: null, file: attributes.file, language: null }];
  }
  const tabs: Tab[] = [];
  for (const child of node.children) {
    if ((child.type !== 'mdxJsxFlowElement' && child.type !== 'mdxJsxTextElement') || child.name !== 'CodeBlockTab') continue;
    const tab = literalAttributes(child);
    if (typeof tab.file !== 'string') continue;
    tabs.push({
      title: typeof tab.title === 'string' ? tab.title : null,
      file: tab.file,
      language: typeof tab.language === 'string' ? tab.language : null,
    });
  }
  return tabs;
}

function exampleSource(tab: Tab, language: string, site: Site): ExampleSource | null {
  const found = site.examples.lookup(tab.file);
  if (found.kind === 'remote') return { title: tab.title, code: null, extension: null, fileName: null, link: found.url };
  if (found.kind !== 'found') return null;
  const file = found.files.get(language);
  if (!file) return null;
  const code = exampleCode(site.examples, file);
  return { title: tab.title, code, extension: path.extname(file).slice(1), fileName: path.basename(file), link: null };
}

/**
 * Example code by file, per example store: a page's examples are read for
 * their highlighting, its HTML and its Markdown copy. A store serves one
 * build, and an incremental build makes a new one when an example changes,
 * so no read goes stale.
 */
const exampleCodes = new BoundedCaches<ExampleStore, string>(2_000);

function exampleCode(store: ExampleStore, file: string): string {
  return exampleCodes.of(store).get(file, () => {
    const text = store.read(file);
    if (text === null) throw new Error(`Cannot read example \`${file}\``);
    return text.replace(/\r\n/g, '\n').replace(/\n$/, '');
  });
}

/** Attributes with literal values; expressions were reported at parse time and are ignored. */
export function literalAttributes(node: JsxElement): Record<string, string | true> {
  const attributes: Record<string, string | true> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    if (attribute.value === null || attribute.value === undefined) attributes[attribute.name] = true;
    else if (typeof attribute.value === 'string') attributes[attribute.name] = attribute.value;
  }
  return attributes;
}
