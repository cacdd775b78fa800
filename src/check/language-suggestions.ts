import type { Config } from '../config/config.js';
import { languageAliases } from '../config/languages.js';
import { SuggestionIndex, suggestionIndexOf } from '../resolve/suggestion-index.js';

/** The configured language ids nearest to a name that is none: near spellings, and aliases such as `node` for `js`. */
export function nearestLanguages(wanted: string, config: Config): string[] {
  const index = suggestionIndexOf(config, 'languages', () =>
    new SuggestionIndex(config.languages.map((language) => language.id), { aliases: languageAliases(config.languages) }),
  );
  return index.nearest(wanted);
}
