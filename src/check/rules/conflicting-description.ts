import path from 'node:path';
import { samePage } from '../../index/site-index.js';
import type { Rule } from '../rule.js';

export const conflictingDescription: Rule = {
  id: 'conflicting-description',
  severity: 'error',
  summary: 'A key path defined on several pages must have the same text everywhere.',
  check({ page, site, report }) {
    for (const definition of page.descriptions) {
      // A map without `self` only groups keys: it defines no text to disagree with.
      if (definition.markdown === null) continue;
      // The first definition in page order is the reference; each later one that disagrees is reported.
      const first = (site.index.descriptions.get(definition.keyPath) ?? []).find(
        (candidate) => candidate.value.markdown !== null,
      );
      if (!first || samePage(first.page, page) || first.value.markdown === definition.markdown) continue;
      const where = path.relative(site.config.cwd, first.page.file);
      report(
        `Unexpected second definition of \`${definition.keyPath}\` with different text, expected the text of its first definition at ${where}:${first.value.place.line}:${first.value.place.column}`,
        definition.place,
        { related: { file: first.page.file, place: first.value.place } },
      );
    }
  },
};
