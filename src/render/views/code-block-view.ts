import { codeBlockContent, type ExampleSource, type JsxElement } from '../code-block-content.js';
import type { SymbolLinker } from '../symbol-links.js';
import { entryView, type EntryView } from './entry-view.js';
import { uniqueId, type RenderContext } from './render-context.js';

export { literalAttributes, type JsxElement } from '../code-block-content.js';

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
  /** The panel shown without JavaScript: the default language, else the first. */
  open: boolean;
  examples: ExampleView[];
  entries: EntryView[];
}

export interface CodeBlockView {
  title: string | null;
  referenceId: string | null;
  panels: PanelView[];
}

/**
 * A `CodeBlock` per language: the examples of its `file` or tabs, and the
 * entries its `referenceId` names. Only languages with something to show get a panel.
 */
/** `headingLevel` is the level of entry titles: one below the heading the block stands under. */
export function codeBlockView(node: JsxElement, context: RenderContext, headingLevel = 3): CodeBlockView {
  const content = codeBlockContent(node, context.site);
  const { defaultLanguage } = context.site.config;
  const panels: PanelView[] = content.languages.map(({ language, examples, entries }) => {
    const links = examples.some((example) => example.code !== null) ? context.symbols.of(context.site, language.id) : null;
    return {
      language: language.id,
      label: language.label,
      id: uniqueId(context, `${content.referenceId ?? 'example'}--${language.id}`),
      isDefault: language.id === defaultLanguage,
      open: false,
      examples: examples.map((example) => exampleView(example, links, context)),
      entries: entries.map((entry) => entryView(entry, context, headingLevel)),
    };
  });
  const open = panels.find((panel) => panel.isDefault) ?? panels[0];
  if (open) open.open = true;
  return { title: content.title, referenceId: content.referenceId, panels };
}

function exampleView(example: ExampleSource, links: SymbolLinker | null, context: RenderContext): ExampleView {
  const { code } = example;
  return {
    title: example.title,
    codeHtml: code === null ? null : context.highlighter.highlight(code, example.extension, links?.ranges(code, context.page)),
    link: example.link,
    fileName: example.fileName,
  };
}
