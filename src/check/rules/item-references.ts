import type { Entry, ItemReference, ParsedPage } from '../../model/types.js';
import { forEachItem } from '../../model/walk.js';
import type { Site } from '../../model/site.js';
import { resolveItem, type ItemResolution } from '../../resolve/items.js';

/** Every item reference of a page with its resolution, shared by the rules that judge them. */
export function* itemReferences(
  page: ParsedPage,
  site: Site,
): Iterable<{ entry: Entry; reference: ItemReference; resolution: ItemResolution }> {
  for (const entries of Object.values(page.reference)) {
    for (const entry of entries) {
      const references: ItemReference[] = [];
      forEachItem(entry, (item) => {
        if (item.kind === 'item-reference') references.push(item);
      });
      for (const reference of references) {
        yield { entry, reference, resolution: resolveItem(reference, entry.language, page, site.index) };
      }
    }
  }
}
