import type { Rule } from '../rule.js';
import { exampleFiles } from './example-files.js';

export const exampleOutsideRoot: Rule = {
  id: 'example-outside-root',
  severity: 'error',
  summary: 'A `file` must name a folder inside the examples root.',
  check({ page, site, report }) {
    for (const { file, place } of exampleFiles(page)) {
      if (site.examples.lookup(file).kind !== 'outside') continue;
      report(`Unexpected \`file\` \`${file}\` outside the examples root, expected the name of a folder inside it`, place);
    }
  },
};
