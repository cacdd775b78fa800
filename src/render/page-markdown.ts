import type { BlockContent, Html, PhrasingContent, Root, RootContent } from 'mdast';
import { titleOf } from '../index/page-titles.js';
import type { Site } from '../model/site.js';
import type { ParsedPage } from '../model/types.js';
import { codeBlockContent, literalAttributes, type JsxElement } from './code-block-content.js';
import { isHtmlJsxElement, type HtmlJsxElement } from './html-element.js';
import { codeBlockMarkdown } from './markdown-copy/code-block-markdown.js';
import { copyDescription } from './markdown-copy/descriptions.js';
import { htmlTags, type HtmlTags } from './markdown-copy/html-tags.js';
import { serializeMarkdown } from './markdown-copy/serialize.js';
import { heading, paragraph, text } from './markdown-copy/shared-nodes.js';
import { withBasePath } from './sanitize.js';
import { safeUrl } from './templates.js';

/**
 * The Markdown copy of a page written beside it as `index.md`: its prose as
 * written, and every `CodeBlock` as its examples and one table per language,
 * for readers that prefer text (language models, terminals, diffs).
 */
export function pageMarkdown(page: ParsedPage, site: Site): string {
  return serializeMarkdown(pageMarkdownTree(page, site));
}

/**
 * The copy as mdast. Nodes the site repeats (descriptions, names, captions)
 * are shared between pages and written once: see `serializeMarkdown`.
 */
export function pageMarkdownTree(page: ParsedPage, site: Site): Root {
  const title = titleOf(site.index, page.url);
  const converter = new MarkdownConverter(page, site);
  const body = page.tree ? converter.blocks(page.tree.children, 1) : [];
  const hasTitle = page.tree?.children.some((node) => node.type === 'heading' && node.depth === 1) ?? false;
  return { type: 'root', children: hasTitle ? body : [heading(1, [text(title)]), ...body] };
}

/** Node types that are phrasing content: what a paragraph may hold. */
const phrasingTypes: ReadonlySet<string> = new Set([
  'break', 'delete', 'emphasis', 'footnoteReference', 'html', 'image', 'imageReference', 'inlineCode',
  'link', 'linkReference', 'mdxJsxTextElement', 'mdxTextExpression', 'strong', 'text',
]);

class MarkdownConverter {
  /** The HTML elements the node being converted stands in, outermost first, up to the nearest component. */
  private htmlElements: HtmlJsxElement[] = [];

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
    if (isHtmlJsxElement(node)) return this.htmlElement(node, depth);
    // A component's content is rendered on its own, as on the HTML page: the elements around it do not reach in.
    const around = this.htmlElements;
    this.htmlElements = [];
    try {
      return this.namedComponent(node, depth);
    } finally {
      this.htmlElements = around;
    }
  }

  /**
   * An HTML element as the page shows it: its sanitized tags as raw HTML
   * around its content, which stays Markdown (a `<details>` holding a list),
   * as CommonMark reads Markdown between HTML blocks.
   */
  private htmlElement(node: HtmlJsxElement, depth: number): RootContent[] {
    this.htmlElements.push(node);
    const tags = htmlTags(this.htmlElements, this.site.config.basePath);
    const children = this.blocks(node.children as RootContent[], depth);
    this.htmlElements.pop();
    const content = tags ? withTags(tags, children) : children;
    if (node.type === 'mdxJsxTextElement' || content.length === 0) return content;
    // A block holding only inline content (`<summary>More</summary>` on its line) is one paragraph.
    return children.every((child) => phrasingTypes.has(child.type)) ? [paragraph(content as PhrasingContent[])] : content;
  }

  private namedComponent(node: JsxElement, depth: number): RootContent[] {
    if (node.name === 'CodeBlock') return codeBlockMarkdown(codeBlockContent(node, this.site), this.page, this.site, depth);
    // A tab is data of its CodeBlock; outside one it has nothing to say.
    if (node.name === 'CodeBlockTab') return [];
    const children = this.blocks(node.children as RootContent[], depth);
    if (node.name === 'Callout') {
      const label = literalAttributes(node).type === 'warning' ? 'Warning:' : 'Note:';
      return [{ type: 'blockquote', children: [paragraph([{ type: 'strong', children: [text(label)] }]), ...(children as BlockContent[])] }];
    }
    return children;
  }
}

function withTags(tags: HtmlTags, content: RootContent[]): RootContent[] {
  const open: Html = { type: 'html', value: tags.open };
  return tags.close ? [open, ...content, { type: 'html', value: tags.close }] : [open, ...content];
}

/** A description as Markdown text, cleaned as the Markdown copies are: for `polyref.json`. */
export function cleanMarkdown(markdown: string, site: Site): string {
  return serializeMarkdown({ type: 'root', children: [...copyDescription(markdown, site.config.basePath).blocks] }).trimEnd();
}
