import path from 'node:path';
import { VFile } from 'vfile';
import type { Finding } from '../check/run-checks.js';
import { ruleDocsLink } from './rule-docs.js';

export interface FileFindings {
  file: string;
  findings: Finding[];
  /** What `--fix` must know of the text that was checked. */
  parsed?: { hash: string; hasSyntaxError: boolean };
  /**
   * The findings are only those a change caused on this page, outside the
   * change: its other problems were not judged (the baseline leaves them be).
   */
  causedOnly?: true;
}

/**
 * One vfile per checked file, each finding a message on it as unified tools
 * expect, with a link to its rule's page (under `rulesDocsUrl` when configured).
 */
export function toVFiles(results: FileFindings[], cwd: string, rulesDocsUrl: string | null = null): VFile[] {
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
      message.url = ruleDocsLink(finding.ruleId, rulesDocsUrl);
      if (finding.suggestions && finding.suggestions.length > 0) message.expected = finding.suggestions;
    }
    return vfile;
  });
}
