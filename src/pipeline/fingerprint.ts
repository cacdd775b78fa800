import type { SiteIndex } from '../index/site-index.js';
import type { ParsedPage } from '../model/types.js';
import type { TablePath } from './dependencies.js';
import { tableOf } from './index-update.js';

/**
 * What a page could read under one dependency key, as text: equal texts
 * before and after a change mean the page reads the same. Pages inside a
 * value stand as their path (what resolution compares them by); a page
 * looked up itself stands as its path and content hash.
 *
 * Places say where things stand in their files, which output never shows
 * but diagnostics do: `forOutput` leaves them out, so that an edit above a
 * definition moves it without making every page that uses it render again.
 */
export function fingerprint(index: SiteIndex, dependencyKey: string, forOutput: boolean): string {
  const separator = dependencyKey.indexOf('\u0000');
  const path: TablePath = dependencyKey.slice(0, separator);
  const key = dependencyKey.slice(separator + 1);
  const table = tableOf(index, path);
  if (table instanceof Set) return table.has(key) ? 'present' : 'absent';
  if (!table.has(key)) return 'absent';
  const value = table.get(key);
  if (value instanceof Map) return 'table';
  return JSON.stringify(value, function (this: unknown, name: string, nested: unknown) {
    if (forOutput && placeField.test(name)) return undefined;
    if (isParsedPage(nested)) return name === '' ? `${nested.relativePath}#${nested.hash}` : nested.relativePath;
    return nested;
  });
}

const placeField = /^place$|Place$|Range$/;

function isParsedPage(value: unknown): value is ParsedPage {
  return typeof value === 'object' && value !== null && 'relativePath' in value && 'hash' in value && 'diagnostics' in value;
}
