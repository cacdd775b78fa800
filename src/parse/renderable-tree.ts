import type {} from 'mdast-util-mdx';
import type { PhrasingContent, RootContent } from 'mdast';
import { isHtmlElementName, isSafeHtmlElement } from './html-elements.js';

/** White space as HTML counts it: a text of only this is no content. */
const htmlWhiteSpace = /^[ \t\n\f\r]*$/;

/**
 * Shapes one parent's children, in place, as the tree is kept for
 * rendering: an HTML element that cannot be shown safely (reported where
 * it stands) is dropped with all it holds, so that no output (page, copy,
 * search index, summary) shows it; and a paragraph of nothing but JSX tags
 * and white space becomes those tags, as MDX unravels it, so that
 * `<summary>More</summary>` on its own line is a block, not a paragraph.
 */
export function shapeChildren(children: RootContent[]): void {
  for (let index = 0; index < children.length; ) {
    const child = children[index]!;
    const replacement = isUnsafeElement(child) ? [] : child.type === 'paragraph' && isOnlyJsx(child.children) ? unravel(child.children) : null;
    if (replacement === null) {
      index += 1;
      continue;
    }
    children.splice(index, 1, ...replacement);
    index += replacement.length;
  }
}

function isUnsafeElement(node: RootContent): boolean {
  return (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name !== null && isHtmlElementName(node.name) && !isSafeHtmlElement(node.name);
}

/** Whether a paragraph holds only JSX tags and expressions, and white space; a paragraph left empty by a dropped element too. */
function isOnlyJsx(content: PhrasingContent[]): boolean {
  return content.every((node) => node.type === 'mdxJsxTextElement' || node.type === 'mdxTextExpression' || (node.type === 'text' && htmlWhiteSpace.test(node.value)));
}

/** The blocks such a paragraph stands for: its tags and expressions, as blocks. */
function unravel(content: PhrasingContent[]): RootContent[] {
  const blocks: RootContent[] = [];
  for (const node of content) {
    if (node.type === 'mdxJsxTextElement') blocks.push({ ...node, type: 'mdxJsxFlowElement' } as RootContent);
    else if (node.type === 'mdxTextExpression') blocks.push({ ...node, type: 'mdxFlowExpression' });
  }
  return blocks;
}
