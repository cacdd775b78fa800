import { parityOf } from '../parity.js';
import type { Rule } from '../rule.js';

export const parityGap: Rule = {
  id: 'parity-gap',
  severity: 'warn',
  summary: 'An entry documents every key path that the entries with its `id` document in other languages.',
  check({ page, site, report }) {
    const configured = new Set(site.config.languages.map((language) => language.id));
    for (const [language, entries] of Object.entries(page.reference)) {
      if (!configured.has(language)) continue;
      for (const entry of entries) {
        if (entry.id === null) continue;
        const parity = parityOf(site, entry.id);
        // `parity.entries` holds one entry per language that has this id.
        const withEntry = parity.entries.length;
        for (const row of parity.rows) {
          if (row.cells[language] !== 'missing') continue;
          const documentedIn = Object.entries(row.cells)
            .filter(([, cell]) => cell === 'documented')
            .map(([id]) => id);
          report(
            `Unexpected missing \`${row.keyPath}\` in ${language}: documented in ${documentedIn.length} of ${withEntry} languages (${documentedIn.join(', ')}), expected a property with description \`(${row.keyPath})\` or an exemption in \`parity.ignore\``,
            entry.keyPlace,
          );
        }
      }
    }
  },
};
