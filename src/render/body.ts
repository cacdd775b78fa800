import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Code, Root, RootContent } from 'mdast';
import { toHast, type State } from 'mdast-util-to-hast';
import GithubSlugger from 'github-slugger';
import { rewriteLinks, sanitizeTree, slotTagName } from './sanitize.js';
import { codeBlockView, literalAttributes, type JsxElement } from './views/code-block-view.js';
import type { RenderContext } from './views/render-context.js';

export interface BodyHtml {
  html: string;
  headings: Array<{ depth: number; text: string; id: string }>;
}

/**
 * A page body to HTML: markdown through mdast → hast → sanitize, and every
 * component and code fence through its template, inserted after sanitizing.
 */
export function renderBody(tree: Root, context: RenderContext): BodyHtml {
  const headings: BodyHtml['headings'] = [];
  const slugger = new GithubSlugger();
  const html = renderNodes(tree.children, context, (heading, text) => {
    const id = slugger.slug(text);
    context.ids.add(id);
    headings.push({ depth: Number(heading.tagName.slice(1)), text, id });
    return id;
  });
  return { html, headings };
}

type HeadingNamer = (heading: Element, text: string) => string;

function renderNodes(nodes: RootContent[], context: RenderContext, nameHeading: HeadingNamer): string {
  const slots: string[] = [];
  const slot = (html: string): Element => {
    slots.push(html);
    return { type: 'element', tagName: slotTagName, properties: { dataSlot: String(slots.length - 1) }, children: [] };
  };
  const component = (_state: State, node: JsxElement): Element | undefined =>
    node.name ? slot(renderComponent(node, context, nameHeading)) : undefined;
  const dropped = () => undefined;
  const hast = toHast(
    { type: 'root', children: nodes },
    {
      handlers: {
        mdxJsxFlowElement: component,
        mdxJsxTextElement: component,
        mdxjsEsm: dropped,
        mdxFlowExpression: dropped,
        mdxTextExpression: dropped,
        code: (_state: State, node: Code) => slot(renderFence(node, context)),
      },
    },
  ) as HastRoot;
  const clean = sanitizeTree(hast);
  nameHeadings(clean, nameHeading);
  rewriteLinks(clean, context.site.config.basePath);
  return toHtml(clean).replace(
    new RegExp(`<${slotTagName} data-slot="(\\d+)"></${slotTagName}>`, 'g'),
    (_match, index: string) => slots[Number(index)] ?? '',
  );
}

function renderComponent(node: JsxElement, context: RenderContext, nameHeading: HeadingNamer): string {
  const name = node.name!;
  // Tabs are data of their CodeBlock, which renders them per language.
  const children = name === 'CodeBlock' ? '' : renderNodes(node.children as RootContent[], context, nameHeading);
  const view = name === 'CodeBlock' ? codeBlockView(node, context) : {};
  return context.templates.render(`components/${name}`, {
    ...view,
    attributes: literalAttributes(node),
    children,
    languages: context.site.config.languages,
  });
}

function renderFence(node: Code, context: RenderContext): string {
  const title = /(?:^|\s)title="([^"]*)"/.exec(node.meta ?? '')?.[1] ?? null;
  return context.templates.render('partials/code', {
    title,
    lang: node.lang ?? null,
    codeHtml: context.highlighter.highlight(node.value, node.lang ?? null),
  });
}

function nameHeadings(tree: HastRoot, nameHeading: HeadingNamer): void {
  const visit = (node: HastNodes): void => {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) {
      node.properties.id = nameHeading(node, hastText(node));
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

function hastText(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(hastText).join('') : '';
}
