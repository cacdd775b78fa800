import type {
  BlockContent,
  Heading,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Site } from '../model/site.js';
import type { ParsedPage } from '../model/types.js';
import { codeBlockContent, literalAttributes, type CodeBlockContent, type JsxElement } from './code-block-content.js';
import { resolveEntry, unwrapped, type ResolvedEntry, type ResolvedItem } from './resolved-entry.js';
import { safeUrl } from './templates.js';
import { withBasePath } from './sanitize.js';

const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();

type Depth = Heading['depth'];

/**
 * The Markdown copy of a page written beside it as `index.md`: its prose as
 * written, and every `CodeBlock` as its examples and one table per language,
 * for readers that prefer text (language models, terminals, diffs).
 */
export function pageMarkdown(page: ParsedPage, site: Site): string {
  const title = page.title ?? page.url;
  const converter = new MarkdownConverter(page, site);
  const body = page.tree ? converter.blocks(page.tree.children, 1) : [];
  const hasTitle = page.tree?.children.some((node) => node.type === 'heading' && node.depth === 1) ?? false;
  const children: RootContent[] = hasTitle ? body : [heading(1, [{ type: 'text', value: title }]), ...body];
  return toMarkdown({ type: 'root', children }, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', rule: '-' });
}

class MarkdownConverter {
  constructor(
    private readonly page: ParsedPage,
    private readonly site: Site,
  ) {}

  /** `depth` is that of the heading the nodes stand under, for the headings a `CodeBlock` adds. */
  blocks(nodes: RootContent[], depth: number): RootContent[] {
    const out: RootContent[] = [];
    for (const node of nodes) {
      if (node.type === 'heading') depth = node.depth;
      out.push(...this.node(node, depth));
    }
    return out;
  }

  private node(node: RootContent, depth: number): RootContent[] {
    switch (node.type) {
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return [];
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return this.component(node, depth);
      case 'link':
      case 'definition':
      case 'image':
        return [{ ...node, url: safeUrl(withBasePath(node.url, this.site.config.basePath)) } as RootContent];
      default:
        if ('children' in node) return [{ ...node, children: this.blocks(node.children as RootContent[], depth) } as RootContent];
        return [node];
    }
  }

  private component(node: JsxElement, depth: number): RootContent[] {
    if (node.name === 'CodeBlock') return codeBlockMarkdown(codeBlockContent(node, this.site), this.page, this.site, depth);
    // A tab is data of its CodeBlock; outside one it has nothing to say.
    if (node.name === 'CodeBlockTab') return [];
    const children = this.blocks(node.children as RootContent[], depth);
    if (node.name === 'Callout') {
      const label = literalAttributes(node).type === 'warning' ? 'Warning:' : 'Note:';
      return [{ type: 'blockquote', children: [paragraph([{ type: 'strong', children: [{ type: 'text', value: label }] }]), ...(children as BlockContent[])] }];
    }
    return children;
  }
}

function codeBlockMarkdown(content: CodeBlockContent, page: ParsedPage, site: Site, depth: number): RootContent[] {
  const out: RootContent[] = [];
  const languageDepth = Math.min(depth + 1, 6) as Depth;
  if (content.title) out.push(paragraph([{ type: 'strong', children: [{ type: 'text', value: content.title }] }]));
  for (const { language, examples, entries } of content.languages) {
    out.push(heading(languageDepth, [{ type: 'text', value: language.label }]));
    for (const example of examples) {
      if (example.title) out.push(paragraph([{ type: 'emphasis', children: [{ type: 'text', value: example.title }] }]));
      if (example.code !== null) out.push({ type: 'code', lang: example.extension, meta: null, value: example.code });
      if (example.link) out.push(paragraph([{ type: 'link', url: example.link, children: [{ type: 'text', value: example.link }] }]));
    }
    for (const located of entries) {
      out.push(...entryMarkdown(resolveEntry(located, page, site.index), Math.min(languageDepth + 1, 6) as Depth, site));
    }
  }
  return out;
}

function entryMarkdown(entry: ResolvedEntry, depth: Depth, site: Site): RootContent[] {
  const out: RootContent[] = [heading(depth, [{ type: 'inlineCode', value: entry.title }])];
  const labels = [entry.type, ...entry.flags].filter((label): label is string => label !== null);
  if (labels.length > 0) out.push(paragraph(labels.flatMap((label, index) => [...(index ? [text(' · ')] : []), { type: 'inlineCode', value: label } as const])));
  if (entry.description) out.push(...blocksOf(entry.description.markdown, site));
  for (const [caption, items] of [['Properties', entry.properties], ['Parameters', entry.parameters], ['Returns', entry.returns]] as const) {
    if (!items || items.length === 0) continue;
    out.push(paragraph([{ type: 'strong', children: [text(caption)] }]));
    out.push(itemTable(items, caption === 'Parameters', site));
  }
  return out;
}

/** One row per item, children after their parent with a dotted name (`emails.primary`). */
function itemTable(items: ResolvedItem[], isParameters: boolean, site: Site): Table {
  const rows: TableRow[] = [row(['Name', 'Type', isParameters ? 'Required' : 'Optional', 'Description'].map((label) => [text(label)]))];
  const walk = (list: ResolvedItem[], prefix: string): void => {
    for (const item of unwrapped(list)) {
      const name = `${prefix}${item.name}`;
      const marker = isParameters ? (item.optional ? 'no' : 'yes') : item.optional ? 'yes' : '';
      const nameCell: PhrasingContent[] =
        item.kind === 'entry' && item.url
          ? [{ type: 'link', url: withBasePath(item.url, site.config.basePath), children: [{ type: 'inlineCode', value: name }] }]
          : [{ type: 'inlineCode', value: name }];
      rows.push(
        row([
          nameCell,
          item.type ? [{ type: 'inlineCode', value: item.type }] : [],
          marker ? [text(marker)] : [],
          item.description ? phrasingOf(item.description.markdown, site) : [],
        ]),
      );
      walk(item.properties, `${name}.`);
    }
  };
  walk(items, '');
  return { type: 'table', align: [null, null, null, null], children: rows };
}

/**
 * Descriptions already parsed, by base path and text: a site repeats the
 * same descriptions in every language and on many pages. The nodes are only
 * ever read once made, so one parse serves every table that shows the text.
 */
const parsedDescriptions = new Map<string, RootContent[]>();
const parsedDescriptionsLimit = 100_000;

/** A description as Markdown text, cleaned as the Markdown copies are: for `polyref.json`. */
export function cleanMarkdown(markdown: string, site: Site): string {
  return toMarkdown({ type: 'root', children: blocksOf(markdown, site) }, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', rule: '-' }).trimEnd();
}

/** A description as blocks, links given the base path. */
function blocksOf(markdown: string, site: Site): RootContent[] {
  const key = `${site.config.basePath}\u0000${markdown}`;
  let blocks = parsedDescriptions.get(key);
  if (!blocks) {
    const tree = markdownParser.parse(markdown) as Root;
    cleanDescription(tree, site.config.basePath);
    blocks = tree.children;
    if (parsedDescriptions.size >= parsedDescriptionsLimit) parsedDescriptions.clear();
    parsedDescriptions.set(key, blocks);
  }
  return [...blocks];
}

/** A description squeezed into one table cell: its paragraphs' inline content, joined by spaces. */
function phrasingOf(markdown: string, site: Site): PhrasingContent[] {
  const inline: PhrasingContent[] = [];
  const collect = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'paragraph' || node.type === 'heading') {
        if (inline.length > 0) inline.push(text(' '));
        inline.push(...node.children);
      } else if ('children' in node) {
        collect(node.children as RootContent[]);
      } else if (node.type === 'code') {
        if (inline.length > 0) inline.push(text(' '));
        inline.push({ type: 'inlineCode', value: node.value.replace(/\s+/g, ' ') });
      }
    }
  };
  collect(blocksOf(markdown, site));
  return inline.map(singleLine);
}

