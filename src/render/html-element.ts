import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { isHtmlElementName } from '../parse/html-elements.js';
import { literalAttributes, type JsxElement } from './code-block-content.js';

/** A JSX tag that MDX takes for an HTML element (`<details>`), not a component. */
export type HtmlJsxElement = JsxElement & { name: string };

export function isHtmlJsxElement(node: JsxElement): node is HtmlJsxElement {
  return node.name !== null && node.name !== undefined && isHtmlElementName(node.name);
}

/**
 * An HTML element written in MDX (`<details open>`, `<img src="…" />`) as
 * hast: its literal attributes become properties as HTML names them
 * (`class` and `className` alike), holding `children`. It is shown only
 * through the sanitizer, with the elements around it, which drops what the
 * schema does not allow (handlers, `style`, unsafe URLs, unknown attributes).
 */
export function htmlElement(node: HtmlJsxElement, children: ElementContent[]): Element {
  return h(node.name, literalAttributes(node), children);
}
