import { didYouMean, type Rule } from '../rule.js';
import { SuggestionIndex, suggestionIndexOf } from '../../resolve/suggestion-index.js';

export const unknownComponent: Rule = {
  id: 'unknown-component',
  severity: 'error',
  summary: 'A component in the body must have a template in `templates/components/`.',
  check({ page, site, report }) {
    for (const component of page.components) {
      if (site.components.has(component.name)) continue;
      const suggestions = suggestionIndexOf(site.components, 'components', () => new SuggestionIndex(site.components)).nearest(component.name);
      report(
        `Unexpected component \`<${component.name}>\`, expected one with a template (\`templates/components/${component.name}.hbs\`)${didYouMean(suggestions)}`,
        component.place,
        { suggestions },
      );
    }
  },
};
