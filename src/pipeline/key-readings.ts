import { placeField } from '../index/page-facts.js';
import type { SiteIndex } from '../index/site-index.js';
import type { ParsedPage } from '../model/types.js';
import type { TablePath } from './dependencies.js';
import { tableOf } from './index-update.js';

/**
 * What a page could read under one dependency key, taken before a change
 * to be compared with what it reads after. Values are held, not copied:
 * the index never changes a value in place, it puts new ones in.
 */
export type Reading = { kind: 'absent' | 'present' | 'table' } | { kind: 'value'; value: unknown };

/**
 * How a key reads after a change: the same; the same but for places (where
 * things stand in their files, which output never shows but diagnostics
 * do, so that an edit above a definition moves it without making every
 * page that uses it render again); or differently.
 */
export type ReadingChange = 'none' | 'places' | 'output';

/** Whether a key came or went: all that a page that only asked whether it is there reads of it. */
export function presenceChanged(before: Reading, after: Reading): boolean {
  return (before.kind === 'absent') !== (after.kind === 'absent');
}

export function readKey(index: SiteIndex, dependencyKey: string): Reading {
  const separator = dependencyKey.indexOf('\u0000');
  const path: TablePath = dependencyKey.slice(0, separator);
  const key = dependencyKey.slice(separator + 1);
  const table = tableOf(index, path);
  if (table instanceof Set) return { kind: table.has(key) ? 'present' : 'absent' };
  if (!table.has(key)) return { kind: 'absent' };
  const value = table.get(key);
  if (value instanceof Map) return { kind: 'table' };
  return { kind: 'value', value };
}

/**
 * Compares two readings of a key in one walk. Pages inside a value stand
 * as their path (what resolution compares them by); a page looked up
 * itself stands as its path and content hash. Object keys compare in
 * order, since views list some fields (`extra`) in the order written.
 */
export function readingChange(before: Reading, after: Reading): ReadingChange {
  if (before.kind !== 'value' || after.kind !== 'value') return before.kind === after.kind ? 'none' : 'output';
  if (isParsedPage(before.value) && isParsedPage(after.value)) {
    return before.value.relativePath === after.value.relativePath && before.value.hash === after.value.hash ? 'none' : 'output';
  }
  const walk = new Comparison();
  if (!walk.same(before.value, after.value, false)) return 'output';
  return walk.placesDiffer ? 'places' : 'none';
}


class Comparison {
  /** A difference was found under a place field, which output leaves out. */
  placesDiffer = false;

  /** Whether `left` and `right` read the same for output; under a place field (`inPlace`), a difference is only noted. */
  same(left: unknown, right: unknown, inPlace: boolean): boolean {
    if (Object.is(left, right)) return true;
    if (inPlace && this.placesDiffer) return true;
    const equal = this.equal(left, right, inPlace);
    if (equal || !inPlace) return equal;
    this.placesDiffer = true;
    return true;
  }

  private equal(left: unknown, right: unknown, inPlace: boolean): boolean {
    if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
    if (isParsedPage(left) || isParsedPage(right)) {
      return isParsedPage(left) && isParsedPage(right) && left.relativePath === right.relativePath;
    }
    if (Array.isArray(left) || Array.isArray(right)) {
      if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
      for (let at = 0; at < left.length; at++) if (!this.same(left[at], right[at], inPlace)) return false;
      return true;
    }
    if (left instanceof Map || right instanceof Map || left instanceof Set || right instanceof Set) {
      if (!(left instanceof Map && right instanceof Map) && !(left instanceof Set && right instanceof Set)) return false;
      return this.same([...left], [...right], inPlace);
    }
    if (Object.getPrototypeOf(left) !== Object.getPrototypeOf(right)) return false;
    const leftKeys = Object.keys(left);
    const rightKeys = Object.keys(right);
    if (leftKeys.length !== rightKeys.length) return false;
    for (let at = 0; at < leftKeys.length; at++) {
      const name = leftKeys[at]!;
      if (name !== rightKeys[at]) return false;
      const nested = inPlace || placeField.test(name);
      if (!this.same((left as Record<string, unknown>)[name], (right as Record<string, unknown>)[name], nested)) return false;
    }
    return true;
  }
}

function isParsedPage(value: unknown): value is ParsedPage {
  return typeof value === 'object' && value !== null && 'relativePath' in value && 'hash' in value && 'diagnostics' in value;
}
