import type { Item, Property } from '../../model/types.js';
import { forEachItem } from '../../model/walk.js';
import type { Rule } from '../rule.js';

export const duplicateProperty: Rule = {
  id: 'duplicate-property',
  severity: 'error',
  summary: 'A property key appears once in its list.',
  check({ page, report }) {
    for (const entries of Object.values(page.reference)) {
      for (const entry of entries) {
        const seenLists = new Set<Item[]>();
        forEachItem(entry, (_item, siblings, list) => {
          if (seenLists.has(siblings)) return;
          seenLists.add(siblings);
          const first = new Map<string, Property>();
          for (const item of siblings) {
            if (item.kind !== 'property') continue;
            const earlier = first.get(item.key);
            if (!earlier) {
              first.set(item.key, item);
              continue;
            }
            report(
              `Unexpected duplicate property \`${item.key}\` in \`${list}\` of \`${entry.key}\` (${entry.language}), expected each key once`,
              item.keyPlace,
              { related: { file: page.file, place: earlier.keyPlace } },
            );
          }
        });
      }
    }
  },
};
