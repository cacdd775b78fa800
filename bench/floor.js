#!/usr/bin/env node
/**
 * The bare parse floor: the least any checker of these pages must do. Reads
 * every `.mdx` file under a folder and loads its frontmatter with js-yaml
 * (no positions, no model, no checks), then prints the same JSON line as
 * `measure.js`, so that `run.js` can time it beside `check`.
 *
 *   node bench/floor.js CONTENT_DIR
 */
import fs from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';

const started = performance.now();
const root = path.resolve(process.argv[2] ?? 'content');
let files = 0;
let keys = 0;
const walk = (/** @type {string} */ folder) => {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.name.endsWith('.mdx')) {
      const text = fs.readFileSync(file, 'utf8');
      const end = text.startsWith('---') ? text.indexOf('\n---', 3) : -1;
      if (end !== -1) keys += Object.keys(/** @type {object} */ (jsYaml.load(text.slice(4, end)) ?? {})).length;
      files += 1;
    }
  }
};
walk(root);
const finished = performance.now();
const usage = process.resourceUsage();
const round = (/** @type {number} */ value) => Math.round(value * 10) / 10;
process.stdout.write(
  `${JSON.stringify({ exitCode: 0, files, keys, ms: round(finished - started), importMs: 0, mainMs: round(finished - started), maxRssMb: round(usage.maxRSS / 1024), userMs: round(usage.userCPUTime / 1000), systemMs: round(usage.systemCPUTime / 1000) })}\n`,
);
