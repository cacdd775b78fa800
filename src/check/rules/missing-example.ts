import path from 'node:path';
import type { Rule } from '../rule.js';
import { exampleFiles } from './example-files.js';

export const missingExample: Rule = {
  id: 'missing-example',
  severity: 'warn',
  summary: 'A `file` should name an example folder that exists and holds a file for each language the block shows an entry of.',
  check({ page, site, report }) {
    const configured = site.config.languages.map((language) => language.id);
    for (const { file, place, referenceId, language } of exampleFiles(page)) {
      const found = site.examples.lookup(file);
      if (found.kind === 'missing') {
        const folder = shownFolder(found.folder, site.config.cwd);
        report(`Unexpected missing example \`${file}\`, expected files such as \`${folder}/${site.config.defaultLanguage}.*\``, place);
        continue;
      }
      if (found.kind !== 'found' || referenceId === null) continue;
      // The languages whose tab shows an entry of the block: each needs its code beside it.
      const shown = new Set((site.index.entriesById.get(referenceId) ?? []).map((located) => located.value.language));
      for (const id of configured) {
        if (!shown.has(id) || (language !== null && language !== id) || found.files.has(id)) continue;
        const folder = shownFolder(found.folder, site.config.cwd);
        report(`Unexpected missing ${id} example in \`${file}\`, expected \`${folder}/${id}.*\` beside the block's ${id} entry \`${referenceId}\``, place);
      }
    }
  },
};

function shownFolder(folder: string, cwd: string): string {
  return path.relative(cwd, folder).split(path.sep).join('/');
}
