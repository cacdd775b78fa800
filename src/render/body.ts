import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Code, Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { defaultHandlers, toHast, type State } from 'mdast-util-to-hast';
import { anchorId, headingSlugs } from '../index/anchors.js';
import { rewriteLinks, sanitizeTree, slotTagName } from './sanitize.js';
import { codeBlockView, literalAttributes, type JsxElement } from './views/code-block-view.js';
import { uniqueId, type RenderContext } from './views/render-context.js';

export interface BodyHtml {
  html: string;
  headings: Array<{ depth: number; text: string; id: string }>;
}

interface NamedHeading {
  depth: number;
  text: string;
  id: string;
  /** Position in the document, to list headings in reading order whatever order they render in. */
  order: number;
}

type HeadingNames = Map<Heading, NamedHeading>;

/** What rendering the body carries from node to node, through components' children too. */
interface BodyState {
  names: HeadingNames;
  /** Headings as they render, each with its id. */
  rendered: NamedHeading[];
  /** The depth of the last heading rendered, under which a component's own headings go. */
  depth: number;
}

/**
 * A page body to HTML: markdown through mdast → hast → sanitize, and every
 * component and code fence through its template, inserted after sanitizing.
 */
export function renderBody(tree: Root, context: RenderContext): BodyHtml {
  const state: BodyState = { names: nameHeadings(tree, context), rendered: [], depth: 1 };
  const html = renderNodes(tree.children, context, state);
  const headings = state.rendered.sort((a, b) => a.order - b.order);
  return { html, headings: headings.map(({ depth, text, id }) => ({ depth, text, id })) };
}

/**
 * Heading ids are GitHub's slugs of the page's headings, in document order,
 * exactly as `check` computes them for `#fragment` links; they are reserved
 * before anything else renders, so entry and property rows take the suffixed ids.
 */
function nameHeadings(tree: Root, context: RenderContext): HeadingNames {
  const nodes: Heading[] = [];
  const collect = (node: Nodes): void => {
    if (node.type === 'heading') nodes.push(node);
    if ('children' in node) for (const child of node.children) collect(child);
  };
  collect(tree);
  const parsed = context.page.headings;
  const texts = parsed.length === nodes.length ? parsed.map((heading) => heading.text) : nodes.map((node) => toString(node));
  const slugs = headingSlugs(texts);
  const names: HeadingNames = new Map();
  for (const [order, node] of nodes.entries()) {
    const id = anchorId(slugs[order]!);
    context.ids.add(id);
    names.set(node, { depth: node.depth, text: texts[order]!, id, order });
  }
  return names;
}

function renderNodes(nodes: RootContent[], context: RenderContext, state: BodyState): string {
  const slots: string[] = [];
  const slot = (html: string): Element => {
    slots.push(html);
    return { type: 'element', tagName: slotTagName, properties: { dataSlot: String(slots.length - 1) }, children: [] };
  };
  const component = (_state: State, node: JsxElement): Element | undefined =>
    node.name ? slot(renderComponent(node, context, state)) : undefined;
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
        heading: (toHastState: State, node: Heading) => {
          state.depth = node.depth;
          return defaultHandlers.heading(toHastState, node);
        },
      },
    },
  ) as HastRoot;
  const clean = sanitizeTree(hast);
  // Ids go on after sanitizing, which would otherwise prefix them.
  applyHeadingIds(clean, ownHeadings(nodes).map((node) => state.names.get(node)), state.rendered);
  rewriteLinks(clean, context.site.config.basePath);
  return toHtml(clean).replace(
    new RegExp(`<${slotTagName} data-slot="(\\d+)"></${slotTagName}>`, 'g'),
    (_match, index: string) => slots[Number(index)] ?? '',
  );
}

/** The headings these nodes render themselves; those inside components render with their component. */
function ownHeadings(nodes: RootContent[]): Heading[] {
  const found: Heading[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'heading') found.push(node);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return;
    if ('children' in node) for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
  return found;
}

function renderComponent(node: JsxElement, context: RenderContext, state: BodyState): string {
  const name = node.name!;
  // Tabs are data of their CodeBlock, which renders them per language.
  const children = name === 'CodeBlock' ? '' : renderNodes(node.children as RootContent[], context, state);
  // Entry titles rank one below the heading the block stands under, keeping the outline unbroken.
  const view = name === 'CodeBlock' ? codeBlockView(node, context, Math.min(state.depth + 1, 6)) : {};
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

function applyHeadingIds(tree: HastRoot, headings: Array<NamedHeading | undefined>, rendered: NamedHeading[]): void {
  let position = 0;
  const visit = (node: HastNodes): void => {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) {
      const named = headings[position++];
      if (named) {
        node.properties.id = named.id;
        rendered.push(named);
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}
