/**
 * Edits of the example site that tests of incremental and cached builds
 * make at random, and the means to compare what two builds wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Random } from './random-pages.js';

/** Every file under `folder`, by `/`-separated path. */
export function readTree(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(folder, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else files.set(name, fs.readFileSync(path.join(folder, name)));
    }
  };
  if (fs.existsSync(folder)) walk('');
  return files;
}

export function asBuffers(output: ReadonlyMap<string, string | Buffer>): Map<string, Buffer> {
  return new Map([...output].map(([name, content]) => [name, Buffer.from(content)]));
}

/** Names the files that differ, so a failure says where. */
export function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>, when: string): void {
  expect([...actual.keys()].sort(), `${when}: file list`).toEqual([...expected.keys()].sort());
  const different = [...expected].filter(([name, content]) => !actual.get(name)!.equals(content)).map(([name]) => name);
  expect(different, `${when}: files whose bytes differ`).toEqual([]);
}

export function pagesOf(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, 'content', relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else if (name.endsWith('.mdx')) found.push(name);
    }
  };
  walk('');
  return found.sort();
}

export type Edit = (dir: string, random: Random, step: number) => string[];

/** A page whose text `fits`, at random; null when none does. */
export function pickFile(dir: string, random: Random, fits: (text: string) => boolean): string | null {
  const files = pagesOf(dir)
    .map((name) => path.join(dir, 'content', name))
    .filter((file) => fits(fs.readFileSync(file, 'utf8')));
  return files.length > 0 ? random.pick(files) : null;
}

/** Appends words to a description-like line (a plain scalar ending in a period). */
const descriptionLine = /^\s+(?:[a-z_]+|- [a-z_]+): [A-Z][^:#'"]*\.$/;
const editDescription: Edit = (dir, random, step) => {
  const file = pickFile(dir, random, (text) => text.split('\n').some((line) => descriptionLine.test(line)));
  if (!file) return [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const candidates = lines.map((line, at) => ({ line, at })).filter(({ line }) => descriptionLine.test(line));
  const { line, at } = random.pick(candidates);
  lines[at] = `${line.slice(0, -1)}, edited ${step}.`;
  fs.writeFileSync(file, lines.join('\n'));
  return [file];
};

/** A comment at the top of the frontmatter moves every line below it. */
const shiftLines: Edit = (dir, random, step) => {
  const file = pickFile(dir, random, (text) => text.startsWith('---\n'));
  if (!file) return [];
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, `---\n# moved ${step}\n${text.slice(4)}`);
  return [file];
};

const retitle: Edit = (dir, random, step) => {
  const file = path.join(dir, 'content', random.pick(pagesOf(dir)));
  const text = fs.readFileSync(file, 'utf8');
  if (!/^title: .*$/m.test(text)) return [];
  fs.writeFileSync(file, text.replace(/^title: (.*)$/m, (_line, title: string) => `title: ${title.replace(/ \(\d+\)$/, '')} (${step})`));
  return [file];
};

/** Takes a page's `title` away: its navigation link, else its first heading, names it now. */
const untitle: Edit = (dir, random) => {
  const files = pagesOf(dir)
    .filter((name) => !path.basename(name).startsWith('_'))
    .map((name) => path.join(dir, 'content', name))
    .filter((file) => /^title: .*\n/m.test(fs.readFileSync(file, 'utf8')));
  if (files.length === 0) return [];
  const file = random.pick(files);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*\n/m, ''));
  return [file];
};

/** Renames a link of the navigation: the page it names takes that title where it has none of its own. */
const renameNavigationLink: Edit = (dir, random, step) => {
  const file = path.join(dir, 'content', 'reference', '_navigation.mdx');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const links = lines.map((line, at) => ({ line, at })).filter(({ line }) => /^\s+- title: /.test(line));
  const { line, at } = random.pick(links);
  lines[at] = `${line.replace(/ \(\d+\)$/, '')} (${step})`;
  fs.writeFileSync(file, lines.join('\n'));
  return [file];
};

