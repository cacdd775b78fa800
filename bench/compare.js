#!/usr/bin/env node
/**
 * polyref side by side with Eleventy and Hugo on the same pages:
 *
 *   npm run bench -- --compare [--pages 1000,4000] [--variants examples,no-examples] [--runs 1]
 *                              [--check-pages 5000] [--memory-pages 8000] [--no-hugo] [--no-eleventy] [--no-dev]
 *
 * For each size, the generated MDX site (bench/generate.js) is built by
 * polyref; the Markdown copy polyref writes beside each page (the same
 * content, one table per language) is then the input of Eleventy and of
 * Hugo, each with a one-file layout. Eleventy 3.1 is installed in
 * `.bench/compare/tools`, never as a dependency of polyref; Hugo is Debian's
 * `hugo` when installed (`apt-get install hugo`). Also timed: `polyref check`
 * against the floor of reading every file and loading its frontmatter with
 * js-yaml, and the dev rebuild of one edited page (bench/compare-dev.js).
 * With its cache, polyref then builds again with nothing changed, and after
 * one description is edited (how many pages it rendered again is shown).
 * Each size is built with an example file per language for each code block
 * (`examples`, the highlighting cost) and without (`no-examples`). A
 * one-file `check` of a site of `--check-pages` pages is timed against the
 * same check on a one-page site, and a cold build of `--memory-pages` pages
 * gives the peak memory to set against the largest size's.
 *
 * Wall time is from spawn to exit; CPU is user + system of the process; peak
 * is its max RSS. polyref builds and checks without its cache, as the
 * others do, except in the warm rows. Hugo uses every core; polyref works
 * on pages in worker threads (`--jobs`, one row with `--jobs 1`); Eleventy
 * uses one core.
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

/** The generated site for `pages`, reused while the generator and size are unchanged. @param {string} dir @param {number} pages @param {boolean} [examples] */
function prepareSite(dir, pages, examples = true) {
  const stamp = path.join(dir, '.generated');
  const wanted = `${generatorVersion}:${pages}:seed1:site:${examples ? 'examples' : 'no-examples'}`;
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return;
  log(`Generating ${pages} pages in ${path.relative(repoDir, dir)}`);
  writeSite(dir, { pages, seed: 1, navigation: 'site', examples });
  fs.writeFileSync(stamp, wanted);
}

