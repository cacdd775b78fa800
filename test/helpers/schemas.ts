import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../../src/parse/split-frontmatter.js';
import { repoRoot } from './run-cli.js';

export const schemasFolder = path.join(repoRoot, 'schemas');

export function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(schemasFolder, name), 'utf8')) as Record<string, unknown>;
}

/** A shipped schema compiled as strict draft-07, as the YAML language server reads it; `regex` is a JavaScript regular expression, as polyref compiles it. */
export function compileSchema(name: string): ValidateFunction {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  ajv.addFormat('regex', (pattern: string) => {
    try {
      new RegExp(pattern);
      return true;
    } catch {
      return false;
    }
  });
  return ajv.compile(readSchema(name));
}

/** The frontmatter of an `.mdx` file as plain data, or undefined when it has none. */
export function frontmatterOf(file: string): unknown {
  const { yaml } = splitFrontmatter(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  return yaml === null ? undefined : parseYaml(yaml);
}

export function mdxFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