/** A copy of phrasing content on one line: a line break would end the table row. */
function singleLine(node: PhrasingContent): PhrasingContent {
  if (node.type === 'break') return text(' ');
  if (node.type === 'text' || node.type === 'inlineCode') return { ...node, value: node.value.replace(/\s*\n\s*/g, ' ') };
  if ('children' in node) return { ...node, children: (node.children as PhrasingContent[]).map(singleLine) } as PhrasingContent;
  return node;
}

/**
 * The Markdown copies hold what the HTML pages show: raw HTML dropped, unsafe
 * URLs neutralised, root-relative links given the base path.
 */
function cleanDescription(node: Nodes, basePath: string): void {
  if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
    node.url = safeUrl(withBasePath(node.url, basePath));
  }
  if ('children' in node) {
    const children = node.children as Nodes[];
    for (let index = children.length - 1; index >= 0; index--) {
      if (children[index]!.type === 'html') children.splice(index, 1);
      else cleanDescription(children[index]!, basePath);
    }
  }
}

function heading(depth: Depth, children: PhrasingContent[]): Heading {
  return { type: 'heading', depth, children };
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function row(cells: PhrasingContent[][]): TableRow {
  return { type: 'tableRow', children: cells.map((children): TableCell => ({ type: 'tableCell', children })) };
}
