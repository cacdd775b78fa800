#!/usr/bin/env node
/**
 * End-to-end benchmark of the polyref CLI on a generated site.
 *
 *   npm run bench                                   1,000 pages, 3 runs per scenario
 *   node bench/run.js --pages 4000 --runs 1
 *   node bench/run.js --scaling                     1,000 and 2,000 pages, with the time ratio
 *   node bench/run.js --json                        results as JSON on stdout
 *
 * Every run is a fresh child process (`bench/measure.js`, which imports
 * `dist/cli/main.js`), so module loading, the file system and garbage
 * collection are all part of the figure. Sites are generated once into
 * `.bench/` and reused while the generator and its options stay the same.
 *
 * What is timed is a copy of `dist/` (with `bin/`, `templates/` and the other
 * packaged files) taken when the benchmark starts, so a rebuild during a long
 * run cannot change the code under test halfway; `--ref` times a committed
 * version instead, built from `git archive` in `.bench/`.
 *
 * Options:
 *   --pages N           site size (default 1000); with --scaling, the smaller size
 *   --runs R            runs per scenario (default 3); the median is reported
 *   --warmup W          untimed runs before the timed ones (default 0)
 *   --scenario a,b      only these scenarios (default: all)
 *   --scaling           run at N and 2N pages and report the time ratio (target ≤ 2.2)
 *   --navigation MODE   `site` (one `_navigation.mdx` listing every page, default) or `folder`
 *   --seed S            generator seed (default 1)
 *   --dir DIR           where sites are generated (default .bench/ in the repository)
 *   --node-arg ARG      extra flag for each child `node`, repeatable (`--cpu-prof`, `--max-old-space-size=…`)
 *   --ref REF           time a committed version (`HEAD`, a tag, a commit) instead of the working tree's dist/
 *   --no-snapshot       run dist/ in place instead of a copy
 *   --no-verify         skip the check that the generated site has no findings
 *   --json              print results as JSON on stdout instead of a table
 *   --list              list the scenarios and exit
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeStats, generatorVersion, writeSite } from './generate.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.dirname(benchDir);

/**
 * The polyref under test: a folder laid out like the package, with
 * `dist/`, `bin/polyref.js` and `bench/measure.js`.
 * @typedef {object} Subject
 * @property {string} label what it is, for the report
 * @property {string} root
 * @property {string} measureScript
 * @property {string} cliScript
 */

/** @param {string} root @param {string} label @returns {Subject} */
function subjectAt(root, label) {
  return { label, root, measureScript: path.join(root, 'bench', 'measure.js'), cliScript: path.join(root, 'bin', 'polyref.js') };
}

/** Packaged files (`files` of package.json) and package.json itself, as the installed CLI sees them. */
function packagedEntries() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoDir, 'package.json'), 'utf8'));
  return ['package.json', ...(Array.isArray(manifest.files) ? manifest.files : ['bin', 'dist']), 'docs'];
}

/**
 * A copy of the current build, so that concurrent rebuilds do not change it;
 * one per benchmark process, removed when it ends.
 * @param {string} dir @returns {Subject}
 */
