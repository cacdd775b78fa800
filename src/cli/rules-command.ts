import { rules } from '../check/rules/index.js';
import type { CliIo } from './io.js';

export function rulesCommand(io: CliIo): number {
  const width = Math.max(...rules.map((rule) => rule.id.length));
  for (const rule of rules) {
    io.stdout.write(`${rule.id.padEnd(width)}  ${rule.severity.padEnd(5)}  ${rule.summary}\n`);
  }
  return 0;
}
