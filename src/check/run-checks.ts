import { ruleSettingsFor } from '../config/rule-settings.js';
import type { Diagnostic, ParsedPage, Severity } from '../model/types.js';
import type { Site } from '../model/site.js';
import { ruleIds, rules, siteRuleIds } from './rules/index.js';
import { applySuppressions } from './suppress.js';

export interface Finding extends Diagnostic {
  severity: Severity;
}

const rulesById = new Map(rules.map((rule) => [rule.id, rule]));

/**
 * Every problem of one page: what parsing found plus every rule's verdict,
 * with the project's severities for this file applied and `off` rules
 * dropped. `fromSiteRules` are the problems site rules found on the page
 * (`check` runs them, `build` and `dev` do not): without them, a comment
 * silencing a site rule is not judged unused.
 */
export function checkPage(page: ParsedPage, site: Site, fromSiteRules?: Diagnostic[]): Finding[] {
  const settings = ruleSettingsFor(site.config, page.file);
  const diagnostics: Diagnostic[] = [...page.diagnostics, ...(fromSiteRules ?? [])];
  for (const rule of rules) {
    if (!rule.check || settings[rule.id] === 'off') continue;
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
  const unjudged = fromSiteRules === undefined ? siteRuleIds : undefined;
  return applySeverities(applySuppressions(diagnostics, page.suppressions, ruleIds, unjudged), settings);
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
