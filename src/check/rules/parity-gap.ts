import type { Located } from '../../index/site-index.js';
import type { Entry } from '../../model/types.js';
import { closest } from '../../resolve/suggest.js';
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
        const gaps = parity.rows.filter((row) => row.cells[language] === 'missing');
        const meant = meantByUnresolved(parity.unresolved[language] ?? [], gaps.map((row) => row.keyPath));
        for (const row of gaps) {
          if (meant.has(row.keyPath)) continue;
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
  const onePage = entries.every((located) => located.page === first.page);
  const place = onePage ? first.page.referencePlace : first.value.keyPlace;
  if (first.page !== page || place === null) return;
  const present = parity.entries.map((located) => located.value.language);
  report(
    `Unexpected missing entry \`${parity.id}\` in ${inWords(parity.missingLanguages)}: present in ${present.length} of ${configured.size} languages (${present.join(', ')}), expected an entry with \`id: ${parity.id}\` in each language`,
    place,
  );
}

/**
 * The missing key paths that a language's unresolved description references
 * probably stand for: `unresolved-description` reports those references
 * already, and the gap is the same mistake. Each reference stands for the
 * missing key paths nearest to it by spelling, else for those under the
 * same parent (`widget.org` for `widget.organization_id`).
 */
function meantByUnresolved(unresolved: string[], missing: string[]): Set<string> {
  const meant = new Set<string>();
  if (unresolved.length === 0 || missing.length === 0) return meant;
  for (const keyPath of unresolved) {
    const nearest = closest(keyPath, missing, missing.length);
    const candidates = nearest.length > 0 ? nearest : missing.filter((candidate) => parentOf(candidate) === parentOf(keyPath));
    for (const candidate of candidates) meant.add(candidate);
  }
  return meant;
}

function parentOf(keyPath: string): string {
  const dot = keyPath.lastIndexOf('.');
  return dot === -1 ? '' : keyPath.slice(0, dot);
}
