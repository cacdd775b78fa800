import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { indentationMessage, indentationSlips } from '../../src/parse/yaml-indentation.js';
import { generateFrontmatter } from '../helpers/frontmatter-generator.js';
import { repoRoot } from '../helpers/run-cli.js';

/** Each slip as `line:column message`, the column counted from 1 in its line. */
const slipsOf = (yaml: string) =>
  indentationSlips(yaml).map((slip) => `${slip.line}:${slip.offset - yaml.lastIndexOf('\n', slip.offset - 1)} ${indentationMessage(slip)}`);

describe('indentationSlips', () => {
  it('names a key one space short of its siblings, and one space past them', () => {
    const under = 'descriptions:\n  widget:\n    self: A widget.\n    name: Its name.\n   color: Its color.\n';
    expect(slipsOf(under)).toEqual(['5:4 Unexpected indentation of `color` (3 spaces), expected 4 like the other keys of this map']);
    const over = 'descriptions:\n  widget:\n    self: A widget.\n     name: Its name.\n    color: Its color.\n';
    expect(slipsOf(over)).toEqual(['4:6 Unexpected indentation of `name` (5 spaces), expected 4 like the other keys of this map']);
  });

  it('names a list item out of line with the others, and keys of an item under its dash', () => {
    const items = 'reference:\n  python:\n    - key: A\n      id: a\n   - key: B\n';
    expect(slipsOf(items)).toEqual(['5:4 Unexpected indentation of `-` (3 spaces), expected 4 like the other items of this list']);
    const keys = 'reference:\n  python:\n    - key: A\n     id: a\n';
    expect(slipsOf(keys)).toEqual(['4:6 Unexpected indentation of `id` (5 spaces), expected 6 like the other keys of this map']);
  });

  it('blames the first line of a level when the lines after it agree with each other', () => {
    const first = 'descriptions:\n   a: A.\n  b: B.\n  c: C.\n';
    expect(slipsOf(first)).toEqual(['2:4 Unexpected indentation of `a` (3 spaces), expected 2 like the other keys of this map']);
  });

  it('leaves block scalars, quoted and flow values and plain text alone', () => {
    const text = [
      'a: >',
      '  text: that looks like a key',
      '   and more of it',
      'b: "quoted # with',
      '  x: y"',
      'c: [1,',
      '   2]',
      'd: plain text',
      '  goes on',
      'e:',
      '- item',
      '- other',
      'f: |2',
      '   deeper: text',
      '',
    ].join('\n');
    expect(slipsOf(text)).toEqual([]);
  });

  it('finds nothing in YAML that parses, in any style the generator writes', () => {
    for (let seed = 1; seed <= 400; seed++) {
      for (const variant of ['clean', 'exotic', 'mutated'] as const) {
        const yaml = generateFrontmatter(seed, variant);
        if (parseDocument(yaml, { uniqueKeys: true, strict: true }).errors.length > 0) continue;
        expect(indentationSlips(yaml), `${variant} ${seed}`).toEqual([]);
      }
    }
  });

  it('puts a key of the bundled pages moved one space in or out, when YAML rejects it, on its own line', () => {
    // Every fifth key line of each page: enough of every shape, in a few seconds.
    const pages = fs.readdirSync(path.join(repoRoot, 'content'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.mdx'));
    let judged = 0;
    for (const name of pages) {
      const yaml = /^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(path.join(repoRoot, 'content', name), 'utf8'))?.[1];
      if (!yaml) continue;
      const lines = yaml.split('\n');
      lines.forEach((line, at) => {
        const indent = /^ */.exec(line)![0].length;
        if (indent < 2 || !/^ *(- )?\w+:/.test(line) || at % 5 !== 0) return;
        for (const shift of [-1, 1]) {
          const moved = lines.map((text, index) => (index === at ? ' '.repeat(indent + shift) + text.slice(indent) : text)).join('\n');
          if (parseDocument(moved, { uniqueKeys: true, strict: true }).errors.length === 0) continue;
          judged += 1;
          expect(indentationSlips(moved)[0]?.line, `${name} line ${at + 1} moved by ${shift}`).toBe(at + 1);
        }
      });
    }
    expect(judged).toBeGreaterThan(200);
  });
});
