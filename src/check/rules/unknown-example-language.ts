import path from 'node:path';
import { exampleFolder, samePage } from '../../index/site-index.js';
import { nearestLanguages } from '../language-suggestions.js';
import { didYouMean, type Rule } from '../rule.js';
import { exampleFiles } from './example-files.js';

export const unknownExampleLanguage: Rule = {
  id: 'unknown-example-language',
  severity: 'warn',
  summary: 'Every file of an example folder is named for a configured language.',
  check({ page, site, report }) {
    const configured = new Set(site.config.languages.map((language) => language.id));
    const seen = new Set<string>();
    for (const { file, place } of exampleFiles(page)) {
      const folder = exampleFolder(file);
      if (seen.has(folder)) continue;
      seen.add(folder);
      const found = site.examples.lookup(file);
      if (found.kind !== 'found') continue;
      // A folder several pages show is reported once, on the first of them.
      const first = site.index.exampleFolders.get(folder)?.[0];
      if (!first || !samePage(first.page, page)) continue;
      for (const [name, absolute] of found.files) {
        if (configured.has(name)) continue;
        const extension = path.extname(absolute);
        const suggestions = nearestLanguages(name, site.config).map((id) => `${id}${extension}`);
        const shown = path.relative(site.config.cwd, path.join(found.folder, path.basename(absolute))).split(path.sep).join('/');
        report(
          `Unexpected example file \`${shown}\` named for no configured language, expected one file per language named by its id${didYouMean(suggestions)}`,
          place,
          { suggestions },
        );
      }
    }
  },
};
