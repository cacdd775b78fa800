import type { Place } from '../../model/types.js';
import { nearestLanguages } from '../language-suggestions.js';
import { didYouMean, type Rule } from '../rule.js';

export const unknownLanguage: Rule = {
  id: 'unknown-language',
  severity: 'error',
  summary: 'Every language under `reference`, and every `language` of a `CodeBlockTab`, must be a configured language.',
  check({ page, site, report }) {
    const known = site.config.languages.map((language) => language.id);
    const judge = (what: string, language: string, place: Place): void => {
      if (known.includes(language)) return;
      const suggestions = nearestLanguages(language, site.config);
      report(`Unexpected ${what} \`${language}\`, expected one of ${known.map((id) => `\`${id}\``).join(', ')}${didYouMean(suggestions)}`, place, { suggestions });
    };
    for (const [language, place] of Object.entries(page.languagePlaces)) judge('language', language, place);
    for (const component of page.components) {
      const attribute = component.attributes.language;
      if (component.name !== 'CodeBlockTab' || typeof attribute?.value !== 'string') continue;
      judge('tab language', attribute.value, attribute.place);
    }
  },
};
