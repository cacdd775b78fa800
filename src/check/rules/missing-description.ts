import type { Property } from '../../model/types.js';
import { forEachItem } from '../../model/walk.js';
import type { Rule } from '../rule.js';

export const missingDescription: Rule = {
  id: 'missing-description',
  severity: 'warn',
  summary: 'A property without child properties has a `description`.',
  check({ page, report }) {
    for (const entries of Object.values(page.reference)) {
      for (const entry of entries) {
        forEachItem(entry, (item, _siblings, list) => {
          if (item.kind !== 'property' || !isUndocumentedLeaf(item)) return;
          report(
            `Unexpected property \`${item.key}\` without a description in \`${list}\` of \`${entry.key}\` (${entry.language}), expected a \`description\` (a reference such as \`(object.field)\` or markdown) or child \`properties\``,
            item.keyPlace,
          );
        });
      }
    }
  },
};

/**
 * A row that would show a name and nothing to read about it. A property with
 * children is shown by them (an options object), and so is an `unwrap` one,
 * which stands in its table as its children only.
 */
function isUndocumentedLeaf(property: Property): boolean {
  if (property.unwrap || property.properties.length > 0) return false;
  const description = property.description;
  return description === null || (description.kind === 'markdown' && description.markdown.trim() === '');
}
