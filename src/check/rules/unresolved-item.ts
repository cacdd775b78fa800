import { didYouMean, type Rule } from '../rule.js';
import { itemReferences } from './item-references.js';

export const unresolvedItem: Rule = {
  id: 'unresolved-item',
  severity: 'error',
  summary: 'An item reference must name an entry (or one of its properties) by its `key` in the same language.',
  check({ page, site, report }) {
    for (const { entry, reference, resolution } of itemReferences(page, site)) {
      if (resolution.ok || resolution.reason !== 'unresolved') continue;
      report(
        `Unexpected unresolved item \`(${reference.path.join('.')})\`, expected the \`key\` of a ${entry.language} entry${didYouMean(resolution.suggestions)}`,
        reference.place,
        { suggestions: resolution.suggestions },
      );
    }
  },
};
