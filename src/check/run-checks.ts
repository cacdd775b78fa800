import type { Diagnostic, ParsedPage, Severity } from '../model/types.js';
import type { Site } from '../model/site.js';
import type { Rule } from './rule.js';
import { ruleIds, rules } from './rules/index.js';
import { applySuppressions } from './suppress.js';

export interface Finding extends Diagnostic {
  severity: Severity;
}

const rulesById = new Map(rules.map((rule) => [rule.id, rule]));

/**
 * Every problem of one page: what parsing found plus every rule's verdict,
 * with the project's severities applied and `off` rules dropped.
 */
export function checkPage(page: ParsedPage, site: Site): Finding[] {
  const diagnostics: Diagnostic[] = [...page.diagnostics];
  for (const rule of rules) {
    if (!rule.check || site.config.rules[rule.id] === 'off') continue;
    try {
      rule.check({
        page,
        site,
        report: (message, place, details) => diagnostics.push({ ruleId: rule.id, message, place, ...details }),
      });
    } catch (error) {
      // A rule's own bug costs that rule on this page, never the rest of the run.
      diagnostics.push({
        ruleId: 'internal-error',
        message: `Rule \`${rule.id}\` failed on this file: ${error instanceof Error ? error.message : String(error)}; please report it`,
        place: { line: 1, column: 1, endLine: 1, endColumn: 1 },
      });
    }
  }
  return applySeverities(applySuppressions(diagnostics, page.suppressions, ruleIds), site.config.rules);
}

export function applySeverities(diagnostics: Diagnostic[], settings: Record<string, string>): Finding[] {
  const findings: Finding[] = [];
  for (const diagnostic of diagnostics) {
    const setting = settings[diagnostic.ruleId];
    if (setting === 'off') continue;
    const severity = setting === 'error' || setting === 'warn' ? setting : (rulesById.get(diagnostic.ruleId)?.severity ?? 'error');
    findings.push({ ...diagnostic, severity });
  }
  return findings.sort(
    (a, b) => a.place.line - b.place.line || a.place.column - b.place.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

export function countFindings(findings: Iterable<Finding>): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors += 1;
    else warnings += 1;
  }
  return { errors, warnings };
}
