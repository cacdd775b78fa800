import { ruleMayReport } from '../config/rule-settings.js';
import type { Diagnostic, ParsedPage, Place } from '../model/types.js';
import type { Site } from '../model/site.js';
import { rules } from './rules/index.js';

/** What the site rules found in one file. */
export interface SiteFileDiagnostics {
  diagnostics: Diagnostic[];
  /** Pages whose content led to the file's problems (the pages showing an example). */
  origins: Set<string>;
}

/**
 * Runs every site rule (`Rule.checkSite`) once over `pages` (those a check
 * reports on: every page, or those its paths name), each problem filed
 * under the file it stands in. Two rules, or one rule by two ways (an example two
 * pages show), finding the same problem at the same place report it once.
 */
export function runSiteRules(site: Site, pages: readonly ParsedPage[] = site.index.pages): Map<string, SiteFileDiagnostics> {
  const files = new Map<string, SiteFileDiagnostics>();
  const seen = new Set<string>();
  const fileOf = (file: string): SiteFileDiagnostics => {
    let found = files.get(file);
    if (!found) files.set(file, (found = { diagnostics: [], origins: new Set() }));
    return found;
  };
  for (const rule of rules) {
    if (!rule.checkSite || !ruleMayReport(site.config, rule.id)) continue;
    try {
      rule.checkSite({
        site,
        pages,
        report: (file, message, place, details = {}) => {
          const { origin, ...rest } = details;
          const target = fileOf(file);
          if (origin !== undefined) target.origins.add(origin);
          const key = `${file}\0${rule.id}\0${placeKey(place)}\0${message}`;
          if (seen.has(key)) return;
          seen.add(key);
          target.diagnostics.push({ ruleId: rule.id, message, place, ...rest });
        },
      });
    } catch (error) {
      // A rule's own bug costs that rule, never the rest of the run.
      fileOf(site.config.configFile ?? site.config.content).diagnostics.push({
        ruleId: 'internal-error',
        message: `Rule \`${rule.id}\` failed: ${error instanceof Error ? error.message : String(error)}; please report it`,
        place: { line: 1, column: 1, endLine: 1, endColumn: 1 },
      });
    }
  }
  return files;
}

function placeKey(place: Place): string {
  return `${place.line}:${place.column}:${place.endLine}:${place.endColumn}`;
}
