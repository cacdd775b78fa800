import { closest } from '../../resolve/suggest.js';
import { didYouMean, type Rule } from '../rule.js';

export const unknownLanguage: Rule = {
  id: 'unknown-language',
  severity: 'error',
  summary: 'Every language under `reference` must be a configured language.',
  check({ page, site, report }) {
    const known = site.config.languages.map((language) => language.id);
    for (const [language, place] of Object.entries(page.languagePlaces)) {
      if (known.includes(language)) continue;
      const suggestions = closest(language, known);
      report(
        `Unexpected language \`${language}\`, expected one of ${known.map((id) => `\`${id}\``).join(', ')}${didYouMean(suggestions)}`,
        place,
        { suggestions },
      );
    }
  },
};
