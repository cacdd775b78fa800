import type { Rule } from '../rule.js';

export const unknownLanguage: Rule = {
  id: 'unknown-language',
  severity: 'error',
  summary: 'Every language under `reference` must be a configured language.',
  check({ page, site, report }) {
    const known = site.config.languages.map((language) => language.id);
    for (const [language, place] of Object.entries(page.languagePlaces)) {
      if (known.includes(language)) continue;
      report(
        `Unexpected language \`${language}\`, expected one of ${known.map((id) => `\`${id}\``).join(', ')}`,
        place,
        { suggestions: known.filter((id) => id.startsWith(language.slice(0, 2).toLowerCase())) },
      );
    }
  },
};
