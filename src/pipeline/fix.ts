import type { ParsedPage } from '../model/types.js';
import type { FileFindings } from '../report/to-vfiles.js';
import { applyFixesToFile, type FileFixResult, type PlannedFix } from '../write/apply-fixes.js';

/** A file with one of these problems was not understood whole: `--fix` leaves it alone. */
const syntaxRuleIds: ReadonlySet<string> = new Set([
  'file-encoding',
  'file-too-large',
  'file-unreadable',
  'frontmatter-syntax',
  'mdx-syntax',
]);

export function parsedState(page: ParsedPage): NonNullable<FileFindings['parsed']> {
  return { hash: page.hash, hasSyntaxError: page.diagnostics.some((diagnostic) => syntaxRuleIds.has(diagnostic.ruleId)) };
}

export interface FileFixOutcome {
  file: string;
  result: FileFixResult;
}

/**
 * Applies the fixes the findings of each checked file carry, file by file;
 * files with a syntax error or without fixes are not touched.
 */
export function applyFindingFixes(results: FileFindings[]): FileFixOutcome[] {
  const outcomes: FileFixOutcome[] = [];
  for (const { file, findings, parsed } of results) {
    if (!parsed || parsed.hasSyntaxError) continue;
    const fixes: PlannedFix[] = findings.flatMap((finding) => (finding.fix ? [{ fix: finding.fix, place: finding.place }] : []));
    if (fixes.length === 0) continue;
    outcomes.push({ file, result: applyFixesToFile(file, parsed.hash, fixes) });
  }
  return outcomes;
}