function snapshotWorkingTree(dir) {
  const root = path.join(dir, `snapshot-${process.pid}`);
  process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
  for (const entry of packagedEntries()) {
    const source = path.join(repoDir, entry);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(root, entry), { recursive: true, dereference: false });
  }
  fs.copyFileSync(path.join(benchDir, 'measure.js'), path.join(root, 'bench', 'measure.js'));
  fs.symlinkSync(path.join(repoDir, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return subjectAt(root, `working tree (dist/ as of ${fs.statSync(path.join(repoDir, 'dist', 'cli', 'main.js')).mtime.toISOString()})`);
}

/**
 * A committed version, extracted with `git archive` and compiled with the
 * repository's TypeScript; reused while the commit is the same.
 * @param {string} dir @param {string} ref @param {(line: string) => void} log @returns {Subject}
 */
function checkoutRef(dir, ref, log) {
  const git = (/** @type {string[]} */ args, /** @type {import('node:child_process').ExecFileSyncOptions} */ options = {}) =>
    execFileSync('git', args, { cwd: repoDir, encoding: 'utf8', ...options });
  let commit;
  try {
    commit = String(git(['rev-parse', '--verify', `${ref}^{commit}`], { stdio: ['ignore', 'pipe', 'ignore'] })).trim();
  } catch {
    throw new UsageError(`--ref \`${ref}\` names no commit`);
  }
  const root = path.join(dir, `ref-${commit.slice(0, 12)}`);
  const subject = subjectAt(root, `${ref} (${commit.slice(0, 12)})`);
  if (fs.existsSync(path.join(root, 'dist', 'cli', 'main.js'))) return subject;
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const archive = path.join(dir, `ref-${commit.slice(0, 12)}.tar`);
  git(['archive', '--format=tar', `--output=${archive}`, commit]);
  execFileSync('tar', ['-xf', archive, '-C', root]);
  fs.rmSync(archive);
  fs.symlinkSync(path.join(repoDir, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  log(`Compiling ${subject.label}`);
  execFileSync(process.execPath, [path.join(repoDir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
  fs.copyFileSync(path.join(benchDir, 'measure.js'), path.join(root, 'bench', 'measure.js'));
  return subject;
}

/**
 * @typedef {object} Site
 * @property {string} dir the site folder, where commands run
 * @property {number} pages
 * @property {import('./generate.js').SiteStats} stats
 */

/**
 * One thing to time. `argv` is what follows `node` in the child process;
 * `prepare` runs before every run, untimed (clear a cache for a cold run,
 * touch a file for an incremental one).
 *
 * New scenarios go in this list: a warm/cold cache pair is two scenarios with
 * different `prepare`; a one-file check passes a page path to `check`; another
 * generator is a scenario whose `argv` runs a wrapper that prints the same
 * JSON line as `measure.js`.
 *
 * @typedef {object} Scenario
 * @property {string} name
 * @property {string} summary
 * @property {(site: Site, subject: Subject, nodeArgs: string[]) => string[]} argv
 * @property {(site: Site) => void} [prepare]
 * @property {(site: Site) => void} [cleanup] after the last run
 */

/** The parse cache the cache scenarios use, inside the site folder. */
const cacheDir = (/** @type {Site} */ site) => path.join(site.dir, 'parse-cache');

/**
 * Fills the parse cache for `command` (`check` or `build`) with the working
 * tree's polyref, unless it is already there: what a warm run starts from.
 * @param {Site} site @param {'check' | 'build'} command
 */
function warmCache(site, command) {
  const marker = path.join(cacheDir(site), `.warm-${command}`);
  if (fs.existsSync(marker)) return;
  const out = command === 'build' ? ['--out', path.join(site.dir, 'out')] : [];
  spawnSync(process.execPath, [path.join(repoDir, 'bin', 'polyref.js'), command, '--cache-dir', cacheDir(site), ...out], { cwd: site.dir, stdio: 'ignore' });
  fs.writeFileSync(marker, '');
}

/** One object page of the site, for the one-file check: the first in path order. */
function onePage(/** @type {Site} */ site) {
  const found = [];
  const walk = (/** @type {string} */ folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (found.length > 0) return;
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === 'index.mdx' && folder !== path.join(site.dir, 'content')) found.push(file);
    }
  };
  walk(path.join(site.dir, 'content'));
  return path.relative(site.dir, found[0] ?? path.join(site.dir, 'content', 'index.mdx'));
}

/** @type {Scenario[]} */
export const scenarios = [
  {
    name: 'check',
    summary: '`polyref check --no-cache` on every page: every page parsed, nothing cached',
    argv: (_site, subject, nodeArgs) => [...nodeArgs, subject.measureScript, 'check', '--no-cache'],
  },
  {
    name: 'build',
    summary: '`polyref build --no-cache` of every page into a fresh output folder',
    argv: (site, subject, nodeArgs) => [...nodeArgs, subject.measureScript, 'build', '--no-cache', '--out', path.join(site.dir, 'out')],
    prepare: (site) => fs.rmSync(path.join(site.dir, 'out'), { recursive: true, force: true }),
    cleanup: (site) => fs.rmSync(path.join(site.dir, 'out'), { recursive: true, force: true }),
  },
  {
    name: 'check-cold',
    summary: '`polyref check` with an empty parse cache (it parses every page and fills the cache)',
    argv: (site, subject, nodeArgs) => [...nodeArgs, subject.measureScript, 'check', '--cache-dir', cacheDir(site)],
    prepare: (site) => fs.rmSync(cacheDir(site), { recursive: true, force: true }),
    cleanup: (site) => fs.rmSync(cacheDir(site), { recursive: true, force: true }),
  },
  {
    name: 'check-warm',
    summary: '`polyref check` with every page in the parse cache',
    argv: (site, subject, nodeArgs) => [...nodeArgs, subject.measureScript, 'check', '--cache-dir', cacheDir(site)],
    prepare: (site) => warmCache(site, 'check'),
  },
  {
    name: 'check-one',
    summary: '`polyref check content/…/index.mdx` (one file, whole-site resolution) with a warm parse cache',
    argv: (site, subject, nodeArgs) => [...nodeArgs, subject.measureScript, 'check', '--cache-dir', cacheDir(site), onePage(site)],
    prepare: (site) => warmCache(site, 'check'),
  },
  {
    name: 'build-cold',
    summary: '`polyref build` with an empty parse cache',
    argv: (site, subject, nodeArgs) => [...nodeArgs, subject.measureScript, 'build', '--cache-dir', cacheDir(site), '--out', path.join(site.dir, 'out')],
    prepare: (site) => {
      fs.rmSync(cacheDir(site), { recursive: true, force: true });
      fs.rmSync(path.join(site.dir, 'out'), { recursive: true, force: true });
    },
    cleanup: (site) => fs.rmSync(path.join(site.dir, 'out'), { recursive: true, force: true }),
  },
  {
    name: 'build-warm',
    summary: '`polyref build` with every page (and its body tree) in the parse cache',
    argv: (site, subject, nodeArgs) => [...nodeArgs, subject.measureScript, 'build', '--cache-dir', cacheDir(site), '--out', path.join(site.dir, 'out')],
    prepare: (site) => {
      warmCache(site, 'build');
      fs.rmSync(path.join(site.dir, 'out'), { recursive: true, force: true });
    },
    cleanup: (site) => fs.rmSync(path.join(site.dir, 'out'), { recursive: true, force: true }),
  },
  {
    name: 'floor',
    summary: 'the bare parse floor: read every `.mdx` file and load its frontmatter with js-yaml',
    argv: (_site, _subject, nodeArgs) => [...nodeArgs, path.join(benchDir, 'floor.js'), 'content'],
  },
];

/**
 * @typedef {object} Measurement
 * @property {number} wallMs spawn to exit, as seen from here
 * @property {number} ms start of the child script to the end of `main`
 * @property {number} mainMs
 * @property {number} maxRssMb
 * @property {number} userMs
 * @property {number} systemMs
 */

/**
 * @typedef {object} Result
 * @property {string} scenario
 * @property {number} pages
 * @property {number} medianSeconds median wall time
 * @property {number} pagesPerSecond
 * @property {number} cpuSeconds median user + system CPU time of the child
 * @property {number} peakMb highest max RSS of any run
 * @property {Measurement[]} runs
 */

/**
 * Runs a child `node` and returns the JSON of its last stdout line, with the wall time.
 * @param {string[]} argv @param {string} cwd
 * @returns {Promise<Measurement>}
 */
function measure(argv, cwd) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      const last = stdout.trimEnd().split('\n').pop() ?? '';
      /** @type {any} */
      let parsed = null;
      try {
        parsed = JSON.parse(last);
      } catch {
        // Reported below.
      }
      if (code !== 0 || !parsed) {
        const detail = parsed?.output ?? `${stdout.slice(-2000)}${stderr}`;
        reject(new Error(`\`node ${argv.join(' ')}\` in ${cwd} ended with ${signal ?? `exit code ${code}`}\n${detail}`));
        return;
      }
      resolve({ wallMs: Math.round(wallMs * 10) / 10, ms: parsed.ms, mainMs: parsed.mainMs, maxRssMb: parsed.maxRssMb, userMs: parsed.userMs, systemMs: parsed.systemMs });
    });
  });
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? /** @type {number} */ (sorted[middle]) : (/** @type {number} */ (sorted[middle - 1]) + /** @type {number} */ (sorted[middle])) / 2;
}

