import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Code, Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { defaultHandlers, toHast, type State } from 'mdast-util-to-hast';
import { anchorId, headingSlugs } from '../index/anchors.js';
import { htmlElement, isHtmlJsxElement } from './html-element.js';
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

declare module 'hast' {
  interface ElementData {
    /**
     * On the element of a markdown heading, its place in the document. Kept
     * through sanitizing, as `data` is, and out of content's reach: an `<h2>`
     * written as HTML has no place, and so no id.
     */
    headingOrder?: number;
  }
}

/** What rendering the body carries from node to node, through components' children too. */
interface BodyState {
  names: HeadingNames;
  /** The same, by their place in the document. */
  ordered: NamedHeading[];
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
  const names = nameHeadings(tree, context);
  const state: BodyState = { names, ordered: [...names.values()], rendered: [], depth: 1 };
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
  // An HTML element stands in this tree, its children (markdown, components) rendered as its own,
  // and is sanitized with the elements around it; a component renders through its template.
  const jsxElement = (toHastState: State, node: JsxElement): Element | undefined => {
    if (isHtmlJsxElement(node)) return htmlElement(node, toHastState.all(node));
    return node.name ? slot(renderComponent(node, context, state)) : undefined;
  };
  const dropped = () => undefined;
  const hast = toHast(
    { type: 'root', children: nodes },
    {
      handlers: {
        mdxJsxFlowElement: jsxElement,
        mdxJsxTextElement: jsxElement,
        mdxjsEsm: dropped,
        mdxFlowExpression: dropped,
        mdxTextExpression: dropped,
        code: (_state: State, node: Code) => slot(renderFence(node, context)),
        heading: (toHastState: State, node: Heading) => {
          state.depth = node.depth;
          const element = defaultHandlers.heading(toHastState, node);
          const named = state.names.get(node);
          if (named) element.data = { ...element.data, headingOrder: named.order };
          return element;
        },
      },
    },
  ) as HastRoot;
  const clean = sanitizeTree(hast);
  // Ids go on after sanitizing, which would otherwise prefix them.
  applyHeadingIds(clean, state);
  rewriteLinks(clean, context.site.config.basePath);
  return toHtml(clean).replace(
    new RegExp(`<${slotTagName} data-slot="(\\d+)"></${slotTagName}>`, 'g'),
    (_match, index: string) => slots[Number(index)] ?? '',
  );
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

/** Gives each markdown heading of the tree its id; those inside components render with their component. */
function applyHeadingIds(tree: HastRoot, state: BodyState): void {
  const visit = (node: HastNodes): void => {
    if (node.type === 'element' && node.data?.headingOrder !== undefined) {
      const named = state.ordered[node.data.headingOrder];
      if (named) {
        node.properties.id = named.id;
        state.rendered.push(named);
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}
