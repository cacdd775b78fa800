import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/parse/split-frontmatter.js';

describe('splitFrontmatter', () => {
  it('separates YAML from the body and keeps where the body starts', () => {
    const split = splitFrontmatter('---\ntitle: A\nb: 2\n---\n\n# A\n');
    expect(split.yaml).toBe('title: A\nb: 2\n');
    expect(split.yamlLine).toBe(2);
    expect(split.body).toBe('\n# A\n');
    expect(split.bodyLine).toBe(5);
    expect(split.bodyOffset).toBe('---\ntitle: A\nb: 2\n---\n'.length);
  });

  it('accepts CRLF line endings', () => {
    const split = splitFrontmatter('---\r\ntitle: A\r\n---\r\nBody\r\n');
    expect(split.yaml).toBe('title: A\r\n');
    expect(split.body).toBe('Body\r\n');
    expect(split.bodyLine).toBe(4);
  });

  it('treats a page without frontmatter as all body', () => {
    const split = splitFrontmatter('# Guide\n');
    expect(split.yaml).toBeNull();
    expect(split.body).toBe('# Guide\n');
    expect(split.bodyLine).toBe(1);
  });

  it('reports an unterminated frontmatter at its opening fence', () => {
    const split = splitFrontmatter('---\ntitle: A\n# no end\n');
    expect(split.diagnostic).toMatchObject({ ruleId: 'frontmatter-syntax', place: { line: 1, column: 1 } });
  });

  it('closes an empty frontmatter on the next line', () => {
    const split = splitFrontmatter('---\n---\nBody');
    expect(split.yaml).toBe('');
    expect(split.body).toBe('Body');
    expect(split.bodyLine).toBe(3);
  });
});
