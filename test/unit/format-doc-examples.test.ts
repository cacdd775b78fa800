import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

/** The fenced blocks of a markdown file that carry `title="…"`, by title. */
function titledBlocks(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of markdown.matchAll(/^(`{3,})\w* title="([^"]+)"\n([\s\S]*?)^\1$/gm)) blocks.set(match[2]!, match[3]!);
  return blocks;
}

describe('docs/format.md', () => {
  const blocks = titledBlocks(fs.readFileSync(path.join(repoRoot, 'docs/format.md'), 'utf8'));

  it.each(['content/reference/widget/create.mdx', 'content/reference/shared.mdx'])('shows %s as `polyref init` writes it, whole', (page) => {
    expect(blocks.get(page)).toBe(fs.readFileSync(path.join(repoRoot, 'starter', page), 'utf8'));
  });
});
