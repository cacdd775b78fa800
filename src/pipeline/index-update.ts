/**
 * Keeps a site index equal to `buildSiteIndex(pages)` while pages change one
 * at a time, without walking the other pages: each page's share of the
 * index is what `buildSiteIndex([page])` makes of it alone, taken out when
 * the page goes and put in at the page's place in page order when it comes.
 * Lists keep page order, and each table keeps the order of its keys (the
 * order of first appearance in page order), because listings of a table
 * (suggestions, symbol lists) must come out as a clean build gives them.
 */
import { navigationTitles, pageTitle } from '../index/page-titles.js';
import { buildSiteIndex, type SiteIndex } from '../index/site-index.js';
import { compareStrings } from '../load/find-sources.js';
import type { ParsedPage } from '../model/types.js';
import { DependencySet, type TablePath } from './dependencies.js';
import { pageEnd, pageStart, type Located } from './page-order.js';

/** How each table of the index holds what pages give it. */
type TableShape = 'lists' | 'single' | 'set' | 'nested';

const tableShapes: Record<string, TableShape> = {
  pagesByUrl: 'single',
  descriptions: 'lists',
  entriesByKey: 'nested',
  entriesById: 'lists',
  referencedKeyPaths: 'set',
  navigation: 'single',
  navigationTargets: 'set',
  exampleFolders: 'lists',
};

/**
 * Tables made from the others once every page is in (a page's title may
 * come from a navigation file): the keys a change touches are made again.
 */
const derivedTables = new Set(['titles']);

export interface PageChange {
  before: ParsedPage | null;
  after: ParsedPage | null;
}

interface Contribution {
  page: ParsedPage;
  value: unknown;
}

type AnyTable = Map<unknown, unknown> | Set<unknown>;

/**
 * One table and, for `single`, `set` and `nested` tables (where the index
 * keeps one value, a bare member or a table of its own), which pages give
 * each key, in page order.
 */
class TableState {
  readonly contributors = new Map<unknown, Contribution[]>();
  readonly inner = new Map<unknown, TableState>();

  constructor(
    readonly path: TablePath,
    readonly shape: TableShape,
  ) {}
}

/** An update in two steps: what it touches (to read values before), then the change itself. */
export interface IndexUpdatePlan {
  changes: PageChange[];
  /** Dependency keys (`DependencySet.keyOf`) whose value may change. */
  touched: Set<string>;
  /** The touched keys of each table, by table path. */
  touchedByTable: Map<TablePath, Set<unknown>>;
  shares: Map<ParsedPage, SiteIndex>;
}

export class IndexUpdater {
  private readonly tables = new Map<string, TableState>();
  /**
   * A key a page takes out stays in its table, empty, until every page has
   * come in: a key a changed page gives again keeps its place in the table.
   */
  private readonly afterAdding: Array<() => void> = [];
  /** False when the index has a table this updater does not know: every update rebuilds it whole. */
  private readonly incremental: boolean;

  constructor(readonly index: SiteIndex) {
    this.incremental = Object.keys(index).every((name) => name === 'pages' || name in tableShapes || derivedTables.has(name));
    if (!this.incremental) return;
    for (const [name, shape] of Object.entries(tableShapes)) {
      const table = new TableState(name, shape);
      this.tables.set(name, table);
      if (shape === 'nested') this.seedNested(table, this.tableOf(name));
    }
    // Only lists say which pages gave a key: ask each page once for the other tables.
    const remembered = [...this.tables.values()].filter((table) => table.shape !== 'lists');
    for (const page of index.pages) {
      const share = buildSiteIndex([page]);
      for (const table of remembered) {
        const shareTable = tableOf(share, table.path);
        for (const key of shareTable instanceof Set ? shareTable : shareTable.keys()) {
          pushTo(table.contributors, key, { page, value: shareTable instanceof Set ? key : shareTable.get(key) });
        }
      }
    }
  }

  plan(changes: PageChange[]): IndexUpdatePlan {
    const shares = new Map<ParsedPage, SiteIndex>();
    const touched = new Set<string>();
    const touchedByTable = new Map<TablePath, Set<unknown>>();
    const touch = (path: TablePath, key: unknown) => {
      touched.add(DependencySet.keyOf(path, key));
      let keys = touchedByTable.get(path);
      if (!keys) touchedByTable.set(path, (keys = new Set()));
      keys.add(key);
    };
    for (const change of changes) {
      for (const page of [change.before, change.after]) {
        if (!page || shares.has(page)) continue;
        const share = buildSiteIndex([page]);
        shares.set(page, share);
        forEachKeyOf(share, touch);
        // The title of the page itself, and of every page its navigation links name.
        if (page.kind === 'page') touch('titles', page.url);
        if (page.navigation) for (const url of navigationTitles(page.navigation).keys()) touch('titles', url);
      }
    }
    return { changes, touched, touchedByTable, shares };
  }

