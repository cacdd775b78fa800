#!/usr/bin/env node
/**
 * What `polyref dev` does after a save, timed: the site is built once, as
 * `build` builds it (from the cache folder given, else the default one),
 * then one page's description is edited several times and each
 * incremental update (parse, index, check, render of what it concerns) is
 * timed. Prints `{ startMs, medianMs, edits, renderedPerEdit }` as JSON on
 * its last line. The watcher waits 30 ms for a save to settle before this
 * work starts; that wait is not included.
 *
 *   node bench/compare-dev.js SITE_DIR [CACHE_DIR]   (after `npx tsc -p .`)
 */
import fs from 'node:fs';
import path from 'node:path';

const site = path.resolve(process.argv[2] ?? '.');
const edits = 5;
const { loadConfig } = await import('../dist/config/config.js');
const { IncrementalBuild } = await import('../dist/pipeline/incremental.js');

const started = performance.now();
const cacheDir = process.argv[3];
const { build, report } = await IncrementalBuild.start(loadConfig({ cwd: site, overrides: cacheDir ? { cache: path.resolve(cacheDir) } : {} }));
const startMs = performance.now() - started;
if (!report.ok) throw new Error(`the site has ${report.errors} errors`);

// An object page of the middle of the site: its own descriptions, used by its method pages.
const pages = [];
const walk = (/** @type {string} */ folder) => {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.name === 'index.mdx' && folder.split(path.sep).length > 2) pages.push(file);
  }
};
walk(path.join(site, 'content', 'reference'));
/** The page's first plain description line gets a few more words. */
const descriptionLine = /^( {4,6}[a-z_]+: [A-Z][^'":#]*)\.$/m;
const middle = Math.floor(pages.length / 2);
const page = [...pages.slice(middle), ...pages.slice(0, middle)].find((file) => descriptionLine.test(fs.readFileSync(file, 'utf8')));
if (!page) throw new Error('no object page with a plain description found');
const original = fs.readFileSync(page, 'utf8');

/** @type {number[]} */
const times = [];
const rendered = [];
try {
  for (let edit = 1; edit <= edits; edit++) {
    const text = original.replace(descriptionLine, `$1, edited ${edit}.`);
    fs.writeFileSync(page, text);
    const update = await build.update([page]);
    if (!update.ok) throw new Error(`edit ${edit} left ${update.errors} errors`);
    times.push(update.ms);
    rendered.push(update.rendered.length);
  }
} finally {
  fs.writeFileSync(page, original);
  build.dispose();
}
times.sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({ page: path.relative(site, page), startMs: Math.round(startMs), medianMs: times[Math.floor(times.length / 2)], times, edits, renderedPerEdit: rendered[0] })}\n`,
);
