import type { Rule } from '../rule.js';

/** Reported by `applySuppressions` as it matches comments to problems: no `check` of its own. */
export const unusedSuppression: Rule = {
  id: 'unused-suppression',
  severity: 'warn',
  summary: 'A `polyref-disable-next-line` comment must name rules that report a problem on the next line.',
};