/** An object page of the middle of the site and its first plain description line: what the warm and dev runs edit. @param {string} site */
function pageToEdit(site) {
  /** @type {string[]} */
  const pages = [];
  const walk = (/** @type {string} */ folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === 'index.mdx' && path.relative(site, folder).split(path.sep).length > 2) pages.push(file);
    }
  };
  walk(path.join(site, 'content', 'reference'));
  const line = /^( {4,6}[a-z_]+: [A-Z][^'":#]*)\.$/m;
  const middle = Math.floor(pages.length / 2);
  const file = [...pages.slice(middle), ...pages.slice(0, middle)].find((candidate) => line.test(fs.readFileSync(candidate, 'utf8')));
  if (!file) throw new Error('no object page with a plain description found');
  return { file, line };
}

/** What a build said of itself on its last line (measure.js passes it on): pages written and those taken from the cache. @param {string} stdout */
function builtPages(stdout) {
  const output = String(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}').lastLine ?? '');
  const summary = /Built (\d+) pages? into .* in [\d.]+s(?: \((\d+) from the cache\))?/.exec(output);
  return summary ? { written: Number(summary[1]), fromCache: Number(summary[2] ?? 0) } : null;
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
      variants: { type: 'string', default: 'examples,no-examples' },
      'check-pages': { type: 'string', default: '5000' },
      'memory-pages': { type: 'string', default: '8000' },
    },
  });
  const variants = values.variants.split(',').map((variant) => variant.trim());
  if (variants.some((variant) => variant !== 'examples' && variant !== 'no-examples')) throw new Error(`--variants lists \`examples\` and \`no-examples\`, got \`${values.variants}\``);
  const checkPages = Number(values['check-pages']);
  const memoryPages = Number(values['memory-pages']);
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
  for (const variant of variants) {
    for (const pages of sizes) {
      const site = path.join(work, `site-${pages}-${variant}`);
      prepareSite(site, pages, variant === 'examples');
      const out = path.join(site, 'out');
      const label = (/** @type {string} */ what) => `${what} (${variant})`;
      log(`${pages} pages, ${variant}: polyref build`);
      const build = await median(async () => {
        fs.rmSync(out, { recursive: true, force: true });
        return timed(process.execPath, [measureScript, 'build', '--no-cache', '--out', out], site);
      }, runs);
      push({ pages, name: label('polyref build'), timing: build });
      log(`${pages} pages, ${variant}: polyref build --jobs 1`);
      push({
        pages,
        name: label('polyref build --jobs 1'),
        timing: await median(async () => {
          fs.rmSync(out, { recursive: true, force: true });
          return timed(process.execPath, [measureScript, 'build', '--no-cache', '--jobs', '1', '--out', out], site);
        }, runs),
      });
      const markdown = markdownPages(out);
      if (eleventy) {
        const project = path.join(work, `eleventy-${pages}-${variant}`);
        writeEleventyProject(project, markdown);
        log(`${pages} pages, ${variant}: Eleventy build`);
        const timing = await median(async () => {
          fs.rmSync(path.join(project, '_site'), { recursive: true, force: true });
          return timed(process.execPath, [eleventy, '--config=eleventy.config.mjs', '--quiet'], project);
        }, runs);
        push({ pages, name: label(`Eleventy ${packageVersion(tools, '@11ty/eleventy')} build`), timing });
      }
      if (hugo) {
        const project = path.join(work, `hugo-${pages}-${variant}`);
        writeHugoProject(project, markdown);
        log(`${pages} pages, ${variant}: Hugo build`);
        const timing = await median(async () => {
          fs.rmSync(path.join(project, 'public'), { recursive: true, force: true });
          return timed('hugo', ['--quiet', '--source', project, '--destination', 'public'], project);
        }, runs);
        push({ pages, name: label(`Hugo ${hugo} build`), timing });
      }

      // The output cache: a first build fills it, the next ones reuse it.
      const cache = path.join(site, '.polyref-cache');
      fs.rmSync(cache, { recursive: true, force: true });
      log(`${pages} pages, ${variant}: polyref build with its cache (filling it)`);
      await timed(process.execPath, [measureScript, 'build', '--cache-dir', cache, '--out', out], site);
      log(`${pages} pages, ${variant}: warm build, nothing changed`);
      push({ pages, name: label('polyref build, warm, nothing changed'), timing: await median(() => timed(process.execPath, [measureScript, 'build', '--cache-dir', cache, '--out', out], site), runs) });
      const edit = pageToEdit(site);
      const original = fs.readFileSync(edit.file, 'utf8');
      try {
        log(`${pages} pages, ${variant}: warm build, one description changed`);
        let step = 0;
        let rendered = null;
        const timing = await median(async () => {
          step += 1;
          fs.writeFileSync(edit.file, original.replace(edit.line, `$1, edited ${step}.`));
          const run = await timed(process.execPath, [measureScript, 'build', '--cache-dir', cache, '--out', out], site);
          const built = builtPages(run.stdout);
          rendered = built ? built.written - built.fromCache : null;
          return run;
        }, runs);
        push({ pages, name: label('polyref build, warm, one description changed'), timing, note: rendered === null ? '' : `  ${rendered} page${rendered === 1 ? '' : 's'} rendered again` });
      } finally {
        fs.writeFileSync(edit.file, original);
      }

      log(`${pages} pages, ${variant}: polyref check`);
      push({ pages, name: label('polyref check'), timing: await median(() => timed(process.execPath, [measureScript, 'check', '--no-cache'], site), runs) });
      log(`${pages} pages, ${variant}: read + js-yaml floor`);
      push({ pages, name: label('floor: read + js-yaml frontmatter'), timing: await median(() => timed(process.execPath, [floorScript, path.join(site, 'content'), tools], site), runs) });
      if (!values['no-dev']) {
        log(`${pages} pages, ${variant}: dev rebuild of one edited page`);
        // Started on the cache the builds above filled, as `dev` starts after a build or an earlier session.
        const dev = await timed(process.execPath, [devScript, site, cache], site).catch((/** @type {Error} */ error) => {
          log(`  polyref dev: ${error.message}`);
          return null;
        });
        if (!dev) continue;
        const result = JSON.parse(dev.stdout.trim().split('\n').at(-1) ?? '{}');
        push({ pages, name: label('polyref dev: start, warm cache'), timing: { wallSeconds: result.startMs / 1000, cpuSeconds: dev.cpuSeconds, peakMb: dev.peakMb } });
        push({
          pages,
          name: label('polyref dev: one edited page'),
          timing: null,
          note: `median ${result.medianMs.toFixed(0)} ms over ${result.edits} edits (${result.renderedPerEdit} page${result.renderedPerEdit === 1 ? '' : 's'} rendered each)`,
        });
      }
    }
  }

  if (checkPages > 0) {
    // One file checked with a warm cache, on a large site and on a site of that one page (and the two it needs).
    for (const [pages, name] of /** @type {Array<[number, string]>} */ ([[checkPages, `one-file check, ${checkPages}-page site`], [3, 'one-file check, one-page site']])) {
      const site = path.join(work, `site-${pages}-examples`);
      prepareSite(site, pages, true);
      // On a site cut down to one page, links to the pages left out are warnings, as on a partial site.
      if (pages === 3) fs.writeFileSync(path.join(site, 'polyref.config.json'), `${JSON.stringify({ rules: { 'broken-link': 'warn' } })}\n`);
      const cache = path.join(site, '.polyref-cache');
      const file = path.relative(site, pageToEdit(site).file);
      log(`${pages} pages: ${name}`);
      await timed(process.execPath, [measureScript, 'check', '--cache-dir', cache], site);
      push({ pages, name, timing: await median(() => timed(process.execPath, [measureScript, 'check', '--cache-dir', cache, file], site), Math.max(runs, 3)) });
    }
  }
  // The larger site is made as the first variant run, so that its peak compares with that variant's in the same run.
  const memoryVariant = variants[0] ?? 'examples';
  if (memoryPages > 0) {
    const site = path.join(work, `site-${memoryPages}-${memoryVariant}`);
    prepareSite(site, memoryPages, memoryVariant === 'examples');
    log(`${memoryPages} pages, ${memoryVariant}: polyref build (peak memory)`);
    push({
      pages: memoryPages,
      name: `polyref build (${memoryVariant})`,
      timing: await median(async () => {
        fs.rmSync(path.join(site, 'out'), { recursive: true, force: true });
        return timed(process.execPath, [measureScript, 'build', '--no-cache', '--out', path.join(site, 'out')], site);
      }, 1),
    });
  }

  const lines = [];
  lines.push(`${'pages'.padStart(6)}  ${'what'.padEnd(58)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(8)} ${'peak MB'.padStart(8)}`);
  for (const row of rows) {
    const timing = row.timing;
    lines.push(
      `${String(row.pages).padStart(6)}  ${row.name.padEnd(58)} ${timing ? seconds(timing.wallSeconds).padStart(8) : ''.padStart(8)} ${timing ? seconds(timing.cpuSeconds).padStart(8) : ''.padStart(8)} ${timing ? megabytes(timing.peakMb).padStart(8) : ''.padStart(8)}${row.note ? `  ${row.note}` : ''}`,
    );
  }
  lines.push('');
  const find = (/** @type {number} */ pages, /** @type {string} */ prefix) => rows.find((row) => row.pages === pages && row.name.startsWith(prefix))?.timing ?? null;
  const ratio = (/** @type {number} */ pages, /** @type {string} */ label, /** @type {Timing | null} */ a, /** @type {Timing | null} */ b, /** @type {number} */ target, /** @type {'wall' | 'peak'} */ by = 'wall') => {
    if (!a || !b) return;
    const figure = by === 'wall' ? a.wallSeconds / b.wallSeconds : a.peakMb / b.peakMb;
    const cpu = by === 'wall' ? `, ${(a.cpuSeconds / b.cpuSeconds).toFixed(2)}× CPU` : ' peak memory';
    lines.push(`${String(pages).padStart(6)}  ${label.padEnd(58)} ${figure.toFixed(2)}×${by === 'wall' ? ' wall' : ''}${cpu} (target ≤ ${target}×) ${figure <= target ? 'met' : 'missed'}`);
  };
  for (const variant of variants) {
    for (const pages of sizes) {
      const of = (/** @type {string} */ what) => find(pages, `${what} (${variant})`);
      const tool = (/** @type {string} */ name) => rows.find((row) => row.pages === pages && row.name.startsWith(name) && row.name.endsWith(`(${variant})`))?.timing ?? null;
      ratio(pages, `build / Eleventy build (${variant})`, of('polyref build'), tool('Eleventy'), 1);
      ratio(pages, `build / Hugo build (${variant})`, of('polyref build'), tool('Hugo'), 2);
      ratio(pages, `warm build, nothing changed / cold build (${variant})`, of('polyref build, warm, nothing changed'), of('polyref build'), 0.25);
      ratio(pages, `check / read + js-yaml floor (${variant})`, of('polyref check'), of('floor'), 1.5);
    }
  }
  if (checkPages > 0) ratio(checkPages, `one-file check: ${checkPages}-page site / one-page site`, find(checkPages, 'one-file check'), find(3, 'one-file check'), 3);
  const largest = Math.max(...sizes);
  if (memoryPages > 0) ratio(memoryPages, `peak memory: ${memoryPages} / ${largest} pages`, find(memoryPages, `polyref build (${memoryVariant})`), find(largest, `polyref build (${memoryVariant})`), 1.2, 'peak');
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
