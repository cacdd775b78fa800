import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config-error.js';
import type { BaselineEntry } from './baseline.js';

export const baselineFileName = '.polyref-baseline.json';
const formatVersion = 1;

interface BaselineDocument {
  version: typeof formatVersion;
  problems: BaselineEntry[];
}

/** The baseline's entries; a file that is not one is a configuration error, never silently trusted. */
export function readBaselineFile(file: string): BaselineEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read baseline \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const fail = (what: string): never => {
    throw new ConfigError(`Unexpected ${what} in baseline \`${file}\`, expected a file written by \`polyref check --update-baseline\``, 'run `polyref check --update-baseline` to write it again');
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('invalid JSON');
  }
  if (!isRecord(json)) return fail('value');
  if (json.version !== formatVersion) return fail(`version \`${String(json.version)}\``);
  if (!Array.isArray(json.problems)) return fail('`problems`');
  return json.problems.map((problem: unknown, index: number) => {
    if (
      !isRecord(problem) ||
      typeof problem.file !== 'string' ||
      typeof problem.ruleId !== 'string' ||
      typeof problem.message !== 'string' ||
      typeof problem.fingerprint !== 'string' ||
      !Number.isInteger(problem.count) ||
      (problem.count as number) < 1
    ) {
      return fail(`\`problems[${index}]\``);
    }
    return { file: problem.file, ruleId: problem.ruleId, message: problem.message, fingerprint: problem.fingerprint, count: problem.count as number };
  });
}

/** Written with sorted entries and fixed key order: the same problems give the same bytes. */
export function writeBaselineFile(file: string, entries: BaselineEntry[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const document: BaselineDocument = {
    version: formatVersion,
    problems: entries.map(({ file: entryFile, ruleId, message, fingerprint, count }) => ({ file: entryFile, ruleId, message, fingerprint, count })),
  };
  fs.writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
