import type { Schema } from 'hast-util-sanitize';
import { onDemand } from './load-on-demand.js';

/**
 * The schema every piece of HTML in content is held to, markdown's raw HTML
 * and MDX's elements alike: GitHub's. Loaded the first time a body holds an
 * HTML element; rendering adds only what polyref inserts itself.
 */
export const contentSchema = onDemand(
  (require): Readonly<Schema> => (require('hast-util-sanitize') as typeof import('hast-util-sanitize')).defaultSchema,
);

let safeTagNames: ReadonlySet<string> | null = null;

/**
 * Whether a JSX name is an HTML element, as MDX decides: a lowercase name
 * (`details`, `br`, `my-widget`, `svg:rect`). A capitalised name (`Callout`)
 * or a member (`ui.Tabs`) is a component.
 */
export function isHtmlElementName(name: string): boolean {
  const first = name.charCodeAt(0);
  return first >= 0x61 /* a */ && first <= 0x7a /* z */ && !name.includes('.');
}

/** Whether the schema lets the element be shown; any other is reported and left out with all it holds. */
export function isSafeHtmlElement(name: string): boolean {
  safeTagNames ??= new Set(contentSchema().tagNames ?? []);
  return safeTagNames.has(name);
}
