import fs from 'node:fs';
import path from 'node:path';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { entryView, type EntryView } from './entry-view.js';
import { uniqueId, type RenderContext } from './render-context.js';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export interface ExampleView {
  title: string | null;
  /** Highlighted code, made by polyref from the example file. */
  codeHtml: string | null;
  /** A `file` given as a URL is not fetched, only linked. */
  link: string | null;
  fileName: string | null;
}

export interface PanelView {
  language: string;
  label: string;
  id: string;
  isDefault: boolean;
  open: boolean;
  examples: ExampleView[];
  entries: EntryView[];
}

export interface CodeBlockView {
  title: string | null;
  referenceId: string | null;
  panels: PanelView[];
}

interface Tab {
  title: string | null;
  file: string;
  language: string | null;
}

/**
 * A `CodeBlock` per language: the examples of its `file` or tabs, and the
 * entries its `referenceId` names. Only languages with something to show get a panel.
 */
export function codeBlockView(node: JsxElement, context: RenderContext): CodeBlockView {
  const attributes = literalAttributes(node);
  const tabs = codeBlockTabs(node, attributes);
  const referenceId = typeof attributes.referenceId === 'string' ? attributes.referenceId : null;
  const entries = referenceId ? (context.site.index.entriesById.get(referenceId) ?? []) : [];
  const { languages, defaultLanguage } = context.site.config;

  const panels: PanelView[] = [];
  for (const language of languages) {
    const examples = tabs
      .filter((tab) => tab.language === null || tab.language === language.id)
      .map((tab) => exampleView(tab, language.id, context))
      .filter((example): example is ExampleView => example !== null);
    const languageEntries = entries.filter((entry) => entry.value.language === language.id);
    if (examples.length === 0 && languageEntries.length === 0) continue;
    panels.push({
      language: language.id,
      label: language.label,
      id: uniqueId(context, `${referenceId ?? 'example'}--${language.id}`),
      isDefault: language.id === defaultLanguage,
      open: false,
      examples,
      entries: languageEntries.map((entry) => entryView(entry, context)),
    });
  }
  const open = panels.find((panel) => panel.isDefault) ?? panels[0];
  if (open) open.open = true;
  return { title: typeof attributes.title === 'string' ? attributes.title : null, referenceId, panels };
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

function exampleView(tab: Tab, language: string, context: RenderContext): ExampleView | null {
  const found = context.site.examples.lookup(tab.file);
  if (found.kind === 'remote') return { title: tab.title, codeHtml: null, link: found.url, fileName: null };
  if (found.kind !== 'found') return null;
  const file = found.files.get(language);
  if (!file) return null;
  const extension = path.extname(file).slice(1);
  const code = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '');
  return { title: tab.title, codeHtml: context.highlighter.highlight(code, extension), link: null, fileName: path.basename(file) };
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