/**
 * Generates the site unless an identical one is already there.
 * @param {{ dir: string, pages: number, seed: number, navigation: 'site' | 'folder' }} options
 * @param {(line: string) => void} log
 * @returns {Site}
 */
function prepareSite(options, log) {
  const dir = path.join(options.dir, `site-${options.pages}-seed${options.seed}-${options.navigation}`);
  const source = fs.readFileSync(path.join(benchDir, 'generate.js'));
  const stamp = {
    generatorVersion,
    generator: crypto.createHash('sha256').update(source).digest('hex').slice(0, 16),
    pages: options.pages,
    seed: options.seed,
    navigation: options.navigation,
  };
  const stampFile = path.join(dir, 'site.json');
  try {
    const existing = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    if (JSON.stringify(existing.stamp) === JSON.stringify(stamp)) {
      log(`Reusing ${path.relative(process.cwd(), dir) || dir}`);
      return { dir, pages: options.pages, stats: existing.stats };
    }
  } catch {
    // No usable site yet.
  }
  const started = performance.now();
  const stats = writeSite(dir, { pages: options.pages, seed: options.seed, navigation: options.navigation });
  fs.writeFileSync(stampFile, `${JSON.stringify({ stamp, stats }, null, 2)}\n`);
  log(`Generated ${path.relative(process.cwd(), dir) || dir} in ${((performance.now() - started) / 1000).toFixed(1)}s`);
  return { dir, pages: options.pages, stats };
}

