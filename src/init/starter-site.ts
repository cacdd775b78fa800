import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The starter site shipped with polyref: `content/`, `examples/` and `polyref.config.json`, checked clean by the tests. */
const starterFolder = fileURLToPath(new URL('../../starter/', import.meta.url));
/** The polyref package this module belongs to. */
const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A file `polyref init` writes, by path relative to the folder it writes into (`/` separators). */
export interface StarterFile {
  path: string;
  content: string;
}

/**
 * The files of a new site in `folder`: the starter site, its configuration
 * naming the JSON Schema of polyref.config.json, and VS Code settings that
 * give pages and navigation files their schemas.
 */
export function starterFiles(folder: string): StarterFile[] {
  const schemas = schemasPath(folder);
  const config = fs.readFileSync(path.join(starterFolder, 'polyref.config.json'), 'utf8');
  const settings = {
    'files.associations': { '**/_navigation.mdx': 'yaml' },
    'yaml.schemas': {
      [`${schemas}/page.schema.json`]: ['content/**/*.mdx'],
      [`${schemas}/navigation.schema.json`]: ['content/**/_navigation.mdx'],
    },
  };
  const site = listFiles(starterFolder)
    .filter((name) => name !== 'polyref.config.json')
    .map((name) => ({ path: name, content: fs.readFileSync(path.join(starterFolder, name), 'utf8') }));
  return [
    { path: 'polyref.config.json', content: withSchema(config, `${schemas}/polyref.config.schema.json`) },
    ...site,
    { path: '.vscode/settings.json', content: `${JSON.stringify(settings, null, 2)}\n` },
  ];
}

/**
 * Where editors find polyref's schemas from `folder`: in the polyref that
 * runs when the project installed it (`npm install --save-dev polyref`),
 * else where that install will put them.
 */
function schemasPath(folder: string): string {
  const installedIn = path.dirname(path.dirname(packageRoot));
  const isInstalled = path.basename(path.dirname(packageRoot)) === 'node_modules';
  const upward = path.relative(folder, installedIn);
  const projectHasIt = isInstalled && (upward === '' || upward.split(path.sep).every((segment) => segment === '..'));
  if (!projectHasIt) return './node_modules/polyref/schemas';
  const schemas = path.relative(folder, path.join(packageRoot, 'schemas')).split(path.sep).join('/');
  return schemas.startsWith('.') ? schemas : `./${schemas}`;
}

/** The configuration as written, with `$schema` as its first key. */
function withSchema(config: string, schema: string): string {
  if (!config.startsWith('{\n')) throw new Error('The starter polyref.config.json must open with `{` on a line of its own');
  return `{\n  "$schema": ${JSON.stringify(schema)},\n${config.slice(2)}`;
}

function listFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
