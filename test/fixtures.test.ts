/**
 * Fixture suite: every folder under `test/fixtures/` is a tiny site
 * (`content/`, optionally `examples/` and `polyref.config.json`) with its
 * diagnostics pinned whole in `expected.json`. A folder that also holds
 * `expected.html` is built, and the `<main>` of its one page is pinned too.
 *
 * `UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts` rewrites the
 * expected files from what polyref reports now; read every changed line
 * before keeping it. Scenarios listed in `knownBugs` pin what polyref should
 * report and are never rewritten.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ruleIds } from '../src/check/rules/index.js';
import { loadConfig } from '../src/config/config.js';
import { findSources } from '../src/load/find-sources.js';
import { builtinTemplates } from '../src/load/template-files.js';
import { runBuild } from '../src/pipeline/build.js';
import { runCheck } from '../src/pipeline/check.js';
import type { FileFindings } from '../src/report/to-vfiles.js';

const fixturesRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const update = process.env.UPDATE_FIXTURES === '1';

/** One line of `expected.json`: a diagnostic, its file relative to the content root. */
interface PinnedDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  ruleId: string;
  message: string;
}

/**
 * Expected files that state what polyref should do and does not do yet, by
 * scenario (`expected.json`) or `scenario/expected.html`. Their tests run as
 * expected failures, so a fix shows up as a failing test that asks for its
 * entry to be removed here; update mode never rewrites them.
 */
const knownBugs: Record<string, string> = {
};

/** Fixtures whose point is their raw bytes: guard them against editors and Git normalising them. */
const rawBytes: Record<string, (bytes: Buffer) => boolean> = {
  'crlf-line-endings/content/widget.mdx': (bytes) => bytes.includes('\r\n') && !/(?<!\r)\n/.test(bytes.toString('latin1')),
  'utf8-bom/content/widget.mdx': (bytes) => bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])),
  'utf8-bom/content/inline.mdx': (bytes) => bytes.subarray(0, 4).equals(Buffer.from([0xef, 0xbb, 0xbf, 0x3c])),
  'utf8-bom/content/bom-crlf.mdx': (bytes) =>
    bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) && bytes.includes('\r\n') && !/(?<!\r)\n/.test(bytes.toString('latin1')),
  'non-utf8-file/content/cafe.mdx': (bytes) => bytes.includes(0xe9) && !bytes.includes(Buffer.from('é')),
  'tab-indented-block/content/widget.mdx': (bytes) => bytes.includes('\n\tcurl:'),
  'empty-file/content/empty.mdx': (bytes) => bytes.length === 0,
};

