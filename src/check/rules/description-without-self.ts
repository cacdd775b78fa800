import { forEachDescription } from '../../model/walk.js';
import { resolveDescription } from '../../resolve/descriptions.js';
import type { Rule } from '../rule.js';

export const descriptionWithoutSelf: Rule = {
  id: 'description-without-self',
  severity: 'error',
  summary: 'A description reference to a map needs that map’s `self`.',
  check({ page, site, report }) {
    for (const entries of Object.values(page.reference)) {
      for (const entry of entries) {
        forEachDescription(entry, (description) => {
          if (description.kind !== 'reference') return;
          const resolved = resolveDescription(description.keyPath, page, site.index);
          if (resolved.ok || resolved.reason !== 'map-without-self') return;
          const children = resolved.suggestions.map((child) => `\`${child}\``).join(', ');
          report(
            `Unexpected reference \`(${description.keyPath})\` to a map without \`self\`, expected a \`self\` description in that map${children ? ` or one of its keys: ${children}` : ''}`,
            description.place,
            { suggestions: resolved.suggestions },
          );
        });
      }
    }
  },
};
