import type { Diagnostic, ParsedPage, Place, Severity } from '../model/types.js';
import type { Site } from '../model/site.js';

export interface RuleContext {
  page: ParsedPage;
  site: Site;
  report(message: string, place: Place, details?: ReportDetails): void;
}

export type ReportDetails = Pick<Diagnostic, 'suggestions' | 'related' | 'fix'>;

/**
 * A check of the whole site whose problems may stand in any file: a page,
 * an example file, the config file. `origin` is the page whose content led
 * to a problem in a file that is not a page (the page showing an example):
 * a check of some pages only reports such a problem when its origin is one
 * of them.
 */
export interface SiteRuleContext {
  site: Site;
  /** The pages whose problems are wanted: every page, or those a check with paths reports on. */
  pages: readonly ParsedPage[];
  report(file: string, message: string, place: Place, details?: ReportDetails & { origin?: string }): void;
}

/** A check with a stable kebab-case id; its meaning never changes. */
export interface Rule {
  id: string;
  severity: Severity;
  /** One line for `polyref rules` and the docs. */
  summary: string;
  /** Absent for problems the parse stage finds itself. */
  check?(context: RuleContext): void;
  /**
   * Checks that read more than pages (example files, the OpenAPI document):
   * run once by `polyref check`, after the page checks; `build` and `dev`
   * do not run them.
   */
  checkSite?(context: SiteRuleContext): void;
}

/** ` (did you mean `a` or `b`?)`, or nothing. */
export function didYouMean(suggestions: string[] | undefined): string {
  if (!suggestions || suggestions.length === 0) return '';
  const quoted = suggestions.map((suggestion) => `\`${suggestion}\``);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return ` (did you mean ${list}?)`;
}
