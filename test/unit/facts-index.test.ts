/**
 * The index built from facts holds stand-ins for pages and entries: each
 * must read, field for field, as the parsed page or entry it stands for,
 * whatever fields the model gains.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleIds } from '../../src/check/rules/index.js';
import { loadConfig } from '../../src/config/config.js';
import { buildFactsIndex, EntryStandIn, PageStandIn } from '../../src/index/facts-index.js';
import { jsonWithoutPlaces, pageFacts, placeField } from '../../src/index/page-facts.js';
import { buildSiteIndex } from '../../src/index/site-index.js';
import { PageReader } from '../../src/load/page-reader.js';
import { loadSite } from '../../src/pipeline/load-site.js';
import { repoRoot } from '../helpers/run-cli.js';

const sites = [repoRoot, ...['real-reference-shapes', 'openapi-drift', 'clean-reference-page'].map((name) => path.join(repoRoot, 'test', 'fixtures', name))];

describe('the index built from facts', () => {
  for (const cwd of sites) {
    it(`reads as the index of parsed pages: ${path.relative(repoRoot, cwd) || 'the bundled site'}`, () => {
      expect(fs.existsSync(cwd)).toBe(true);
      const config = loadConfig({ cwd, ruleIds, overrides: { cache: false } });
      const pages = loadSite(config, { keepTrees: false, cache: false }).index.pages;
      const whole = buildSiteIndex(pages);
      const fromFacts = buildFactsIndex(pages.map(pageFacts), new PageReader(null));
      expect([...fromFacts.titles]).toEqual([...whole.titles]);
      expect([...fromFacts.referencedKeyPaths]).toEqual([...whole.referencedKeyPaths]);
      expect([...fromFacts.descriptions.keys()]).toEqual([...whole.descriptions.keys()]);
      for (const [keyPath, definitions] of whole.descriptions) {
        expect(fromFacts.descriptions.get(keyPath)!.map(({ value, page }) => [value, page.relativePath])).toEqual(definitions.map(({ value, page }) => [value, page.relativePath]));
      }
      expect([...fromFacts.entriesByKey.keys()]).toEqual([...whole.entriesByKey.keys()]);
      let entries = 0;
      for (const [language, byKey] of whole.entriesByKey) {
        expect([...fromFacts.entriesByKey.get(language)!.keys()]).toEqual([...byKey.keys()]);
        for (const [key, located] of byKey) {
          const standIns = fromFacts.entriesByKey.get(language)!.get(key)!;
          located.forEach(({ value }, at) => {
            const standIn = standIns[at]!.value;
            expect(standIn).toBeInstanceOf(EntryStandIn);
            // Every field the parsed entry has, read through the stand-in.
            for (const field of Object.keys(value)) expect((standIn as unknown as Record<string, unknown>)[field], `${key}.${field}`).toEqual((value as unknown as Record<string, unknown>)[field]);
            entries += 1;
          });
        }
      }
      expect([...fromFacts.entriesById.keys()]).toEqual([...whole.entriesById.keys()]);
      for (const [at, page] of pages.entries()) {
        const standIn = fromFacts.pages[at]!;
        expect(standIn).toBeInstanceOf(PageStandIn);
        for (const field of Object.keys(page)) expect((standIn as unknown as Record<string, unknown>)[field], `${page.relativePath}: ${field}`).toEqual((page as unknown as Record<string, unknown>)[field]);
      }
      expect(entries).toBeGreaterThan(0);
    });
  }
});

describe('an entry’s content hash', () => {
  const withReplacer = (value: unknown) => JSON.stringify(value, (name, field: unknown) => (placeField.test(name) ? undefined : field));

  it('writes every entry of every fixture as JSON.stringify with the places left out, byte for byte', () => {
    const fixtures = fs.readdirSync(path.join(repoRoot, 'test', 'fixtures')).map((name) => path.join(repoRoot, 'test', 'fixtures', name));
    let entries = 0;
    for (const cwd of [repoRoot, ...fixtures]) {
      if (!fs.existsSync(path.join(cwd, 'content'))) continue;
      const config = loadConfig({ cwd, ruleIds, overrides: { cache: false } });
      for (const page of loadSite(config, { keepTrees: false, cache: false }).index.pages) {
        for (const list of Object.values(page.reference)) {
          for (const entry of list) {
            entries += 1;
            expect(jsonWithoutPlaces(entry), `${page.relativePath} ${entry.key}`).toBe(withReplacer(entry));
          }
        }
      }
    }
    expect(entries).toBeGreaterThan(50);
  });

  it('leaves out what JSON leaves out and escapes what JSON escapes', () => {
    const odd = {
      key: 'a "quoted"\n\u2028 key',
      place: { line: 1 },
      keyPlace: { line: 2 },
      items: [undefined, () => 1, 1.5, Number.NaN, null, { typeRange: [1, 2], nested: { place: 1, kept: true } }],
      missing: undefined,
      extra: { '2': 'second', '1': 'first', name: 'x' },
      urlPlaces: [],
    };
    expect(jsonWithoutPlaces(odd)).toBe(withReplacer(odd));
  });
});
