import type { Nodes, Parents, Root, Table } from 'mdast';
import { markdownTable } from 'markdown-table';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { defaultHandlers, toMarkdown, type Handle, type Handlers, type Info, type Options, type State } from 'mdast-util-to-markdown';

/**
 * What was written for each shared node, by the context it was written in.
 * For the node types memoised here (paragraphs, headings, table cells) the
 * text is a function of the node, the constructs around it (`state.stack`)
 * and the characters either side (`info.before`, `info.after`): their content
 * is phrasing, which reads no other state (list bullets, item numbers) of the
 * serialiser. So a description shown in a thousand tables is escaped once.
 * Today's escaping rules give these nodes the same text wherever they stand;
 * keying by context keeps that true for rules that would not.
 */
const written = new WeakMap<Nodes, Map<string, string>>();

/**
 * Marks `node` as shared: the serialiser may give it what it wrote for it
 * before in the same context. A shared node must never change afterwards.
 */
export function share<T extends Nodes>(node: T): T {
  if (!written.has(node)) written.set(node, new Map());
  return node;
}

/** The constructs a node stands in and the characters either side of it. */
function contextOf(stack: readonly string[], info: Info): string {
  return `${stack.join(' ')}\n${info.before}\n${info.after}`;
}

/** `handle`'s text for a shared `node`, written once per context. */
function memo(handle: Handle, node: Nodes, parent: Parents | undefined, state: State, info: Info, context: string): string {
  const texts = written.get(node);
  if (!texts) return handle(node, parent, state, info);
  let text = texts.get(context);
  if (text === undefined) {
    text = handle(node, parent, state, info);
    texts.set(context, text);
  }
  return text;
}

function memoised(handle: Handle): Handle {
  return (node: Nodes, parent: Parents | undefined, state: State, info: Info): string =>
    // The first paragraph of a task list item carries the item's checkbox: it is written afresh.
    parent?.type === 'listItem' || !written.has(node) ? handle(node, parent, state, info) : memo(handle, node, parent, state, info, contextOf(state.stack, info));
}

/** The handler `toMarkdown` would use for `type`: as in its `configure`, an extension's own handlers win over its sub-extensions', later over earlier. */
function configuredHandler(extension: Options, type: keyof Handlers): Handle | undefined {
  let found: Handle | undefined;
  for (const inner of extension.extensions ?? []) found = configuredHandler(inner, type) ?? found;
  return extension.handlers?.[type] ?? found;
}

function requiredHandler(extension: Options, type: keyof Handlers): Handle {
  const handle = configuredHandler(extension, type);
  if (!handle) throw new Error(`mdast-util-gfm has no \`${type}\` handler`);
  return handle;
}

/** GFM with mdast-util-gfm-table's defaults: padded cells, aligned pipes, width as `length`. */
const gfm = gfmToMarkdown();
const tableCellHandler = requiredHandler(gfm, 'tableCell');

/**
 * A table as mdast-util-gfm-table writes it, each shared cell written once
 * (its own table handler calls its cell handler directly, so replacing the
 * `tableCell` handler alone would not reach the cells).
 */
function table(node: Table, _parent: Parents | undefined, state: State, info: Info): string {
  const exitTable = state.enter('table');
  // Every cell stands in the same constructs: one context for the whole table.
  const context = contextOf([...state.stack, 'tableRow'], info);
  const matrix = node.children.map((row) => {
    const exitRow = state.enter('tableRow');
    const cells = row.children.map((cell) => memo(tableCellHandler, cell, row, state, info, context));
    exitRow();
    return cells;
  });
  exitTable();
  const head = matrix[0];
  if (head) {
    // The head row is filled to the column count; other rows stay as they are.
    const columns = node.align?.length || matrix.reduce((most, row) => Math.max(most, row.length), 0);
    while (head.length < columns) head.push('');
  }
  // The options mdast-util-gfm-table gives markdown-table when it has none of its own.
  return markdownTable(matrix, { align: node.align, fillRows: false });
}

/** How the copies write Markdown: `-` bullets and rules, `_` emphasis. */
export const markdownStyle = { bullet: '-', emphasis: '_', rule: '-' } as const satisfies Options;

const options: Options = {
  ...markdownStyle,
  extensions: [
    gfm,
    {
      handlers: {
        paragraph: memoised(configuredHandler(gfm, 'paragraph') ?? defaultHandlers.paragraph),
        heading: memoised(configuredHandler(gfm, 'heading') ?? defaultHandlers.heading),
        table,
      },
    },
  ],
};

/** Markdown text in the copies' style, GFM tables with padded cells and aligned pipes. */
export function serializeMarkdown(tree: Root): string {
  return toMarkdown(tree, options);
}
