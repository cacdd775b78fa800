import { samePage, type SiteIndex, type Located } from '../index/site-index.js';
import type { DescriptionDefinition, ParsedPage } from '../model/types.js';
import { closest } from './suggest.js';

export type DescriptionResolution =
  | { ok: true; markdown: string; definition: Located<DescriptionDefinition> }
  | { ok: false; reason: 'unresolved' | 'map-without-self'; suggestions: string[] };

/**
 * `(directory_group.id)` → its markdown: the page's own `descriptions`
 * first, then the rest of the site; a map stands for its `self`.
 */
export function resolveDescription(keyPath: string, page: ParsedPage, index: SiteIndex): DescriptionResolution {
  const mapPath = keyPath.endsWith('.self') ? keyPath.slice(0, -'.self'.length) : keyPath;
  const definition = pickDescription(index.descriptions.get(mapPath), page);
  if (!definition || (mapPath !== keyPath && !definition.value.isMap)) {
    return { ok: false, reason: 'unresolved', suggestions: closest(keyPath, referenceableKeyPaths(index)) };
  }
  if (definition.value.markdown === null) {
    const children = [...index.descriptions.keys()].filter((candidate) => candidate.startsWith(`${mapPath}.`));
    return { ok: false, reason: 'map-without-self', suggestions: children.slice(0, 3) };
  }
  return { ok: true, markdown: definition.value.markdown, definition };
}

/**
 * The definition a page sees: its own first, then the first in page order.
 * A map without `self` only counts when no page gives that map a `self`.
 */
function pickDescription(
  definitions: Array<Located<DescriptionDefinition>> | undefined,
  page: ParsedPage,
): Located<DescriptionDefinition> | undefined {
  if (!definitions) return undefined;
  // Every reference asks: no filtered copies of the list.
  const withText = definitions.some((definition) => definition.value.markdown !== null);
  let first: Located<DescriptionDefinition> | undefined;
  for (const definition of definitions) {
    if (withText && definition.value.markdown === null) continue;
    if (samePage(definition.page, page)) return definition;
    first ??= definition;
  }
  return first;
}

function* referenceableKeyPaths(index: SiteIndex): Iterable<string> {
  for (const [keyPath, definitions] of index.descriptions) {
    if (definitions.some((definition) => definition.value.markdown !== null)) yield keyPath;
  }
}