  /**
   * Applies a plan; `pages` is the new page list, in path order (as
   * `findSources` lists them). Its work grows with the changed pages and
   * what they give, not with the site, unless keys must be put back in order.
   */
  apply(plan: IndexUpdatePlan, pages: ParsedPage[]): void {
    if (!this.incremental) {
      Object.assign(this.index, buildSiteIndex(pages));
      return;
    }
    const pagesByUrlBefore = this.index.pagesByUrl;
    const firstBefore = new Map<TablePath, Map<unknown, string>>();
    for (const [path, keys] of plan.touchedByTable) {
      if (derivedTables.has(path)) continue;
      const firsts = new Map<unknown, string>();
      for (const key of keys) {
        const first = this.firstPage(path, key);
        if (first) firsts.set(key, first.file);
      }
      firstBefore.set(path, firsts);
    }
    // Every page that goes, then every page that comes: lists then only ever hold current pages.
    for (const { before } of plan.changes) {
      if (!before) continue;
      for (const [name, table] of this.tables) this.remove(table, this.tableOf(name), tableOf(plan.shares.get(before)!, name), before);
    }
    for (const { after } of plan.changes) {
      if (!after) continue;
      for (const [name, table] of this.tables) this.add(table, this.tableOf(name), tableOf(plan.shares.get(after)!, name), after);
    }
    for (const settleRemoval of this.afterAdding.splice(0)) settleRemoval();
    this.index.pages = pages;
    const changedFiles = new Set(plan.changes.flatMap(({ before, after }) => [before?.file, after?.file]).filter((file) => file !== undefined));
    for (const [path, keys] of plan.touchedByTable) {
      if (!derivedTables.has(path)) this.reorder(path, keys, firstBefore.get(path)!, changedFiles, plan);
    }
    this.updateTitles((plan.touchedByTable.get('titles') ?? new Set()) as Set<string>, pagesByUrlBefore);
  }

  /** Makes again the titles of the pages a change may have renamed, in the order of `pagesByUrl` as a clean index has them. */
  private updateTitles(urls: Set<string>, pagesByUrlBefore: SiteIndex['pagesByUrl']): void {
    const { titles, pagesByUrl, navigation } = this.index;
    let added = false;
    for (const url of urls) {
      const page = pagesByUrl.get(url);
      if (!page) {
        titles.delete(url);
        continue;
      }
      added ||= !titles.has(url);
      titles.set(url, pageTitle(page, navigation));
    }
    // A new key goes last, and a reordered `pagesByUrl` (a new object) moves others: follow it.
    if (added || pagesByUrl !== pagesByUrlBefore) {
      this.index.titles = new Map([...pagesByUrl].map(([url, page]) => [url, titles.get(url) ?? pageTitle(page, navigation)]));
    }
  }

  private tableOf(name: string): AnyTable {
    return (this.index as unknown as Record<string, AnyTable>)[name]!;
  }

  private stateOf(path: TablePath): TableState | undefined {
    const [name, ...rest] = path.split('/');
    const table = this.tables.get(name!);
    return rest.length > 0 ? table?.inner.get(rest.join('/')) : table;
  }

  private seedNested(table: TableState, current: AnyTable): void {
    for (const key of (current as Map<unknown, unknown>).keys()) {
      table.inner.set(key, new TableState(`${table.path}/${String(key)}`, 'lists'));
    }
  }

  /** The first page, in page order, that gives `key` to the table at `path`. */
  private firstPage(path: TablePath, key: unknown): ParsedPage | null {
    const state = this.stateOf(path);
    if (!state && !path.includes('/')) return null;
    const shape = state?.shape ?? 'lists';
    if (shape === 'lists') return ((tableOf(this.index, path) as Map<unknown, Located[]>).get(key) ?? [])[0]?.page ?? null;
    return state!.contributors.get(key)?.[0]?.page ?? null;
  }

