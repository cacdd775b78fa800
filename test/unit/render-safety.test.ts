import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isPlainProse, MarkdownRenderer, renderMarkdown } from '../../src/render/markdown.js';
import { withBasePath } from '../../src/render/sanitize.js';
import { safeUrl } from '../../src/render/templates.js';

describe('markdown', () => {
  it('drops raw HTML and unsafe links', () => {
    const html = renderMarkdown('Hi <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))', '/');
    expect(html).not.toMatch(/<script|onerror|javascript:/);
  });

  it('rewrites root-relative links with the base path', () => {
    expect(renderMarkdown('[a](/x) [b](https://e.com/y) [c](#z)', '/docs/')).toBe(
      '<p><a href="/docs/x">a</a> <a href="https://e.com/y">b</a> <a href="#z">c</a></p>',
    );
  });

  it('renders plain prose without the parser, byte for byte as the parser would', () => {
    const renderer = new MarkdownRenderer('/');
    const samples = [
      'Unique identifier for the Directory Group.',
      'Say "hi" (now) - 50% + $3; done?',
      "The group's name, as shown.",
      'A',
      'Ends with a dot.\n',
      'Two  spaces inside',
      '1. Not a list because it starts with a digit',
      'See www.example.com for more',
    ];
    let seed = 7;
    const alphabet = 'abcXYZ019 ,.;\'"()?%+$-*_`[]<>&#!|~\n';
    for (let count = 0; count < 500; count++) {
      let text = 'A';
      const length = (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 40;
      for (let index = 0; index < length; index++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        text += alphabet[seed % alphabet.length];
      }
      samples.push(text);
    }
    for (const sample of samples) {
      expect(renderer.renderUncached(sample), JSON.stringify(sample)).toBe(renderMarkdown(sample.trim(), '/'));
      // The search index takes plain prose as its own text: the parser must agree.
      if (isPlainProse(sample.trim())) expect(toString(markdownParser.parse(sample)).replace(/\s+/g, ' ').trim()).toBe(sample.trim());
    }
  });
});

const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();

describe('urls', () => {
  it.each([
    ['javascript:alert(1)', '#'],
    ['JavaScript:alert(1)', '#'],
    ['java\tscript:alert(1)', '#'],
    [' data:text/html,x', '#'],
    ['vbscript:x', '#'],
    ['https://example.com/a', 'https://example.com/a'],
    ['mailto:a@b.c', 'mailto:a@b.c'],
    ['/reference/x', '/reference/x'],
    ['#id', '#id'],
    ['', '#'],
  ])('safeUrl(%j) is %j', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });

  it('adds the base path to root-relative URLs only', () => {
    expect(withBasePath('/x', '/docs/')).toBe('/docs/x');
    expect(withBasePath('//cdn/x', '/docs/')).toBe('//cdn/x');
    expect(withBasePath('x', '/docs/')).toBe('x');
    expect(withBasePath('/x', '/')).toBe('/x');
  });

  it('adds the base path once to a link written with it', () => {
    for (const url of ['/docs/x', '/docs/', '/docs', '/docs?lang=go', '/docs#top', '/docs/x/y#z']) {
      expect(withBasePath(url, '/docs/'), url).toBe(url);
    }
    expect(withBasePath('/api/v2/x', '/api/v2/')).toBe('/api/v2/x');
    expect(withBasePath('/api/v2', '/api/v2/')).toBe('/api/v2');
  });

  it('adds the base path to a link that only starts with the same letters', () => {
    expect(withBasePath('/docsearch', '/docs/')).toBe('/docs/docsearch');
    expect(withBasePath('/docs-old/x', '/docs/')).toBe('/docs/docs-old/x');
    expect(withBasePath('/doc', '/docs/')).toBe('/docs/doc');
    expect(withBasePath('/api/v2x', '/api/v2/')).toBe('/api/v2/api/v2x');
    expect(withBasePath('/api/x', '/api/v2/')).toBe('/api/v2/api/x');
  });
});
