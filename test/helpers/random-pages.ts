import { createRandom } from '../../bench/generate.js';

export type Random = ReturnType<typeof createRandom>;
export { createRandom };

const languages = ['curl', 'python', 'js'] as const;
const objects = ['group', 'user', 'token', 'widget', 'ledger'];
const fields = ['id', 'name', 'role', 'state', 'owner'];
const entryKeys = ['Group', 'User', 'Token', 'Widget', 'Ledger', 'Pager'];

/**
 * A small page whose frontmatter draws keys from small pools, so that pages
 * share description key paths, entry keys and ids as real sites do (and
 * sometimes collide). `variant` changes its text without changing its shape.
 */
export function randomPageText(random: Random, variant: number): string {
  const lines = ['---', `title: Page ${random.int(1, 9)} v${variant}`, 'descriptions:'];
  for (const object of random.shuffle(objects).slice(0, random.int(1, 3))) {
    lines.push(`  ${object}:`);
    if (random.chance(0.7)) lines.push(`    self: The ${object} v${variant}.`);
    for (const field of random.shuffle(fields).slice(0, random.int(1, 3))) lines.push(`    ${field}: The ${field} of a ${object} v${variant}.`);
  }
  lines.push('reference:');
  for (const language of random.shuffle([...languages]).slice(0, random.int(1, 3))) {
    lines.push(`  ${language}:`);
    for (const key of random.shuffle(entryKeys).slice(0, random.int(1, 2))) {
      const object = random.pick(objects);
      lines.push(`    - key: ${key}`, `      id: ${key.toLowerCase()}`);
      if (random.chance(0.6)) lines.push(`      url: /somewhere/${key.toLowerCase()}`);
      lines.push(`      description: (${object})`, '      properties:');
      for (const field of random.shuffle(fields).slice(0, random.int(1, 3))) {
        lines.push(`        - key: ${field}`, '          type: string', `          description: (${random.pick(objects)}.${field})`);
      }
      if (random.chance(0.5)) lines.push(`        - (${random.pick(entryKeys)})`);
    }
  }
  lines.push('---', '', `# Page v${variant}`, '', `Some text ${variant}.`, '');
  return lines.join('\n');
}

export function randomNavigationText(random: Random, urls: string[]): string {
  const lines = ['---', `title: Navigation ${random.int(1, 9)}`, 'links:'];
  for (const url of random.shuffle(urls).slice(0, random.int(1, 4))) lines.push(`  - title: Link ${url}`, `    url: ${url}`);
  lines.push('---', '');
  return lines.join('\n');
}
