import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/pipeline/build.js';
import { CodeHighlighter, highlightKey } from '../../src/render/highlight.js';
import { HighlightPool, type HighlightJob } from '../../src/render/highlight-pool.js';
import { SymbolLinker } from '../../src/render/symbol-links.js';
import { loadConfig } from '../../src/config/config.js';
import { copyExampleSite } from '../helpers/example-site.js';
import { repoRoot } from '../helpers/run-cli.js';

/** The compiled worker: `npm test` builds dist/ before it runs the tests. */
const workerScript = pathToFileURL(path.join(repoRoot, 'dist', 'render', 'highlight-worker.js'));

let highlighter: CodeHighlighter;
beforeAll(async () => {
  highlighter = await CodeHighlighter.create();
});
afterAll(() => highlighter.dispose());

function job(code: string, lang: string | null, linker = SymbolLinker.none): HighlightJob {
  const symbols = linker.ranges(code);
  return { key: highlightKey(code, lang, symbols), code, lang, symbols };
}

const grammars = ['python', 'javascript', 'bash'] as const;
const linker = SymbolLinker.of([{ key: 'list_groups', patternBefore: 'directory_sync\\.', href: '/reference/list' }]);
const jobs = [
  job('page = client.directory_sync.list_groups(limit=10)', 'py', linker),
  job('const groups = await workos.directorySync.listGroups();', 'js'),
  job('curl --request GET \\\n  --url https://api.example.com/groups', 'sh'),
  job('plain <text> & more', null),
];

describe('HighlightPool', () => {
  it('highlight-worker: runs from dist/ only', () => {
    expect(fs.existsSync(workerScript), 'dist/render/highlight-worker.js is built (run `npx tsc -p .`)').toBe(true);
    expect(HighlightPool.start(grammars, { workerScript: null })).toBeNull();
  });

  it('hands back exactly the HTML the main thread would make, symbol links included', () => {
    const pool = HighlightPool.start(grammars, { workerScript })!;
    try {
      pool.request(jobs);
      for (const { key, code, lang, symbols } of jobs) {
        expect(pool.has(key)).toBe(true);
        expect(pool.take(key)).toBe(highlighter.highlight(code, lang, symbols));
        expect(pool.has(key)).toBe(false);
      }
      expect(jobs[0] && pool.take(jobs[0].key)).toBeUndefined();
    } finally {
      pool.close();
    }
  });

  it('loads only the grammars it is given, and says so when asked for another', async () => {
    const few = await CodeHighlighter.create({ only: ['python'] });
    try {
      expect(few.highlight('x = 1', 'py')).toBe(highlighter.highlight('x = 1', 'py'));
      expect(() => few.highlight('x := 1', 'go')).toThrow('The go grammar was not loaded');
      expect(few.highlight('plain', 'no-such-language')).toBe(highlighter.highlight('plain', 'no-such-language'));
    } finally {
      few.dispose();
    }
  });

  it('costs time, never output, when its worker dies: what it was asked is left to the caller', () => {
    const dying = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polyref-highlight-')), 'dying.mjs');
    fs.writeFileSync(dying, "import { parentPort } from 'node:worker_threads';\nparentPort.once('message', () => process.exit(1));\n");
    const pool = HighlightPool.start(grammars, { workerScript: pathToFileURL(dying), stallMs: 200 })!;
    try {
      pool.request(jobs);
      expect(pool.take(jobs[1]!.key)).toBeUndefined();
      highlighter.usePool(pool);
      const { code, lang, symbols } = jobs[2]!;
      const expected = highlighter.highlight(code, lang, symbols);
      expect(expected).toContain('<span class="line">');
    } finally {
      highlighter.usePool(null);
      pool.close();
      fs.rmSync(path.dirname(dying), { recursive: true, force: true });
    }
  });
});

describe('build with a highlight worker', () => {
  it('writes the same bytes as a build without one', async () => {
    const dir = copyExampleSite('polyref-highlight-build-');
    try {
      const outputs: Array<Map<string, string>> = [];
      for (const highlightWorker of [false, true]) {
        const config = loadConfig({ cwd: dir, overrides: { out: highlightWorker ? 'out-worker' : 'out-main' } });
        const options = highlightWorker ? { highlightWorker, highlightWorkerScript: workerScript } : { highlightWorker };
        expect((await runBuild(config, options)).written).toBeGreaterThan(0);
        outputs.push(filesOf(config.out));
      }
      expect([...outputs[1]!.keys()]).toEqual([...outputs[0]!.keys()]);
      for (const [name, content] of outputs[0]!) expect(outputs[1]!.get(name), name).toBe(content);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

function filesOf(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else files.set(path.relative(root, file), fs.readFileSync(file, 'utf8'));
    }
  };
  walk(root);
  return files;
}
