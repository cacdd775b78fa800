import path from 'node:path';
import type { Rule } from '../rule.js';
import { exampleFiles } from './example-files.js';

export const missingExample: Rule = {
  id: 'missing-example',
  severity: 'warn',
  summary: 'A `file` should name an example folder that exists and holds a file per language.',
  check({ page, site, report }) {
    for (const { file, place } of exampleFiles(page)) {
      const found = site.examples.lookup(file);
      if (found.kind !== 'missing') continue;
      const folder = path.relative(site.config.cwd, found.folder);
      report(`Unexpected missing example \`${file}\`, expected files such as \`${folder}/${site.config.defaultLanguage}.*\``, place);
    }
  },
};
