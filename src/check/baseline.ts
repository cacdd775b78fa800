import { createHash } from 'node:crypto';
import { withoutCause } from './causes.js';
import type { Finding } from './run-checks.js';

/**
 * One kind of known problem: the same rule and message on a line with the
 * same text in the same file, `count` times. No line number, so an edit
 * elsewhere in the file (or a reflowed indentation) keeps it matching.
 */
export interface BaselineEntry {
  /** Path relative to the baseline file's folder, with `/` separators. */
  file: string;
  ruleId: string;
  /** The message without its suggestions (see `baselineMessage`). */
  message: string;
  /** A hash of the offending line's text, whitespace collapsed. */
  fingerprint: string;
  count: number;
}

/** A finding with the file it is on, as the baseline names it. */
export interface LocatedFinding {
  file: string;
  finding: Finding;
  /** The text of the finding's first line, or null when the file cannot be read. */
  lineText: string | null;
}

export function fingerprintOf(lineText: string | null): string {
  const normalized = (lineText ?? '').trim().replace(/\s+/g, ' ');
  return createHash('sha256').update(normalized).digest('hex').slice(0, 16);
}

function keyOf(file: string, ruleId: string, message: string, fingerprint: string): string {
  return JSON.stringify([file, ruleId, message, fingerprint]);
}

/**
 * The message as the baseline keeps it: without the trailing ` (did you mean …?)`,
 * whose candidates change whenever a key is added or removed anywhere in the site,
 * nor what a run says of its cause (`causes.ts`).
 */
export function baselineMessage(message: string): string {
  return withoutCause(message).replace(/ \(did you mean .*\?\)$/s, '');
}

/** The current problems as baseline entries, sorted so the file is the same for the same problems. */
export function createBaseline(located: Iterable<LocatedFinding>): BaselineEntry[] {
  const byKey = new Map<string, BaselineEntry>();
  for (const { file, finding, lineText } of located) {
    const fingerprint = fingerprintOf(lineText);
    const message = baselineMessage(finding.message);
    const key = keyOf(file, finding.ruleId, message, fingerprint);
    const entry = byKey.get(key);
    if (entry) entry.count += 1;
    else byKey.set(key, { file, ruleId: finding.ruleId, message, fingerprint, count: 1 });
  }
  return sortEntries([...byKey.values()]);
}

/**
 * A run that checked some files only replaces their entries: the others'
 * problems were not looked at and stay baselined.
 */
export function mergeBaseline(previous: BaselineEntry[], current: BaselineEntry[], checked: (file: string) => boolean): BaselineEntry[] {
  return sortEntries([...previous.filter((entry) => !checked(entry.file)), ...current]);
}

export interface BaselineOutcome {
  /** Findings the baseline does not account for: the new problems. */
  fresh: LocatedFinding[];
  /** Baselined problems of checked files that no longer occur. */
  fixed: number;
}

/**
 * Sets each finding against the baseline: a finding matching an entry with
 * count left is known and hidden; what is left of the counts for checked
 * files are problems that have gone.
 */
export function applyBaseline(located: Iterable<LocatedFinding>, baseline: BaselineEntry[], checked: (file: string) => boolean): BaselineOutcome {
  const budget = new Map<string, number>();
  for (const entry of baseline) {
    const key = keyOf(entry.file, entry.ruleId, entry.message, entry.fingerprint);
    budget.set(key, (budget.get(key) ?? 0) + entry.count);
  }
  const fresh: LocatedFinding[] = [];
  for (const item of located) {
    const key = keyOf(item.file, item.finding.ruleId, baselineMessage(item.finding.message), fingerprintOf(item.lineText));
    const left = budget.get(key) ?? 0;
    if (left > 0) budget.set(key, left - 1);
    else fresh.push(item);
  }
  let fixed = 0;
  for (const entry of baseline) {
    if (!checked(entry.file)) continue;
    const key = keyOf(entry.file, entry.ruleId, entry.message, entry.fingerprint);
    fixed += budget.get(key) ?? 0;
    // Duplicate entries share one budget: count what is left once.
    budget.delete(key);
  }
  return { fresh, fixed };
}

function sortEntries(entries: BaselineEntry[]): BaselineEntry[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return entries.sort(
    (a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.message, b.message) || compare(a.fingerprint, b.fingerprint),
  );
}