/**
 * `polyref check --format json` must find nothing: a benchmark of a site with
 * errors would time the error path.
 * @param {Site} site @param {Subject} subject
 */
async function verifySite(site, subject) {
  const { stdout, code } = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [subject.cliScript, 'check', '--format', 'json'], { cwd: site.dir, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ stdout: out, code: exitCode }));
  });
  /** @type {Array<{ filePath: string, messages: Array<{ line: number, column: number, message: string, ruleId: string }> }>} */
  let files;
  try {
    files = JSON.parse(stdout);
  } catch {
    throw new Error(`polyref check --format json gave no JSON (exit code ${code}) in ${site.dir}`);
  }
  const findings = files.flatMap((file) => file.messages.map((message) => `${path.relative(site.dir, file.filePath)}:${message.line}:${message.column} ${message.message} (${message.ruleId})`));
  if (findings.length > 0 || code !== 0) {
    throw new Error(`The generated site in ${site.dir} is not clean (${findings.length} findings, exit code ${code}):\n${findings.slice(0, 20).join('\n')}`);
  }
}

/**
 * @param {Scenario} scenario @param {Site} site
 * @param {{ runs: number, warmup: number, nodeArgs: string[], subject: Subject }} options
 * @param {(line: string) => void} log
 * @returns {Promise<Result>}
 */
async function runScenario(scenario, site, options, log) {
  /** @type {Measurement[]} */
  const runs = [];
  try {
    for (let index = 0; index < options.warmup + options.runs; index++) {
      scenario.prepare?.(site);
      const measurement = await measure(scenario.argv(site, options.subject, options.nodeArgs), site.dir);
      const warm = index < options.warmup;
      if (!warm) runs.push(measurement);
      log(`  ${scenario.name} ${site.pages} pages, ${warm ? 'warm-up' : `run ${index - options.warmup + 1}/${options.runs}`}: ${(measurement.wallMs / 1000).toFixed(2)}s, ${((measurement.userMs + measurement.systemMs) / 1000).toFixed(2)}s CPU, ${measurement.maxRssMb.toFixed(0)} MB`);
    }
  } finally {
    scenario.cleanup?.(site);
  }
  const medianSeconds = median(runs.map((run) => run.wallMs)) / 1000;
  return {
    scenario: scenario.name,
    pages: site.pages,
    medianSeconds: Math.round(medianSeconds * 1000) / 1000,
    pagesPerSecond: Math.round((site.pages / medianSeconds) * 10) / 10,
    cpuSeconds: Math.round(median(runs.map((run) => run.userMs + run.systemMs))) / 1000,
    peakMb: Math.max(...runs.map((run) => run.maxRssMb)),
    runs,
  };
}

