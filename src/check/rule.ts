import type { Diagnostic, ParsedPage, Place, Severity } from '../model/types.js';
import type { Site } from '../model/site.js';

export interface RuleContext {
  page: ParsedPage;
  site: Site;
  report(message: string, place: Place, details?: Pick<Diagnostic, 'suggestions' | 'related' | 'fix'>): void;
}

/** A check with a stable kebab-case id; its meaning never changes. */
export interface Rule {
  id: string;
  severity: Severity;
  /** One line for `polyref rules` and the docs. */
  summary: string;
  /** Absent for problems the parse stage finds itself. */
  check?(context: RuleContext): void;
}

/** ` (did you mean `a` or `b`?)`, or nothing. */
export function didYouMean(suggestions: string[] | undefined): string {
  if (!suggestions || suggestions.length === 0) return '';
  const quoted = suggestions.map((suggestion) => `\`${suggestion}\``);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return ` (did you mean ${list}?)`;
}
