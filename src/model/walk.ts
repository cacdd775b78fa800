import type { Entry, Item } from './types.js';

export type ItemList = 'properties' | 'parameters' | 'returns';
export const itemLists: readonly ItemList[] = ['properties', 'parameters', 'returns'];

/** Calls `visit` for every item of an entry, children after their parent. */
export function forEachItem(entry: Entry, visit: (item: Item, siblings: Item[], list: ItemList) => void): void {
  const walk = (items: Item[], list: ItemList): void => {
    for (const item of items) {
      visit(item, items, list);
      if (item.kind === 'property') walk(item.properties, list);
    }
  };
  for (const list of itemLists) {
    const items = entry[list];
    if (items) walk(items, list);
  }
}

/** Every description value an entry carries, its own and its items'. */
export function forEachDescription(
  entry: Entry,
  visit: (description: NonNullable<Entry['description']>) => void,
): void {
  if (entry.description) visit(entry.description);
  forEachItem(entry, (item) => {
    if (item.kind === 'property' && item.description) visit(item.description);
  });
}
