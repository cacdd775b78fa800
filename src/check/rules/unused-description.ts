import type { Rule } from '../rule.js';

export const unusedDescription: Rule = {
  id: 'unused-description',
  severity: 'warn',
  summary: 'Every description key should be referenced somewhere (`self` is exempt).',
  check({ page, site, report }) {
    const used = site.index.referencedKeyPaths;
    for (const definition of page.descriptions) {
      // A map is used through its children or its `self`; `self` is meant for readers elsewhere.
      if (definition.isMap || used.has(definition.keyPath)) continue;
      report(`Unexpected unused description \`${definition.keyPath}\`, expected a reference to it or its removal`, definition.place);
    }
  },
};