  private remove(table: TableState, current: AnyTable, share: AnyTable, page: ParsedPage): void {
    if (table.shape === 'nested') {
      const outer = current as Map<unknown, Map<unknown, unknown>>;
      for (const [key, innerShare] of share as Map<unknown, Map<unknown, unknown>>) {
        removeContribution(table.contributors, key, page);
        const inner = outer.get(key);
        const state = table.inner.get(key);
        if (inner && state) this.remove(state, inner, innerShare, page);
        // The key goes with the last page that gives it, even an empty table of its own, as in a clean build.
        this.afterAdding.push(() => {
          if (table.contributors.get(key)?.length !== 0) return;
          table.contributors.delete(key);
          outer.delete(key);
          table.inner.delete(key);
        });
      }
      return;
    }
    for (const key of share instanceof Set ? share : share.keys()) {
      if (table.shape === 'lists') {
        const map = current as Map<unknown, Located[]>;
        map.set(key, withoutPage(map.get(key) ?? [], page));
        this.afterAdding.push(() => {
          if (map.get(key)?.length === 0) map.delete(key);
        });
        continue;
      }
      const kept = removeContribution(table.contributors, key, page);
      if (kept.length > 0) settle(table, current, key, kept);
      this.afterAdding.push(() => {
        if (table.contributors.get(key)?.length !== 0) return;
        table.contributors.delete(key);
        settle(table, current, key, []);
      });
    }
  }

  private add(table: TableState, current: AnyTable, share: AnyTable, page: ParsedPage): void {
    if (table.shape === 'nested') {
      const outer = current as Map<unknown, Map<unknown, unknown>>;
      for (const [key, innerShare] of share as Map<unknown, Map<unknown, unknown>>) {
        addContribution(table.contributors, key, { page, value: innerShare });
        let inner = outer.get(key);
        let state = table.inner.get(key);
        if (!inner || !state) {
          outer.set(key, (inner = new Map()));
          table.inner.set(key, (state = new TableState(`${table.path}/${String(key)}`, 'lists')));
        }
        this.add(state, inner, innerShare, page);
      }
      return;
    }
    for (const key of share instanceof Set ? share : share.keys()) {
      if (table.shape === 'lists') {
        const map = current as Map<unknown, Located[]>;
        map.set(key, withPage(map.get(key) ?? [], (share as Map<unknown, Located[]>).get(key)!, page));
        continue;
      }
      const updated = addContribution(table.contributors, key, { page, value: share instanceof Set ? key : share.get(key) });
      settle(table, current, key, updated);
    }
  }

  /**
   * Puts the keys of a table back in clean-build order when the update may
   * have moved them: by the position of the first page that gives each key,
   * then by the key's order within that page's share.
   */
  private reorder(
    path: TablePath,
    touchedKeys: Set<unknown>,
    firstBefore: Map<unknown, string>,
    changedFiles: Set<string>,
    plan: IndexUpdatePlan,
  ): void {
    const current = tableOf(this.index, path);
    const firstAfter = new Map<unknown, ParsedPage>();
    for (const key of touchedKeys) {
      const first = this.firstPage(path, key);
      if (first) firstAfter.set(key, first);
    }
    // Pages whose keys must be ranked by their share: those that became first for a key.
    const ranked = new Set<ParsedPage>();
    for (const [key, first] of firstAfter) {
      if (firstBefore.get(key) !== first.file) ranked.add(first);
    }
    // A changed page that stays first for the same keys in the same order leaves the table as it was.
    for (const file of changedFiles) {
      const before = [...firstBefore].filter(([, first]) => first === file).map(([key]) => key);
      const after = [...firstAfter].filter(([, first]) => first.file === file);
      const afterKeys = after.map(([key]) => key);
      if (after.length > 0 && !sameOrder(before, afterKeys, plan, file, path)) ranked.add(after[0]![1]);
    }
    if (ranked.size === 0) return;
    const keys = [...(current instanceof Set ? current : current.keys())];
    const ordinals = new Map<ParsedPage, Map<unknown, number>>();
    const ordinalIn = (page: ParsedPage, key: unknown): number => {
      let order = ordinals.get(page);
      if (!order) {
        const share = tableOf(plan.shares.get(page) ?? buildSiteIndex([page]), path);
        order = new Map([...(share instanceof Set ? share : share.keys())].map((shareKey, at) => [shareKey, at]));
        ordinals.set(page, order);
      }
      return order.get(key) ?? 0;
    };
    const sorted = keys
      .map((key, at) => {
        const first = firstAfter.get(key) ?? this.firstPage(path, key)!;
        return { key, page: first.relativePath, ordinal: ranked.has(first) ? ordinalIn(first, key) : at };
      })
      .sort((a, b) => compareStrings(a.page, b.page) || a.ordinal - b.ordinal);
    if (sorted.every((item, at) => item.key === keys[at])) return;
    const reordered: AnyTable = current instanceof Set ? new Set(sorted.map((item) => item.key)) : new Map(sorted.map((item) => [item.key, current.get(item.key)]));
    const [name, ...rest] = path.split('/');
    if (rest.length > 0) (this.tableOf(name!) as Map<unknown, unknown>).set(rest.join('/'), reordered);
    else (this.index as unknown as Record<string, AnyTable>)[name!] = reordered;
  }
}

