import type { Entry, Fix, ItemReference, ParsedPage } from '../../model/types.js';
import type { Site } from '../../model/site.js';
import { resolveItem } from '../../resolve/items.js';
import { didYouMean, type Rule } from '../rule.js';
import { itemReferences } from './item-references.js';

export const unresolvedItem: Rule = {
  id: 'unresolved-item',
  severity: 'error',
  summary: 'An item reference must name an entry (or one of its properties) by its `key` in the same language.',
  check({ page, site, report }) {
    for (const { entry, reference, resolution } of itemReferences(page, site)) {
      if (resolution.ok || resolution.reason !== 'unresolved') continue;
      const fix = resolution.suggestions.length === 1 ? safeFix(reference, resolution.suggestions[0]!, entry, page, site) : undefined;
      report(
        `Unexpected unresolved item \`(${reference.path.join('.')})\`, expected ${expectation(reference, entry, site)}${didYouMean(resolution.suggestions)}`,
        reference.place,
        { suggestions: resolution.suggestions, ...(fix ? { fix } : {}) },
      );
    }
  },
};

/** What the path should have named: an entry, or a property below the part that resolved. */
function expectation(reference: ItemReference, entry: Entry, site: Site): string {
  const [key, ...rest] = reference.path;
  const entryExists = key !== undefined && site.index.entriesByKey.get(entry.language)?.has(key);
  if (!entryExists || rest.length === 0) return `the \`key\` of a ${entry.language} entry`;
  return `a property path of \`${key}\` in ${entry.language}`;
}

/**
 * A suggestion names the path up to the segment that failed (`Group` for
 * `(Gruop.id)`): the rest of the path is kept, and the fix is offered only
 * when the whole new path resolves, so that `--fix` never trades one problem for another.
 */
function safeFix(reference: ItemReference, suggestion: string, entry: Entry, page: ParsedPage, site: Site): Fix | undefined {
  if (!reference.pathRange) return undefined;
  const head = suggestion.split('.');
  const path = [...head, ...reference.path.slice(head.length)];
  const resolved = resolveItem({ ...reference, path }, entry.language, page, site.index);
  return resolved.ok ? { range: reference.pathRange, text: path.join('.') } : undefined;
}
