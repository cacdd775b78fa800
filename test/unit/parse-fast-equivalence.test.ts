import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the generator is plain JavaScript without declarations.
import { generateSite } from '../../bench/generate.js';
import { findSources, type SourceFile } from '../../src/load/find-sources.js';
import { readPageFrontmatter, type PageFrontmatter } from '../../src/parse/page-frontmatter.js';
import { parsePage } from '../../src/parse/parse-page.js';
import { generateFrontmatter, type Variant } from '../helpers/frontmatter-generator.js';
import { repoRoot } from '../helpers/run-cli.js';

/**
 * The fast YAML reader (js-yaml) and the reference one (`yaml`) must give
 * the same page on every input, places and diagnostics included. The fast
 * one may give up on a page (the reference then reads it); what it does
 * read must be exactly what the reference reads.
 */
const read = (yaml: string, parser: 'fast' | 'reference', isNavigation = false): PageFrontmatter =>
  readPageFrontmatter(yaml, 2, 4, isNavigation, parser);

/**
 * Node's deep equality, which, unlike vitest's, takes an own `__proto__`
 * property as the data it is; vitest's diff explains a failure.
 */
function expectEqual(actual: unknown, expected: unknown, label?: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, label).toStrictEqual(expected);
}

function expectSameAsReference(yaml: string, isNavigation = false): PageFrontmatter {
  const fast = read(yaml, 'fast', isNavigation);
  const reference = read(yaml, 'reference', isNavigation);
  expectEqual({ frontmatter: fast.frontmatter, diagnostics: fast.diagnostics }, { frontmatter: reference.frontmatter, diagnostics: reference.diagnostics });
  return fast;
}

describe('parse-fast: generated frontmatter', () => {
  const runs = Number(process.env.PARSE_FAST_RUNS ?? 400);
  for (const variant of ['clean', 'exotic', 'mutated'] as Variant[]) {
    it(`parse-fast agrees with the reference on ${variant} YAML`, () => {
      let taken = 0;
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.boolean(), (seed, isNavigation) => {
          const yaml = generateFrontmatter(seed, variant);
          const fast = read(yaml, 'fast', isNavigation);
          if (fast.readBy !== 'fast') return;
          taken += 1;
          const reference = read(yaml, 'reference', isNavigation);
          expectEqual(fast.frontmatter, reference.frontmatter, yaml);
          expectEqual(fast.diagnostics, reference.diagnostics, yaml);
        }),
        { numRuns: runs },
      );
      // The comparison only counts where the fast reader ran: make sure it did, often.
      expect(taken).toBeGreaterThan(runs * (variant === 'clean' ? 0.12 : 0.03));
    });
  }
});

