import { rules } from '../check/rules/index.js';
import { ruleDocsPath } from '../report/rule-docs.js';
import type { CliIo } from './io.js';

export function rulesCommand(io: CliIo, format: 'text' | 'json' = 'text'): number {
  if (format === 'json') {
    const list = rules.map((rule) => ({ id: rule.id, severity: rule.severity, summary: rule.summary, docs: ruleDocsPath(rule.id) }));
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rules.map((rule) => rule.id.length));
  for (const rule of rules) {
    io.stdout.write(`${rule.id.padEnd(width)}  ${rule.severity.padEnd(5)}  ${rule.summary}\n`);
  }
  io.stdout.write(`\nEach rule is documented in ${ruleDocsPath('<id>')}.\n`);
  return 0;
}
