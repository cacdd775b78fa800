import { anchorId, headingSlugs } from '../index/anchors.js';
import type { ParsedPage } from '../model/types.js';
import type { Site } from '../model/site.js';
import { resolveEntry, unwrapped, type ResolvedItem } from '../resolve/resolved-entry.js';

const cache = new WeakMap<Site, Map<ParsedPage, ReadonlySet<string>>>();

/**
 * Every element id a `#fragment` may name on a page, as the render gives
 * them: heading slugs, and the entry and property anchors of each
 * `<CodeBlock referenceId>` (the ids an entry's later languages get,
 * `anchor-2`…, are not stable and not included). Computed once per page
 * and site object, like `parityOf`.
 */
export function pageAnchors(page: ParsedPage, site: Site): ReadonlySet<string> {
  let byPage = cache.get(site);
  if (!byPage) cache.set(site, (byPage = new Map()));
  let anchors = byPage.get(page);
  if (!anchors) byPage.set(page, (anchors = collectAnchors(page, site)));
  return anchors;
}

function collectAnchors(page: ParsedPage, site: Site): Set<string> {
  const anchors = new Set(headingSlugs(page.headings.map((heading) => heading.text)));
  const languages = new Set(site.config.languages.map((language) => language.id));
  const visit = (items: ResolvedItem[]): void => {
    for (const item of unwrapped(items)) {
      anchors.add(anchorId(item.anchor));
      visit(item.properties);
    }
  };
  for (const component of page.components) {
    const referenceId = component.attributes.referenceId?.value;
    if (component.name !== 'CodeBlock' || typeof referenceId !== 'string') continue;
    for (const located of site.index.entriesById.get(referenceId) ?? []) {
      if (!languages.has(located.value.language)) continue;
      const entry = resolveEntry(located, page, site.index);
      anchors.add(anchorId(entry.anchor));
      visit(entry.properties ?? []);
      visit(entry.parameters ?? []);
      visit(entry.returns ?? []);
    }
  }
  return anchors;
}
