import { forEachDescription } from '../../model/walk.js';
import { resolveDescription } from '../../resolve/descriptions.js';
import { didYouMean, type Rule } from '../rule.js';

export const unresolvedDescription: Rule = {
  id: 'unresolved-description',
  severity: 'error',
  summary: 'A description reference must name a key path defined in some page’s `descriptions`.',
  check({ page, site, report }) {
    for (const entries of Object.values(page.reference)) {
      for (const entry of entries) {
        forEachDescription(entry, (description) => {
          if (description.kind !== 'reference') return;
          const resolved = resolveDescription(description.keyPath, page, site.index);
          if (resolved.ok || resolved.reason !== 'unresolved') return;
          // Suggestions are key paths that resolve, so one of them is a safe fix.
          const fix =
            resolved.suggestions.length === 1 && description.keyPathRange
              ? { range: description.keyPathRange, text: resolved.suggestions[0]! }
              : undefined;
          report(
            `Unexpected unresolved description \`(${description.keyPath})\`, expected a key in \`descriptions\`${didYouMean(resolved.suggestions)}`,
            description.place,
            { suggestions: resolved.suggestions, ...(fix ? { fix } : {}) },
          );
        });
      }
    }
  },
};