describe('parse-fast: real pages', () => {
  const roots = ['content', 'test/fixtures', '../shared/examples'].map((root) => path.resolve(repoRoot, root)).filter((root) => fs.existsSync(root));
  const sources = roots.flatMap((root) => findSources(root));

  it('parse-fast gives the same ParsedPage as the reference for every file under content/ and test/fixtures/', () => {
    expect(sources.length).toBeGreaterThan(40);
    for (const source of sources) {
      const bytes = fs.readFileSync(source.file);
      for (const keepTree of [false, true]) {
        const fast = parsePage(source, bytes, { keepTree, yamlParser: 'fast' });
        const reference = parsePage(source, bytes, { keepTree, yamlParser: 'reference' });
        expectEqual(fast, reference, source.file);
      }
    }
  });

  it('parse-fast reads every clean page of the bundled example site itself', () => {
    const clean = findSources(path.join(repoRoot, 'content'));
    for (const source of clean) {
      const text = fs.readFileSync(source.file, 'utf8');
      const match = /^---\r?\n([\s\S]*?)^---/m.exec(text);
      if (!match) continue;
      const result = read(match[1]!, 'fast', source.kind === 'navigation');
      if (result.diagnostics.length === 0) expect(result.readBy, source.relativePath).toBe('fast');
    }
  });

  it('parse-fast reads every generated benchmark page itself, with the reference’s result', () => {
    const site = generateSite({ pages: 40, seed: 7 }) as { files: Array<{ path: string; text: string }> };
    const pages = site.files.filter((file) => file.path.endsWith('.mdx'));
    expect(pages.length).toBeGreaterThan(30);
    for (const file of pages) {
      const relativePath = file.path.replace(/^content\//, '');
      const source: SourceFile = { file: `/site/${file.path}`, relativePath, kind: relativePath.endsWith('_navigation.mdx') ? 'navigation' : 'page', url: '/' };
      const bytes = Buffer.from(file.text);
      expectEqual(parsePage(source, bytes, { keepTree: false, yamlParser: 'fast' }), parsePage(source, bytes, { keepTree: false, yamlParser: 'reference' }), file.path);
      const yaml = /^---\n([\s\S]*?)^---/m.exec(file.text)![1]!;
      expect(read(yaml, 'fast', source.kind === 'navigation').readBy, file.path).toBe('fast');
    }
  });
});

describe('parse-fast: constructs the fast reader places itself', () => {
  const cases: Record<string, string> = {
    'folded and literal descriptions': 'descriptions:\n  a: >\n    folded\n    text\n\n  b: |-\n    literal\n      more\n  c: >+\n    kept\n\n\nreference:\n  go:\n    - key: A\n      description: |\n        (a)\n',
    'plain scalars over several lines': 'descriptions:\n  a: one\n    two\n\n    three\nreference:\n  go:\n    - key: A\n      description:\n        (a)\n',
    'quoted scalars over several lines': "descriptions:\n  a: 'one\n    two''s'\n  b: \"x\\\n    y \\u00e9\"\n",
    'CRLF line endings': 'title: T\r\ndescriptions:\r\n  a: >\r\n    x\r\n    y\r\nreference:\r\n  go:\r\n  - key: A\r\n    description: (a)\r\n',
    'comments and blank lines': '# top\ntitle: T # trailing\n\ndescriptions:\n  # inside\n  a: x   # c\n\nreference:\n  go:\n    - key: A # k\n      properties:\n      - key: p\n        type: int\n        description: (a)\n',
    'typed plain values': 'order: 0x10\nflag: True\nnone: ~\nratio: 1.50\nwhen: 2001-12-14\nreference:\n  go:\n    - key: 1.0\n      sendsEmail: false\n      note:\n',
    'keys that name Object members': '__proto__: x\nconstructor: y\nreference:\n  __proto__:\n    - key: A\n',
    'navigation links without url': 'title: Nav\nlinks:\n  - title: A\n    links:\n      - title: B\n        url: /b\n',
  };
  for (const [name, yaml] of Object.entries(cases)) {
    it(`parse-fast reads ${name} as the reference does`, () => {
      const result = expectSameAsReference(yaml, name.startsWith('navigation'));
      expect(result.readBy).toBe('fast');
    });
  }

  it('parse-fast keeps a `__proto__` key as data rather than as a prototype', () => {
    const result = expectSameAsReference('__proto__:\n  polluted: true\n');
    expect(Object.keys(result.frontmatter!.data)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parse-fast: what it leaves to the reference', () => {
  const cases: Record<string, string> = {
    anchors: 'a: &x 1\nb: *x\n',
    tags: 'title: !!str 1\n',
    'flow collections': 'reference: { go: [ { key: A } ] }\n',
    tabs: 'title:\tT\n',
    'explicit keys': '? title\n: T\n',
    'keys equal only once typed': '1: a\n01: b\n',
    'a syntax error': 'title: [\n',
    'a shape error': 'reference:\n  go:\n    key: A\n',
    'an explicit indentation indicator': 'descriptions:\n  a: |2\n     x\n',
    'a comment after a list': 'reference:\n  go:\n    - key: A\n      # end\n',
    // js-yaml keeps the white space that ends a line inside a quoted scalar; YAML drops it.
    'a quoted line ending in a space': "descriptions:\n  a: 'one \n\n    two'\n",
    'a quoted line ending in a space before CRLF': 'descriptions:\r\n  a: "one \r\n    two"\r\n',
    'a quoted line ending in a tab': "descriptions:\n  a: 'one\t\n    two'\n",
  };
  for (const [name, yaml] of Object.entries(cases)) {
    it(`parse-fast leaves ${name} to the reference, with the same result`, () => {
      expect(expectSameAsReference(yaml).readBy).toBe('reference');
    });
  }

  it('parse-fast: a self-referencing alias is one diagnostic, not a crash', () => {
    const result = expectSameAsReference('reference: &r\n  go:\n    - key: A\n      extra: *r\n');
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'frontmatter-syntax',
        message: 'Unexpected alias `*r` inside the node it refers to, expected a value that does not contain itself',
        place: { line: 5, column: 14, endLine: 5, endColumn: 16 },
      },
    ]);
  });

  it('parse-fast: absurd flow nesting is one diagnostic, not a crash', () => {
    const result = expectSameAsReference(`title: ${'['.repeat(20000)}${']'.repeat(20000)}\n`);
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'frontmatter-syntax',
        message: 'Unexpected `[` nested 256 levels deep, expected a small, finite frontmatter',
        place: { line: 2, column: 263, endLine: 2, endColumn: 263 },
      },
    ]);
  });
});
