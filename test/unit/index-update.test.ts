import { describe, expect, it } from 'vitest';
import { buildSiteIndex, type SiteIndex } from '../../src/index/site-index.js';
import { compareStrings, urlOf, type SourceFile } from '../../src/load/find-sources.js';
import type { ParsedPage } from '../../src/model/types.js';
import { parsePage } from '../../src/parse/parse-page.js';
import { IndexUpdater, type PageChange } from '../../src/pipeline/index-update.js';
import { createRandom, randomNavigationText, randomPageText, type Random } from '../helpers/random-pages.js';

function parse(relativePath: string, text: string): ParsedPage {
  const name = relativePath.split('/').at(-1)!;
  const source: SourceFile = {
    file: `/site/content/${relativePath}`,
    relativePath,
    kind: name === '_navigation.mdx' ? 'navigation' : name.startsWith('_') ? 'partial' : 'page',
    url: urlOf(relativePath),
  };
  return parsePage(source, Buffer.from(text), { keepTree: false });
}

const folders = ['', 'a/', 'a/b/', 'c/'];

function randomPath(random: Random): string {
  const folder = random.pick(folders);
  if (random.chance(0.1)) return `${folder}_navigation.mdx`;
  return `${folder}${random.pick(['index', 'one', 'two', 'three', '_shared'])}.mdx`;
}

function textFor(random: Random, relativePath: string, variant: number): string {
  return relativePath.endsWith('_navigation.mdx') ? randomNavigationText(random, ['/a', '/a/one', '/c/two', '/nowhere']) : randomPageText(random, variant);
}

/** Tables equal in content and in the order of keys and list items, pages and values by identity. */
function expectSameIndex(actual: SiteIndex, expected: SiteIndex): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  const same = (left: unknown, right: unknown, where: string): void => {
    if (left instanceof Map && right instanceof Map) {
      expect([...left.keys()], `${where}: keys`).toEqual([...right.keys()]);
      for (const [key, value] of right) same(left.get(key), value, `${where}.${String(key)}`);
    } else if (left instanceof Set && right instanceof Set) {
      expect([...left], where).toEqual([...right]);
    } else if (Array.isArray(left) && Array.isArray(right)) {
      expect(left.length, `${where}: length`).toBe(right.length);
      right.forEach((item: unknown, at) => same(left[at], item, `${where}[${at}]`));
    } else if (isLocated(left) && isLocated(right)) {
      expect(left.page === right.page, `${where}: page`).toBe(true);
      expect(left.value === right.value, `${where}: value`).toBe(true);
    } else {
      expect(left === right, where).toBe(true);
    }
  };
  for (const name of Object.keys(expected)) same((actual as unknown as Record<string, unknown>)[name], (expected as unknown as Record<string, unknown>)[name], name);
}

function isLocated(value: unknown): value is { page: unknown; value: unknown } {
  return typeof value === 'object' && value !== null && 'page' in value && 'value' in value;
}

describe('IndexUpdater', () => {
  it('keeps the index equal to a fresh one, order included, through random edits, additions and removals', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const random = createRandom(seed);
      const pages = new Map<string, ParsedPage>();
      for (let count = 0; count < 8; count++) {
        const relativePath = randomPath(random);
        pages.set(relativePath, parse(relativePath, textFor(random, relativePath, 0)));
      }
      const ordered = () => [...pages.values()].sort((a, b) => compareStrings(a.relativePath, b.relativePath));
      const updater = new IndexUpdater(buildSiteIndex(ordered()));
      for (let step = 1; step <= 25; step++) {
        const changes: PageChange[] = [];
        for (let edit = random.int(1, 3); edit > 0; edit--) {
          const relativePath = randomPath(random);
          const before = pages.get(relativePath) ?? null;
          if (changes.some((change) => (change.before ?? change.after)!.relativePath === relativePath)) continue;
          if (before && random.chance(0.25)) {
            pages.delete(relativePath);
            changes.push({ before, after: null });
          } else {
            const after = parse(relativePath, textFor(random, relativePath, step));
            pages.set(relativePath, after);
            changes.push({ before, after });
          }
        }
        const plan = updater.plan(changes);
        updater.apply(plan, ordered());
        expectSameIndex(updater.index, buildSiteIndex(ordered()));
      }
    }
  });

  it('keeps a language that a page gives with no entries, in its place, as a fresh index does', () => {
    const empty = (variant: number) => parse('a.mdx', `---\ntitle: A ${variant}\nreference:\n  js: []\n---\n`);
    const entries = parse('b.mdx', randomPageText(createRandom(3), 0).replace(/^reference:$/m, 'reference:\n  go:\n    - key: Go\n      id: go'));
    const pages = [empty(0), entries];
    const updater = new IndexUpdater(buildSiteIndex(pages));
    expect([...updater.index.entriesByKey.keys()][0]).toBe('js');
    for (let variant = 1; variant <= 2; variant++) {
      const before = pages[0]!;
      pages[0] = empty(variant);
      updater.apply(updater.plan([{ before, after: pages[0] }]), [...pages]);
      expectSameIndex(updater.index, buildSiteIndex(pages));
    }
    updater.apply(updater.plan([{ before: pages[0]!, after: null }]), [entries]);
    expectSameIndex(updater.index, buildSiteIndex([entries]));
  });

  it('names as touched every key the changed page gave or gives', () => {
    const before = parse('a/one.mdx', randomPageText(createRandom(7), 1));
    const after = parse('a/one.mdx', '---\ndescriptions:\n  fresh:\n    self: New.\n---\n');
    const updater = new IndexUpdater(buildSiteIndex([before]));
    const plan = updater.plan([{ before, after }]);
    expect(plan.touched.has('descriptions\u0000fresh')).toBe(true);
    for (const definition of before.descriptions) expect(plan.touched.has(`descriptions\u0000${definition.keyPath}`)).toBe(true);
    for (const [language, entries] of Object.entries(before.reference)) {
      expect(plan.touched.has(`entriesByKey\u0000${language}`)).toBe(true);
      for (const entry of entries) expect(plan.touched.has(`entriesByKey/${language}\u0000${entry.key}`)).toBe(true);
    }
    expect(plan.touched.has('pagesByUrl\u0000/a/one')).toBe(true);
  });
});
