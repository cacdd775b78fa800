/**
 * Lists kept in page order (by relative path, as `findSources` lists the
 * sources), searched by halves: an incremental build finds a page's place
 * in them without walking the site.
 */
import { compareStrings } from '../load/find-sources.js';
import type { ParsedPage } from '../model/types.js';

/** Something a page gave, in a list in page order. */
export interface Located {
  page: ParsedPage;
}

/** Where `page`, or the page of the same path, stands in `pages`. */
export function positionIn(pages: readonly ParsedPage[], page: ParsedPage): number {
  const at = firstWhere(pages, (candidate) => compareStrings(candidate.relativePath, page.relativePath) >= 0);
  if (pages[at]?.relativePath !== page.relativePath) throw new Error(`${page.relativePath} is not among the pages`);
  return at;
}

/** The first place in `list` whose page does not come before `page`: where what `page` gave starts. */
export function pageStart(list: readonly Located[], page: ParsedPage): number {
  return firstWhere(list, (item) => compareStrings(item.page.relativePath, page.relativePath) >= 0);
}

/** The first place in `list` whose page comes after `page`: where what `page` gives goes. */
export function pageEnd(list: readonly Located[], page: ParsedPage): number {
  return firstWhere(list, (item) => compareStrings(item.page.relativePath, page.relativePath) > 0);
}

/** The first index where `holds` is true, for a `holds` false then true along the list; the length when never. */
function firstWhere<T>(list: readonly T[], holds: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (holds(list[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}