/** @param {Result[]} results */
function formatTable(results) {
  const header = ['scenario', 'pages', 'median s', 'pages/s', 'peak MB', 'cpu s', 'runs (s)'];
  const rows = results.map((result) => [
    result.scenario,
    String(result.pages),
    result.medianSeconds.toFixed(2),
    result.pagesPerSecond.toFixed(1),
    result.peakMb.toFixed(0),
    result.cpuSeconds.toFixed(2),
    result.runs.map((run) => (run.wallMs / 1000).toFixed(2)).join(' '),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => /** @type {string} */ (row[column]).length)));
  const line = (/** @type {string[]} */ cells) =>
    cells.map((cell, column) => (column === 0 || column === cells.length - 1 ? cell.padEnd(/** @type {number} */ (widths[column])) : cell.padStart(/** @type {number} */ (widths[column])))).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/**
 * @typedef {object} Scaling
 * @property {string} scenario
 * @property {number} smallPages
 * @property {number} largePages
 * @property {number} ratio wall time at largePages over wall time at smallPages
 * @property {number} cpuRatio the same for CPU time, steadier on a busy machine
 * @property {number} target
 * @property {boolean} ok
 */

const scalingTarget = 2.2;

/** @param {Result[]} results @param {number} small @param {number} large @returns {Scaling[]} */
function scalingOf(results, small, large) {
  /** @type {Scaling[]} */
  const scaling = [];
  for (const scenario of new Set(results.map((result) => result.scenario))) {
    const a = results.find((result) => result.scenario === scenario && result.pages === small);
    const b = results.find((result) => result.scenario === scenario && result.pages === large);
    if (!a || !b) continue;
    const ratio = Math.round((b.medianSeconds / a.medianSeconds) * 100) / 100;
    const cpuRatio = Math.round((b.cpuSeconds / a.cpuSeconds) * 100) / 100;
    scaling.push({ scenario, smallPages: small, largePages: large, ratio, cpuRatio, target: scalingTarget, ok: ratio <= scalingTarget });
  }
  return scaling;
}

