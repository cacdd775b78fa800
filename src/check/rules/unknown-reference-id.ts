import { closest } from '../../resolve/suggest.js';
import { didYouMean, type Rule } from '../rule.js';

export const unknownReferenceId: Rule = {
  id: 'unknown-reference-id',
  severity: 'error',
  summary: 'A `CodeBlock` `referenceId` must be the `id` of some entry.',
  check({ page, site, report }) {
    for (const component of page.components) {
      const attribute = component.attributes.referenceId;
      if (component.name !== 'CodeBlock' || !attribute) continue;
      const id = String(attribute.value);
      if (site.index.entriesById.has(id)) continue;
      const suggestions = closest(id, site.index.entriesById.keys());
      report(
        `Unexpected \`referenceId\` \`${id}\`, expected the \`id\` of an entry${didYouMean(suggestions)}`,
        attribute.place,
        { suggestions },
      );
    }
  },
};
