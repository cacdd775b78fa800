import { rules } from '../check/rules/index.js';
import { installedRuleDocsFolder, ruleDocsLink } from '../report/rule-docs.js';
import type { CliIo } from './io.js';

/** Lists every rule; documentation links go where reports' links go (`rulesDocsUrl`, else the installed pages). */
export function rulesCommand(io: CliIo, format: 'text' | 'json', rulesDocsUrl: string | null): number {
  if (format === 'json') {
    const list = rules.map((rule) => ({ id: rule.id, severity: rule.severity, summary: rule.summary, docs: ruleDocsLink(rule.id, rulesDocsUrl) }));
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rules.map((rule) => rule.id.length));
  for (const rule of rules) {
    io.stdout.write(`${rule.id.padEnd(width)}  ${rule.severity.padEnd(5)}  ${rule.summary}\n`);
  }
  const where = rulesDocsUrl ? `${rulesDocsUrl}<id>.md` : `${installedRuleDocsFolder()}<id>.md`;
  io.stdout.write(`\nEach rule is documented in ${where}.\n`);
  return 0;
}
