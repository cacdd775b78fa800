import path from 'node:path';
import type { Rule } from '../rule.js';
import { itemReferences } from './item-references.js';

export const ambiguousItem: Rule = {
  id: 'ambiguous-item',
  severity: 'error',
  summary: 'An item reference must have one nearest entry with that key.',
  check({ page, site, report }) {
    for (const { entry, reference, resolution } of itemReferences(page, site)) {
      if (resolution.ok || resolution.reason !== 'ambiguous') continue;
      const candidates = resolution.candidates.map(
        (candidate) => `${path.relative(site.config.cwd, candidate.page.file)}:${candidate.value.keyPlace.line}:${candidate.value.keyPlace.column}`,
      );
      report(
        `Unexpected ambiguous item \`(${reference.path.join('.')})\`: ${candidates.length} ${entry.language} entries are equally near (${candidates.join(', ')}), expected one; rename a \`key\` or move one entry closer`,
        reference.place,
      );
    }
  },
};
