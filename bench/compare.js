#!/usr/bin/env node
/**
 * polyref side by side with Eleventy and Hugo on the same pages:
 *
 *   npm run bench -- --compare [--pages 1000,4000] [--runs 1] [--no-hugo] [--no-eleventy]
 *
 * For each size, the generated MDX site (bench/generate.js) is built by
 * polyref; the Markdown copy polyref writes beside each page (the same
 * content, one table per language) is then the input of Eleventy and of
 * Hugo, each with a one-file layout. Eleventy 3.1 is installed in
 * `.bench/compare/tools`, never as a dependency of polyref; Hugo is Debian's
 * `hugo` when installed (`apt-get install hugo`). Also timed: `polyref check`
 * against the floor of reading every file and loading its frontmatter with
 * js-yaml, and the dev rebuild of one edited page (bench/compare-dev.js).
 *
 * Wall time is from spawn to exit; CPU is user + system of the process; peak
 * is its max RSS. polyref builds and checks without its parse cache, as
 * the others do. Hugo uses every core; polyref parses pages in worker
 * threads on large sites and highlights code in one; Eleventy uses one core.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generatorVersion, writeSite } from './generate.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(benchDir, '..');
const eleventyVersion = '3.1';
const jsYamlVersion = '4';

/** @param {string} line */
const log = (line) => process.stderr.write(`${line}\n`);

/**
 * @typedef {object} Timing
 * @property {number} wallSeconds
 * @property {number} cpuSeconds
 * @property {number} peakMb
 */

/**
 * Runs a command under GNU time and returns its wall time, CPU time and peak memory.
 * @param {string} command @param {string[]} args @param {string} cwd
 * @returns {Promise<Timing & { stdout: string }>}
 */
function timed(command, args, cwd) {
  const report = path.join(os.tmpdir(), `polyref-compare-${process.pid}-${Date.now()}.time`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M', '-o', report, command, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = (performance.now() - started) / 1000;
      const [user = 0, system = 0, kilobytes = 0] = fs.readFileSync(report, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
      fs.rmSync(report, { force: true });
      if (code !== 0) {
        reject(new Error(`\`${command} ${args.join(' ')}\` in ${cwd} exited with ${code}\n${stderr}`));
        return;
      }
      resolve({ wallSeconds, cpuSeconds: user + system, peakMb: kilobytes / 1024, stdout });
    });
  });
}

/** The median of several runs of the same command, by wall time. @param {() => Promise<Timing>} run @param {number} runs */
async function median(run, runs) {
  /** @type {Timing[]} */
  const results = [];
  for (let index = 0; index < runs; index++) results.push(await run());
  results.sort((a, b) => a.wallSeconds - b.wallSeconds);
  const middle = results[Math.floor(results.length / 2)];
  return { ...middle, peakMb: Math.max(...results.map((result) => result.peakMb)) };
}

/** The generated site for `pages`, reused while the generator and size are unchanged. @param {string} dir @param {number} pages */
function prepareSite(dir, pages) {
  const stamp = path.join(dir, '.generated');
  const wanted = `${generatorVersion}:${pages}:seed1:site`;
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return;
  log(`Generating ${pages} pages in ${path.relative(repoDir, dir)}`);
  writeSite(dir, { pages, seed: 1, navigation: 'site' });
  fs.writeFileSync(stamp, wanted);
}

