import { samePage, type Located } from '../../index/site-index.js';
import type { Entry } from '../../model/types.js';
import { inWords, parityOf, type ParityEntry } from '../parity.js';
import type { Rule, RuleContext } from '../rule.js';

export const parityGap: Rule = {
  id: 'parity-gap',
  severity: 'warn',
  summary: 'An entry documents what most of the languages document: each key path of its `id`, and an entry in each configured language.',
  check({ page, site, report }) {
    const configured = new Set(site.config.languages.map((language) => language.id));
    const idsSeen = new Set<string>();
    for (const [language, entries] of Object.entries(page.reference)) {
      if (!configured.has(language)) continue;
      for (const entry of entries) {
        if (entry.id === null) continue;
        const parity = parityOf(site, entry.id);
        if (!idsSeen.has(entry.id)) {
          idsSeen.add(entry.id);
          reportMissingLanguages(parity, { page, site, report }, configured);
        }
        // `parity.entries` holds one entry per language that has this id.
        const withEntry = parity.entries.length;
        // A row whose own description is the problem is reported where it stands, once.
        const explained = new Set(parity.explained[language]);
        for (const row of parity.rows) {
          if (row.cells[language] !== 'missing' || explained.has(row.keyPath)) continue;
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

/**
 * The languages most others have an entry for and this id lacks, reported
 * once: at the `reference` key of the page that holds every entry of the
 * id, where the missing languages would go, else at the id's first entry.
 */
function reportMissingLanguages(parity: ParityEntry, { page, site, report }: RuleContext, configured: ReadonlySet<string>): void {
  if (parity.missingLanguages.length === 0) return;
  const entries = (site.index.entriesById.get(parity.id) ?? []).filter((located) => configured.has(located.value.language));
  const first: Located<Entry> | undefined = entries[0];
  if (!first) return;
  const onePage = entries.every((located) => samePage(located.page, first.page));
  const place = onePage ? first.page.referencePlace : first.value.keyPlace;
  if (!samePage(first.page, page) || place === null) return;
  const present = parity.entries.map((located) => located.value.language);
  report(
    `Unexpected missing entry \`${parity.id}\` in ${inWords(parity.missingLanguages)}: present in ${present.length} of ${present.length + parity.missingLanguages.length} languages (${present.join(', ')}), expected an entry with \`id: ${parity.id}\` in each language`,
    place,
  );
}
