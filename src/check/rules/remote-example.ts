import type { Rule } from '../rule.js';
import { exampleFiles } from './example-files.js';

export const remoteExample: Rule = {
  id: 'remote-example',
  severity: 'warn',
  summary: 'A `file` given as a URL is not fetched; it is shown as a link.',
  check({ page, site, report }) {
    for (const { file, place } of exampleFiles(page)) {
      if (site.examples.lookup(file).kind !== 'remote') continue;
      report(`Unexpected URL \`${file}\` as \`file\`: it is not fetched and shows as a link, expected a folder under the examples root`, place);
    }
  },
};