const scenarios = fs
  .readdirSync(fixturesRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const temporaryFolders: string[] = [];
afterAll(() => {
  for (const folder of temporaryFolders) fs.rmSync(folder, { recursive: true, force: true });
});

function configFor(scenario: string, out?: string, cache?: string) {
  const cwd = path.join(fixturesRoot, scenario);
  return loadConfig({ cwd, ruleIds, overrides: { ...(out ? { out } : {}), ...(cache ? { cache } : {}) } });
}

function pin(results: FileFindings[], contentRoot: string): PinnedDiagnostic[] {
  return results.flatMap(({ file, findings }) =>
    findings.map((finding) => ({
      file: path.relative(contentRoot, file).split(path.sep).join('/'),
      line: finding.place.line,
      column: finding.place.column,
      endLine: finding.place.endLine,
      endColumn: finding.place.endColumn,
      severity: finding.severity,
      ruleId: finding.ruleId,
      message: finding.message,
    })),
  );
}

function readExpected<T>(file: string, parse: (text: string) => T): T | undefined {
  return fs.existsSync(file) ? parse(fs.readFileSync(file, 'utf8')) : undefined;
}

/** Writes `actual` over the expected file in update mode, else compares with it. */
function compare(bugKey: string, file: string, actual: string): void {
  if (update && !knownBugs[bugKey]) {
    fs.writeFileSync(file, actual);
    return;
  }
  expect(fs.existsSync(file), `${path.relative(fixturesRoot, file)} is missing: run with UPDATE_FIXTURES=1`).toBe(true);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

function mainOf(html: string): string {
  const main = /<main\b[^>]*>[\s\S]*?<\/main>/.exec(html);
  expect(main, 'the page has a <main> element').not.toBeNull();
  return `${main![0]}\n`;
}

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function count(text: string, needle: RegExp): number {
  return text.match(needle)?.length ?? 0;
}

describe('fixture diagnostics', () => {
  for (const scenario of scenarios) {
    const test = knownBugs[scenario] ? it.fails : it;
    test(`${scenario}`, async () => {
      // From an empty cache, then from the cache that run filled: the index then holds facts of pages not read again.
      const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'polyref-fixture-cache-'));
      temporaryFolders.push(cache);
      const config = configFor(scenario, undefined, cache);
      const actual = pin(await runCheck(config, { paths: [] }), config.content);
      const warm = pin(await runCheck(config, { paths: [] }), config.content);
      expect(warm, 'the same findings from a warm cache').toEqual(actual);
      const expectedFile = path.join(fixturesRoot, scenario, 'expected.json');
      if (update && !knownBugs[scenario]) {
        compare(scenario, expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      const expected = readExpected(expectedFile, (text) => JSON.parse(text) as PinnedDiagnostic[]);
      expect(expected, `${scenario}/expected.json is missing: run with UPDATE_FIXTURES=1`).toBeDefined();
      expect(actual).toEqual(expected);
    });
  }
});

describe('fixture HTML', () => {
  // Scripts may come from polyref's own templates only: an asset, or inline code a template holds verbatim.
  const templateText = filesUnder(builtinTemplates)
    .filter((file) => file.endsWith('.hbs'))
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
  const isTemplateScript = (tag: string, body: string): boolean => {
    const src = /\ssrc="([^"]*)"/.exec(tag)?.[1];
    return src !== undefined ? /^\/(?:[^/]+\/)*assets\/[\w.-]+\.js$/.test(src) && body === '' : body.trim() !== '' && templateText.includes(body);
  };

  for (const scenario of scenarios.filter((name) => fs.existsSync(path.join(fixturesRoot, name, 'expected.html')))) {
    const bugKey = `${scenario}/expected.html`;
    const test = knownBugs[bugKey] ? it.fails : it;
    test(`${scenario}`, async () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), `polyref-fixture-${scenario}-`));
      temporaryFolders.push(out);
      const config = configFor(scenario, path.join(out, 'site'));
      const result = await runBuild(config);
      const errors = pin(result.results, config.content).filter((diagnostic) => diagnostic.severity === 'error');
      expect(errors).toEqual([]);
      expect(result.written).not.toBeNull();

      const pages = findSources(config.content).filter((source) => source.kind === 'page');
      expect(pages, 'an HTML fixture has one page').toHaveLength(1);
      const pageFile = path.join(config.out, pages[0]!.url, 'index.html');
      const pageHtml = fs.readFileSync(pageFile, 'utf8');
      compare(bugKey, path.join(fixturesRoot, scenario, 'expected.html'), mainOf(pageHtml));

      const ids = [...pageHtml.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]);
      expect(ids.filter((id, position) => ids.indexOf(id) !== position), 'ids used twice').toEqual([]);

      for (const file of filesUnder(config.out)) {
        const text = fs.readFileSync(file, 'utf8');
        const where = path.relative(config.out, file);
        expect(text.toLowerCase().includes('javascript:'), `${where} holds \`javascript:\``).toBe(false);
        if (!file.endsWith('.html')) {
          if (!file.endsWith('.js')) expect(text, `${where} holds a <script>`).not.toMatch(/<script\b/i);
          continue;
        }
        const scripts = [...text.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)];
        expect(scripts.length, `${where} holds an unclosed <script>`).toBe(count(text, /<script\b/gi));
        for (const [, tag, body] of scripts) expect(isTemplateScript(tag!, body!), `${where} holds a <script> from content: ${tag}${body}`).toBe(true);
        if (/<main\b/.test(text)) expect(mainOf(text)).not.toMatch(/<script\b/i);
        expect(text, `${where} holds an event handler attribute`).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      }
    });
  }
});

describe('fixture bytes', () => {
  for (const [file, holds] of Object.entries(rawBytes)) {
    it(`${file} keeps the bytes it tests`, () => {
      expect(holds(fs.readFileSync(path.join(fixturesRoot, file)))).toBe(true);
    });
  }
});
