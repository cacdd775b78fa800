#!/usr/bin/env node
/**
 * The least any checker must do: read every `.mdx` file under a folder and
 * load its frontmatter with js-yaml (no positions, no checks).
 *
 *   node bench/compare-floor.js CONTENT_DIR TOOLS_DIR
 *
 * TOOLS_DIR is where bench/compare.js installed js-yaml, outside the project.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [content, tools] = process.argv.slice(2);
if (!content || !tools) {
  process.stderr.write('usage: node bench/compare-floor.js CONTENT_DIR TOOLS_DIR\n');
  process.exit(2);
}
const jsYaml = createRequire(path.join(path.resolve(tools), 'package.json'))('js-yaml');

let files = 0;
let keys = 0;
const walk = (/** @type {string} */ folder) => {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.name.endsWith('.mdx')) {
      const text = fs.readFileSync(file, 'utf8');
      const end = text.startsWith('---') ? text.indexOf('\n---', 3) : -1;
      if (end !== -1) keys += Object.keys(jsYaml.load(text.slice(4, end)) ?? {}).length;
      files += 1;
    }
  }
};
walk(path.resolve(content));
process.stdout.write(`${JSON.stringify({ files, keys })}\n`);
