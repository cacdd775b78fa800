import type { Place } from '../../model/types.js';
import { forEachItem } from '../../model/walk.js';
import { entryFields, propertyFields } from '../../parse/frontmatter.js';
import { SuggestionIndex } from '../../resolve/suggestion-index.js';
import { editDistance } from '../../resolve/suggest.js';
import { didYouMean, type Rule } from '../rule.js';

const propertyFieldList = [...propertyFields].map((field) => `\`${field}\``).join(', ');
let propertyFieldIndex: SuggestionIndex | null = null;

/**
 * Entry fields with a meaning, for telling a slip from a custom field: the
 * model's, and `optional`, which a row naming a whole entry shows.
 */
const meaningfulEntryFields = [...entryFields, 'optional'];

export const unknownField: Rule = {
  id: 'unknown-field',
  severity: 'warn',
  summary: 'A property has only the fields of the format; an entry field one edit away from a known one is a slip.',
  check({ page, report }) {
    for (const entries of Object.values(page.reference)) {
      for (const entry of entries) {
        for (const [field, place] of fieldPlaces(entry.extraPlaces)) {
          const known = nearMissOf(field);
          if (known === null) continue;
          report(
            `Unexpected field \`${field}\` on entry \`${entry.key}\` (${entry.language}), one edit from \`${known}\`, expected a field of the format or a custom field for templates${didYouMean([known])}`,
            place,
            { suggestions: [known] },
          );
        }
        forEachItem(entry, (item) => {
          if (item.kind !== 'property') return;
          for (const [field, place] of fieldPlaces(item.extraPlaces)) {
            const suggestions = (propertyFieldIndex ??= new SuggestionIndex(propertyFields)).nearest(field);
            report(
              `Unexpected field \`${field}\` on property \`${item.key}\`, expected one of ${propertyFieldList}${didYouMean(suggestions)}`,
              place,
              { suggestions },
            );
          }
        });
      }
    }
  },
};

function fieldPlaces(places: Record<string, Place> | undefined): Array<[string, Place]> {
  return places ? Object.entries(places) : [];
}

/** The field of the format that `field` is one edit (or a change of case) away from, or null for a field of its own. */
function nearMissOf(field: string): string | null {
  if (meaningfulEntryFields.includes(field)) return null;
  const lower = field.toLowerCase();
  for (const known of meaningfulEntryFields) {
    if (editDistance(lower, known.toLowerCase(), 1) <= 1) return known;
  }
  return null;
}
