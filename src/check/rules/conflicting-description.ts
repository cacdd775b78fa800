import path from 'node:path';
import type { Rule } from '../rule.js';

export const conflictingDescription: Rule = {
  id: 'conflicting-description',
  severity: 'error',
  summary: 'A key path defined on several pages must have the same text everywhere.',
  check({ page, site, report }) {
    for (const definition of page.descriptions) {
      // A map without `self` only groups keys: it defines no text to disagree with.
      if (definition.markdown === null) continue;
      const all = site.index.descriptions.get(definition.keyPath) ?? [];
      const other = all.find(
        (candidate) =>
          candidate.page !== page && candidate.value.markdown !== null && candidate.value.markdown !== definition.markdown,
      );
      if (!other) continue;
      const where = path.relative(site.config.cwd, other.page.file);
      report(
        `Unexpected second definition of \`${definition.keyPath}\` with different text, expected one text for the key path (also defined at ${where}:${other.value.place.line}:${other.value.place.column})`,
        definition.place,
        { related: { file: other.page.file, place: other.value.place } },
      );
    }
  },
};
