import type { Diagnostic, Suppression } from '../model/types.js';
import { SuggestionIndex, suggestionIndexOf } from '../resolve/suggestion-index.js';
import { didYouMean } from './rule.js';
import { unusedSuppression } from './rules/unused-suppression.js';

/**
 * Drops each problem a `polyref-disable-next-line` comment names on the line
 * it stands before (matched by the problem's first line), and turns every
 * named rule that silenced nothing into an `unused-suppression` diagnostic, so
 * comments do not outlive the problems they were written for.
 */
export function applySuppressions(
  diagnostics: Diagnostic[],
  suppressions: readonly Suppression[],
  knownRuleIds: ReadonlySet<string>,
  /** Rules that did not run in this pipeline: a mention of one is neither used nor unused. */
  unjudged: ReadonlySet<string> = new Set(),
): Diagnostic[] {
  if (suppressions.length === 0) return diagnostics;
  const byLine = new Map<number, Array<Suppression['rules'][number]>>();
  for (const suppression of suppressions) {
    const rules = byLine.get(suppression.targetLine) ?? [];
    rules.push(...suppression.rules);
    byLine.set(suppression.targetLine, rules);
  }
  const used = new Set<Suppression['rules'][number]>();
  const kept = diagnostics.filter((diagnostic) => {
    const mentions = byLine.get(diagnostic.place.line)?.filter((mention) => mention.ruleId === diagnostic.ruleId) ?? [];
    for (const mention of mentions) used.add(mention);
    return mentions.length === 0;
  });
  for (const suppression of suppressions) {
    if (suppression.rules.length === 0) {
      kept.push({
        ruleId: unusedSuppression.id,
        message: 'Unexpected `polyref-disable-next-line` without a rule id, expected the ids of the rules to silence such as `polyref-disable-next-line unused-description`',
        place: suppression.place,
      });
    }
    for (const mention of suppression.rules) {
      if (used.has(mention) || unjudged.has(mention.ruleId)) continue;
      kept.push(knownRuleIds.has(mention.ruleId) ? unusedMention(mention, suppression.targetLine) : unknownMention(mention, knownRuleIds));
    }
  }
  return kept;
}

function unusedMention(mention: Suppression['rules'][number], targetLine: number): Diagnostic {
  return {
    ruleId: unusedSuppression.id,
    message: `Unexpected suppression of \`${mention.ruleId}\`, which reports nothing on line ${targetLine}: remove it from the comment`,
    place: mention.place,
  };
}

function unknownMention(mention: Suppression['rules'][number], knownRuleIds: ReadonlySet<string>): Diagnostic {
  const suggestions = suggestionIndexOf(knownRuleIds, 'rule-ids', () => new SuggestionIndex(knownRuleIds, { segments: /-/ })).nearest(mention.ruleId);
  return {
    ruleId: unusedSuppression.id,
    message: `Unexpected unknown rule \`${mention.ruleId}\` in \`polyref-disable-next-line\`, expected a rule id from \`polyref rules\`${didYouMean(suggestions)}`,
    place: mention.place,
    suggestions,
  };
}
