#!/usr/bin/env node
/**
 * Frontmatter parse speed, in MB/s of YAML, on a generated site's pages:
 * js-yaml's `load` alone (no positions), the fast reader (js-yaml with
 * places, into the model) and the reference reader (`yaml`'s
 * `parseDocument`, into the model). CPU time of this thread, best of R runs.
 *
 *   npx tsc -p . && node bench/parse-speed.js [--pages 300] [--runs 5]
 */
import { parseArgs } from 'node:util';
import jsYaml from 'js-yaml';
import { generateSite } from './generate.js';

const { readPageFrontmatter } = await import('../dist/parse/page-frontmatter.js');
const { values } = parseArgs({ options: { pages: { type: 'string', default: '300' }, runs: { type: 'string', default: '5' } } });

const yamls = generateSite({ pages: Number(values.pages), seed: 1 })
  .files.filter((/** @type {{ path: string }} */ file) => file.path.endsWith('.mdx'))
  .map((/** @type {{ text: string }} */ file) => /^---\n([\s\S]*?)^---/m.exec(file.text)?.[1] ?? '');
const megabytes = yamls.reduce((sum, yaml) => sum + Buffer.byteLength(yaml), 0) / 1e6;

/** @param {(yaml: string) => unknown} parse */
function speed(parse) {
  let best = Infinity;
  for (let run = 0; run < Number(values.runs); run += 1) {
    const before = process.cpuUsage();
    for (const yaml of yamls) parse(yaml);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return megabytes / best;
}

let fastTaken = 0;
for (const yaml of yamls) if (readPageFrontmatter(yaml, 2, 4, false, 'fast').readBy === 'fast') fastTaken += 1;
const rows = [
  ['js-yaml load (no places)', speed((yaml) => jsYaml.load(yaml))],
  ['fast reader (model + places)', speed((yaml) => readPageFrontmatter(yaml, 2, 4, false, 'fast'))],
  ['reference reader (yaml)', speed((yaml) => readPageFrontmatter(yaml, 2, 4, false, 'reference'))],
];
process.stdout.write(`${yamls.length} pages, ${megabytes.toFixed(1)} MB of frontmatter, ${fastTaken} read by the fast reader\n`);
for (const [name, rate] of rows) process.stdout.write(`${String(name).padEnd(32)} ${Number(rate).toFixed(1).padStart(6)} MB/s\n`);