async function cli() {
  // `--compare`: polyref side by side with Eleventy and Hugo (bench/compare.js).
  if (process.argv.includes('--compare')) {
    await (await import('./compare.js')).compare();
    return 0;
  }
  const { values } = parseArgs({
    options: {
      pages: { type: 'string' },
      runs: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '0' },
      scenario: { type: 'string' },
      scaling: { type: 'boolean', default: false },
      navigation: { type: 'string', default: 'site' },
      seed: { type: 'string', default: '1' },
      dir: { type: 'string', default: path.join(repoDir, '.bench') },
      'node-arg': { type: 'string', multiple: true, default: [] },
      'no-verify': { type: 'boolean', default: false },
      'no-snapshot': { type: 'boolean', default: false },
      ref: { type: 'string' },
      json: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    const text = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8');
    process.stdout.write(`${(/\/\*\*\n([\s\S]*?)\*\//.exec(text)?.[1] ?? '').replace(/^ \* ?/gm, '')}`);
    return 0;
  }
  if (values.list) {
    for (const scenario of scenarios) process.stdout.write(`${scenario.name.padEnd(12)} ${scenario.summary}\n`);
    return 0;
  }
  const integer = (/** @type {string} */ name, /** @type {string} */ value, /** @type {number} */ min) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min) throw new UsageError(`--${name} must be an integer of at least ${min}, got \`${value}\``);
    return number;
  };
  const pages = integer('pages', values.pages ?? '1000', 3);
  const runs = integer('runs', values.runs, 1);
  const warmup = integer('warmup', values.warmup, 0);
  const seed = integer('seed', values.seed, 0);
  const navigation = values.navigation;
  if (navigation !== 'site' && navigation !== 'folder') throw new UsageError('--navigation must be `site` or `folder`');
  const wanted = values.scenario ? values.scenario.split(',').map((name) => name.trim()) : scenarios.map((scenario) => scenario.name);
  const unknown = wanted.filter((name) => !scenarios.some((scenario) => scenario.name === name));
  if (unknown.length > 0) throw new UsageError(`Unknown scenario ${unknown.map((name) => `\`${name}\``).join(', ')}; run with --list`);
  const selected = scenarios.filter((scenario) => wanted.includes(scenario.name));
  const sizes = values.scaling ? [pages, pages * 2] : [pages];

  const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
  const workDir = path.resolve(values.dir);
  fs.mkdirSync(workDir, { recursive: true });
  /** @type {Subject} */
  let subject;
  if (values.ref) {
    subject = checkoutRef(workDir, values.ref, log);
  } else {
    if (!fs.existsSync(path.join(repoDir, 'dist', 'cli', 'main.js'))) {
      throw new UsageError('dist/ is missing: run `npx tsc -p .` first, or use `npm run bench`');
    }
    subject = values['no-snapshot'] ? subjectAt(repoDir, 'working tree (dist/ in place)') : snapshotWorkingTree(workDir);
  }
  log(`Timing ${subject.label}`);
  const loadBefore = os.loadavg()[0] ?? 0;
  if (loadBefore > os.cpus().length * 0.5) log(`Warning: load average ${loadBefore.toFixed(1)} on ${os.cpus().length} CPUs; other work will slow the runs down`);
  /** @type {Result[]} */
  const results = [];
  /** @type {Array<{ pages: number, stats: import('./generate.js').SiteStats }>} */
  const sites = [];
  for (const size of sizes) {
    const site = prepareSite({ dir: workDir, pages: size, seed, navigation }, log);
    if (!values.json) log(describeStats(site.stats).replace(/^/gm, '  '));
    if (!values['no-verify']) {
      await verifySite(site, subject);
      log('  polyref check: no findings');
    }
    sites.push({ pages: size, stats: site.stats });
    for (const scenario of selected) results.push(await runScenario(scenario, site, { runs, warmup, nodeArgs: values['node-arg'], subject }, log));
  }
  const scaling = values.scaling ? scalingOf(results, sizes[0] ?? pages, sizes[1] ?? pages * 2) : [];

  if (values.json) {
    const report = {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? null,
      memoryMb: Math.round(os.totalmem() / 1024 / 1024),
      loadAverage: { before: loadBefore, after: os.loadavg()[0] ?? 0 },
      subject: subject.label,
      runs,
      warmup,
      navigation,
      seed,
      sites,
      results,
      ...(values.scaling ? { scaling } : {}),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    process.stdout.write(`\n${formatTable(results)}\n`);
    if (scaling.length > 0) {
      process.stdout.write(`\nTime at ${sizes[1]} pages over time at ${sizes[0]} (target ≤ ${scalingTarget}):\n`);
      for (const item of scaling) {
        process.stdout.write(`  ${item.scenario.padEnd(8)} ${item.ratio.toFixed(2)} wall, ${item.cpuRatio.toFixed(2)} CPU  ${item.ok ? 'ok' : 'OVER TARGET'}\n`);
      }
    }
    process.stdout.write(`\n${subject.label}; Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${loadBefore.toFixed(1)} before and ${(os.loadavg()[0] ?? 0).toFixed(1)} after; ${runs} run${runs === 1 ? '' : 's'} per scenario (median wall time)\n`);
  }
  return 0;
}

class UsageError extends Error {}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await cli();
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && /** @type {any} */ (error).code?.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`bench: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  }
}