/** Rewrites a page's first heading, at another level: it names the page when nothing else does. */
const editHeading: Edit = (dir, random, step) => {
  const bodyStart = (text: string) => (text.startsWith('---\n') ? text.indexOf('\n---\n', 3) + 5 : 0);
  const file = pickFile(dir, random, (text) => /^#{1,2} .+$/m.test(text.slice(bodyStart(text))));
  if (!file) return [];
  const text = fs.readFileSync(file, 'utf8');
  const end = bodyStart(text);
  const body = text.slice(end).replace(/^#{1,2} .+$/m, `${random.pick(['#', '##'])} Heading ${step}`);
  fs.writeFileSync(file, text.slice(0, end) + body);
  return [file];
};

const addPage: Edit = (dir, random, step) => {
  const folder = random.pick(['reference', 'reference/directory-sync', 'reference/directory-sync/directory-group', 'guides']);
  const file = path.join(dir, 'content', folder, `added-${step}.mdx`);
  const referenceId = random.pick(['directory_group', 'directory_user', 'list_directory_groups']);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    [
      '---',
      `title: Added page ${step}`,
      'descriptions:',
      `  added_${step}:`,
      `    self: Added object ${step}.`,
      'reference:',
      '  python:',
      `    - key: Added${step}`,
      `      id: added_${step}`,
      `      url: /${folder}/added-${step}`,
      `      description: (added_${step})`,
      '      properties:',
      '        - key: id',
      '          type: str',
      '          description: (directory_group.id)',
      '        - (DirectoryGroup)',
      '---',
      '',
      `# Added ${step}`,
      '',
      `<CodeBlock referenceId="${referenceId}" />`,
      '',
    ].join('\n'),
  );
  return [file];
};

const removeAddedPage: Edit = (dir, random) => {
  const added = pagesOf(dir).filter((name) => name.includes('added-'));
  if (added.length === 0) return [];
  const file = path.join(dir, 'content', random.pick(added));
  fs.rmSync(file);
  return [file];
};

const editExample: Edit = (dir, random, step) => {
  const folder = path.join(dir, 'examples', random.pick(fs.readdirSync(path.join(dir, 'examples')).sort()));
  const file = path.join(folder, random.pick(fs.readdirSync(folder).sort()));
  fs.appendFileSync(file, `\n// edited ${step}\n`);
  return [file];
};

/** Changes where a symbol links from (an entry of the symbol table): pages whose examples show it render again. */
const editSymbolPattern: Edit = (dir, random) => {
  const file = pickFile(dir, random, (text) => /patternBefore: /.test(text));
  if (!file) return [];
  const text = fs.readFileSync(file, 'utf8');
  // A pattern that no code matches takes the symbol's links away; the next toggle brings them back.
  const toggled = text.includes('patternBefore: nowhere\\.')
    ? text.replace(/patternBefore: nowhere\\\./, 'patternBefore: ')
    : text.replace(/patternBefore: /, 'patternBefore: nowhere\\.');
  fs.writeFileSync(file, toggled);
  return [file];
};

const editNavigation: Edit = (dir, _random, step) => {
  const file = path.join(dir, 'content', 'reference', '_navigation.mdx');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: (.*)$/m, `title: Reference ${step}`));
  return [file];
};

/** Breaks one description reference; the next `fixReference` puts it back. */
const breakReference: Edit = (dir, random) => {
  const file = pickFile(dir, random, (text) => /description: \(([a-z_]+)\.([a-z_]+)\)/.test(text));
  if (!file) return [];
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace(/description: \(([a-z_]+)\.([a-z_]+)\)/, 'description: ($1.$2_broken)'));
  return [file];
};

const fixReference: Edit = (dir) => {
  const touched: string[] = [];
  for (const name of pagesOf(dir)) {
    const file = path.join(dir, 'content', name);
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('_broken)')) continue;
    fs.writeFileSync(file, text.replace(/_broken\)/g, ')'));
    touched.push(file);
  }
  return touched;
};

const editTemplate: Edit = (dir, _random, step) => {
  const file = path.join(dir, 'templates', 'page.hbs');
  fs.appendFileSync(file, `{{!-- edit ${step} --}}<!-- ${step} -->\n`);
  return [file];
};

export const edits: Array<[Edit, number]> = [
  [editDescription, 6],
  [shiftLines, 2],
  [retitle, 2],
  [untitle, 2],
  [renameNavigationLink, 2],
  [editHeading, 2],
  [addPage, 2],
  [removeAddedPage, 2],
  [editExample, 2],
  [editSymbolPattern, 2],
  [editNavigation, 1],
  [breakReference, 1],
  [fixReference, 2],
  [editTemplate, 1],
];

export function pickEdit(random: Random): Edit {
  const total = edits.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [edit, weight] of edits) {
    roll -= weight;
    if (roll < 0) return edit;
  }
  return edits[0]![0];
}