/** Whether a changed page's keys, among those it is first for, kept their order within the page. */
function sameOrder(before: unknown[], after: unknown[], plan: IndexUpdatePlan, file: string, path: TablePath): boolean {
  if (before.length !== after.length) return false;
  const shareOrder = (page: ParsedPage | null | undefined, keys: unknown[]): unknown[] => {
    if (!page) return keys;
    const share = tableOf(plan.shares.get(page)!, path);
    const wanted = new Set(keys);
    return [...(share instanceof Set ? share : share.keys())].filter((key) => wanted.has(key));
  };
  const change = plan.changes.find((candidate) => (candidate.after ?? candidate.before)?.file === file);
  const left = shareOrder(change?.before, before);
  const right = shareOrder(change?.after, after);
  return left.length === right.length && left.every((key, at) => key === right[at]);
}

/** A `single` table holds the value of the last page in order, as `Map.set` in page order leaves it; a `set` holds the key. */
function settle(table: TableState, current: AnyTable, key: unknown, contributions: Contribution[]): void {
  if (table.shape === 'set') {
    if (contributions.length === 0) (current as Set<unknown>).delete(key);
    else (current as Set<unknown>).add(key);
  } else if (contributions.length === 0) {
    (current as Map<unknown, unknown>).delete(key);
  } else {
    (current as Map<unknown, unknown>).set(key, contributions.at(-1)!.value);
  }
}

/**
 * Every key of every table of `share` (a page's share of the index, as
 * `buildSiteIndex([page])` makes it), by table path: what the page gives
 * the site, and so what a change of the page may alter.
 */
export function forEachKeyOf(share: SiteIndex, visit: (path: TablePath, key: unknown) => void): void {
  for (const [name, shape] of Object.entries(tableShapes)) {
    const table = tableOf(share, name);
    if (shape === 'nested') {
      for (const [outer, inner] of table as Map<unknown, Map<unknown, unknown>>) {
        visit(name, outer);
        for (const key of inner.keys()) visit(`${name}/${String(outer)}`, key);
      }
    } else {
      for (const key of table instanceof Set ? table : table.keys()) visit(name, key);
    }
  }
}

/** `descriptions` or `entriesByKey/python` of an index; an empty table when absent. */
export function tableOf(index: SiteIndex, path: TablePath): AnyTable {
  const [name, ...rest] = path.split('/');
  let table = (index as unknown as Record<string, AnyTable | undefined>)[name!];
  if (rest.length > 0) table = (table as Map<string, AnyTable> | undefined)?.get(rest.join('/'));
  return table ?? new Map();
}

/** `list` without what `page` gave; a new list, since the index's lists are values pages read. */
function withoutPage<T extends Located>(list: T[], page: ParsedPage): T[] {
  return list.filter((item) => item.page !== page);
}

/** `list` (in page order) with what `page` gives, `incoming`, at the page's place; a new list. */
function withPage<T extends Located>(list: T[], incoming: T[], page: ParsedPage): T[] {
  const at = pageEnd(list, page);
  return [...list.slice(0, at), ...incoming, ...list.slice(at)];
}

/*
 * The contributors of a key are the updater's own, changed in place: a
 * language has a contributor in most pages of a site, and finding a page's
 * place by halves keeps an update from walking them all.
 */

function removeContribution(contributors: Map<unknown, Contribution[]>, key: unknown, page: ParsedPage): Contribution[] {
  const list = contributors.get(key) ?? [];
  let at = pageStart(list, page);
  while (at < list.length && list[at]!.page !== page && list[at]!.page.relativePath === page.relativePath) at += 1;
  if (list[at]?.page === page) list.splice(at, 1);
  contributors.set(key, list);
  return list;
}

function addContribution(contributors: Map<unknown, Contribution[]>, key: unknown, contribution: Contribution): Contribution[] {
  const list = contributors.get(key) ?? [];
  list.splice(pageEnd(list, contribution.page), 0, contribution);
  contributors.set(key, list);
  return list;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
