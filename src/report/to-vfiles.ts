import path from 'node:path';
import { VFile } from 'vfile';
import type { Finding } from '../check/run-checks.js';

export interface FileFindings {
  file: string;
  findings: Finding[];
}

export const rulesDocsBase = 'https://github.com/polyref/polyref/blob/main/docs/rules/';

/** One vfile per checked file, each finding a message on it as unified tools expect. */
export function toVFiles(results: FileFindings[], cwd: string): VFile[] {
  return results.map(({ file, findings }) => {
    const vfile = new VFile({ path: path.relative(cwd, file) || file, cwd });
    for (const finding of findings) {
      const { place } = finding;
      const message = vfile.message(finding.message, {
        place: { start: { line: place.line, column: place.column }, end: { line: place.endLine, column: place.endColumn } },
        ruleId: finding.ruleId,
        source: 'polyref',
      });
      message.fatal = finding.severity === 'error';
      message.url = `${rulesDocsBase}${finding.ruleId}.md`;
      if (finding.suggestions && finding.suggestions.length > 0) message.expected = finding.suggestions;
    }
    return vfile;
  });
}
