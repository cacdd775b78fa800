/** A seeded random stream (mulberry32): the same seed always gives the same test. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = {
    next,
    /** Between `min` and `max`, both included. */
    int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    chance: (probability: number): boolean => next() < probability,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    shuffle: <T>(list: readonly T[]): T[] => {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
  };
  return random;
}

export type Random = ReturnType<typeof createRandom>;

const languages = ['curl', 'python', 'js'] as const;
const objects = ['group', 'user', 'token', 'widget', 'ledger'];
const fields = ['id', 'name', 'role', 'state', 'owner'];
const entryKeys = ['Group', 'User', 'Token', 'Widget', 'Ledger', 'Pager'];

/**
 * A small page whose frontmatter draws keys from small pools, so that pages
 * share description key paths, entry keys and ids as real sites do (and
 * sometimes collide). `variant` changes its text without changing its shape.
 * Half the pages have no `title`, and their first heading is a `#`, a `##` or
 * none, so that titles come from every source a page may take one from.
 */
export function randomPageText(random: Random, variant: number): string {
  const title = `title: Page ${random.int(1, 9)} v${variant}`;
  const lines = ['---', ...(random.chance(0.5) ? [title] : []), 'descriptions:'];
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
  const heading = random.pick([`# Page v${variant}`, `## Section v${variant}`, null]);
  lines.push('---', '', ...(heading ? [heading, ''] : []), `Some text ${variant}.`, '');
  return lines.join('\n');
}

export function randomNavigationText(random: Random, urls: string[]): string {
  const lines = ['---', `title: Navigation ${random.int(1, 9)}`, 'links:'];
  for (const url of random.shuffle(urls).slice(0, random.int(1, 4))) lines.push(`  - title: Link ${url}`, `    url: ${url}`);
  lines.push('---', '');
  return lines.join('\n');
}