/** Eleventy and js-yaml, installed outside the project's dependencies. @param {string} tools */
function installTools(tools) {
  const eleventy = path.join(tools, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  const jsYaml = path.join(tools, 'node_modules', 'js-yaml', 'package.json');
  if (fs.existsSync(eleventy) && fs.existsSync(jsYaml)) return eleventy;
  log(`Installing @11ty/eleventy@${eleventyVersion} and js-yaml@${jsYamlVersion} into ${path.relative(repoDir, tools)}`);
  fs.mkdirSync(tools, { recursive: true });
  execFileSync('npm', ['install', '--prefix', tools, '--no-save', '--no-audit', '--no-fund', `@11ty/eleventy@${eleventyVersion}`, `js-yaml@${jsYamlVersion}`], { stdio: 'inherit' });
  return eleventy;
}

/** @param {string} tools */
function packageVersion(tools, name) {
  return JSON.parse(fs.readFileSync(path.join(tools, 'node_modules', ...name.split('/'), 'package.json'), 'utf8')).version;
}

function hugoVersion() {
  try {
    return /v(\d+\.\d+\.\d+)/.exec(execFileSync('hugo', ['version'], { encoding: 'utf8' }))?.[1] ?? 'unknown';
  } catch {
    return null;
  }
}

/**
 * Every Markdown copy polyref wrote, as `{ url, title, text }`.
 * @param {string} out
 */
function markdownPages(out) {
  /** @type {Array<{ url: string, title: string, text: string }>} */
  const pages = [];
  const walk = (/** @type {string} */ relative) => {
    for (const entry of fs.readdirSync(path.join(out, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else if (entry.name === 'index.md') {
        const text = fs.readFileSync(path.join(out, name), 'utf8');
        const title = /^# (.*)$/m.exec(text)?.[1] ?? name;
        pages.push({ url: relative, title, text });
      }
    }
  };
  walk('');
  return pages;
}

const layout = (/** @type {string} */ title, /** @type {string} */ content) =>
  `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body><main>\n${content}\n</main></body>\n</html>\n`;

/** An Eleventy project of the Markdown pages, each in a layout. @param {string} dir @param {ReturnType<typeof markdownPages>} pages */
function writeEleventyProject(dir, pages) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const page of pages) {
    const file = path.join(dir, 'src', page.url, 'index.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `---\ntitle: ${JSON.stringify(page.title)}\n---\n${page.text}`);
  }
  fs.mkdirSync(path.join(dir, 'src', '_includes'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', '_includes', 'page.njk'), layout('{{ title }}', '{{ content | safe }}'));
  fs.writeFileSync(path.join(dir, 'src', 'src.json'), JSON.stringify({ layout: 'page.njk' }));
  fs.writeFileSync(
    path.join(dir, 'eleventy.config.mjs'),
    // Markdown is not run through a template language first: `{{` in code stays text.
    `export default function () {\n  return { dir: { input: 'src', output: '_site' }, markdownTemplateEngine: false, templateFormats: ['md'] };\n}\n`,
  );
}

/** A Hugo site of the Markdown pages, each in a layout. @param {string} dir @param {ReturnType<typeof markdownPages>} pages */
function writeHugoProject(dir, pages) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const page of pages) {
    const file = page.url === '' ? path.join(dir, 'content', '_index.md') : path.join(dir, 'content', page.url, 'index.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `---\ntitle: ${JSON.stringify(page.title)}\n---\n${page.text}`);
  }
  fs.writeFileSync(path.join(dir, 'hugo.toml'), "baseURL = '/'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n");
  const layouts = path.join(dir, 'layouts', '_default');
  fs.mkdirSync(layouts, { recursive: true });
  for (const name of ['single.html', 'list.html']) fs.writeFileSync(path.join(layouts, name), layout('{{ .Title }}', '{{ .Content }}'));
}

/** @param {number} value */
const seconds = (value) => value.toFixed(2);
/** @param {number} value */
const megabytes = (value) => value.toFixed(0);

async function compare() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--compare'),
    options: {
      pages: { type: 'string', default: '1000,4000' },
      runs: { type: 'string', default: '1' },
      dir: { type: 'string', default: path.join(repoDir, '.bench', 'compare') },
      'no-hugo': { type: 'boolean', default: false },
      'no-eleventy': { type: 'boolean', default: false },
      'no-dev': { type: 'boolean', default: false },
    },
  });
  const sizes = values.pages.split(',').map((size) => Number(size.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 3)) throw new Error(`--pages must list whole numbers of at least 3, got \`${values.pages}\``);
  const runs = Number(values.runs);
  const work = path.resolve(values.dir);
  const tools = path.join(work, 'tools');
  const eleventy = values['no-eleventy'] ? null : installTools(tools);
  const hugo = values['no-hugo'] ? null : hugoVersion();
  if (!values['no-hugo'] && hugo === null) log('Hugo is not installed (apt-get install hugo): left out');
  const measureScript = path.join(benchDir, 'measure.js');
  const floorScript = path.join(benchDir, 'compare-floor.js');
  const devScript = path.join(benchDir, 'compare-dev.js');
  const load = os.loadavg()[0] ?? 0;

  /** @type {Array<{ pages: number, name: string, timing: Timing | null, note?: string }>} */
  const rows = [];
  // Each figure is logged as soon as it is known, so a long run that stops early still says something.
  const push = (/** @type {{ pages: number, name: string, timing: Timing | null, note?: string }} */ row) => {
    rows.push(row);
    const timing = row.timing;
    log(`  ${row.name}: ${timing ? `${seconds(timing.wallSeconds)} s wall, ${seconds(timing.cpuSeconds)} s CPU, ${megabytes(timing.peakMb)} MB peak` : ''}${row.note ?? ''}`);
  };
  for (const pages of sizes) {
    const site = path.join(work, `site-${pages}`);
    prepareSite(site, pages);
    const out = path.join(site, 'out');
    log(`${pages} pages: polyref build`);
    const build = await median(async () => {
      fs.rmSync(out, { recursive: true, force: true });
      return timed(process.execPath, [measureScript, 'build', '--no-cache', '--out', out], site);
    }, runs);
    push({ pages, name: 'polyref build', timing: build });
    const markdown = markdownPages(out);
    if (eleventy) {
      const project = path.join(work, `eleventy-${pages}`);
      writeEleventyProject(project, markdown);
      log(`${pages} pages: Eleventy build`);
      const timing = await median(async () => {
        fs.rmSync(path.join(project, '_site'), { recursive: true, force: true });
        return timed(process.execPath, [eleventy, '--config=eleventy.config.mjs', '--quiet'], project);
      }, runs);
      push({ pages, name: `Eleventy ${packageVersion(tools, '@11ty/eleventy')} build`, timing });
    }
    if (hugo) {
      const project = path.join(work, `hugo-${pages}`);
      writeHugoProject(project, markdown);
      log(`${pages} pages: Hugo build`);
      const timing = await median(async () => {
        fs.rmSync(path.join(project, 'public'), { recursive: true, force: true });
        return timed('hugo', ['--quiet', '--source', project, '--destination', 'public'], project);
      }, runs);
      push({ pages, name: `Hugo ${hugo} build`, timing });
    }
    log(`${pages} pages: polyref check`);
    push({ pages, name: 'polyref check', timing: await median(() => timed(process.execPath, [measureScript, 'check', '--no-cache'], site), runs) });
    log(`${pages} pages: read + js-yaml floor`);
    push({ pages, name: 'floor: read + js-yaml frontmatter', timing: await median(() => timed(process.execPath, [floorScript, path.join(site, 'content'), tools], site), runs) });
    if (!values['no-dev']) {
      log(`${pages} pages: dev rebuild of one edited page`);
      const dev = await timed(process.execPath, [devScript, site], site).catch((/** @type {Error} */ error) => {
        log(`  polyref dev: ${error.message}`);
        return null;
      });
      if (!dev) continue;
      const result = JSON.parse(dev.stdout.trim().split('\n').at(-1) ?? '{}');
      push({ pages, name: 'polyref dev: start (full build in memory)', timing: { wallSeconds: result.startMs / 1000, cpuSeconds: dev.cpuSeconds, peakMb: dev.peakMb } });
      push({
        pages,
        name: 'polyref dev: one edited page',
        timing: null,
        note: `median ${result.medianMs.toFixed(0)} ms over ${result.edits} edits (${result.renderedPerEdit} page${result.renderedPerEdit === 1 ? '' : 's'} rendered each)`,
      });
    }
  }

  const lines = [];
  lines.push(`${'pages'.padStart(6)}  ${'what'.padEnd(44)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(8)} ${'peak MB'.padStart(8)}`);
  for (const row of rows) {
    const timing = row.timing;
    lines.push(
      `${String(row.pages).padStart(6)}  ${row.name.padEnd(44)} ${timing ? seconds(timing.wallSeconds).padStart(8) : ''.padStart(8)} ${timing ? seconds(timing.cpuSeconds).padStart(8) : ''.padStart(8)} ${timing ? megabytes(timing.peakMb).padStart(8) : ''.padStart(8)}${row.note ? `  ${row.note}` : ''}`,
    );
  }
  lines.push('');
  for (const pages of sizes) {
    const find = (/** @type {string} */ prefix) => rows.find((row) => row.pages === pages && row.name.startsWith(prefix))?.timing ?? null;
    const ratio = (/** @type {string} */ label, /** @type {Timing | null} */ a, /** @type {Timing | null} */ b, /** @type {number} */ target) => {
      if (!a || !b) return;
      const wall = a.wallSeconds / b.wallSeconds;
      const cpu = a.cpuSeconds / b.cpuSeconds;
      lines.push(`${String(pages).padStart(6)}  ${label.padEnd(44)} ${wall.toFixed(2)}× wall, ${cpu.toFixed(2)}× CPU (target ≤ ${target}×) ${wall <= target ? 'met' : 'missed'}`);
    };
    ratio('polyref build / Eleventy build', find('polyref build'), find('Eleventy'), 1);
    ratio('polyref build / Hugo build', find('polyref build'), find('Hugo'), 2);
    ratio('polyref check / read + js-yaml floor', find('polyref check'), find('floor'), 1.5);
  }
  lines.push('', `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${load.toFixed(1)} before, ${(os.loadavg()[0] ?? 0).toFixed(1)} after; ${runs} run${runs === 1 ? '' : 's'} each (median wall time).`);
  process.stdout.write(`\n${lines.join('\n')}\n`);
}

export { compare };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await compare();
  } catch (error) {
    process.stderr.write(`bench --compare: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
