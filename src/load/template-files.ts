import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The templates shipped with polyref, which a project's own folder shadows file by file. */
export const builtinTemplates = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

/**
 * Every template by its name (`layout`, `partials/property-table`,
 * `components/CodeBlock`), the project's own file winning over the built-in one.
 */
export function findTemplates(projectTemplates: string | null): Map<string, string> {
  const found = new Map<string, string>();
  for (const root of [builtinTemplates, projectTemplates]) {
    if (root && fs.existsSync(root)) collect(root, '', found);
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function collect(root: string, relative: string, found: Map<string, string>): void {
  for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) collect(root, name, found);
    else if (entry.isFile() && entry.name.endsWith('.hbs')) found.set(name.slice(0, -'.hbs'.length), path.join(root, name));
  }
}

/** Component names that have a template: what a page's body may use. */
export function componentNames(templates: Map<string, string>): Set<string> {
  const names = new Set<string>();
  for (const name of templates.keys()) {
    if (name.startsWith('components/')) names.add(name.slice('components/'.length));
  }
  return names;
}
