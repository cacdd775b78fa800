import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineLinkUrls, markdownLinkUrls, parsedLinkUrls } from '../../src/parse/markdown-links.js';

/**
 * `inlineLinkUrls` reads the links of simple markdown without a parser and
 * gives up (null) on anything else; wherever it answers, it must answer as
 * the CommonMark parser does.
 */

/** Pieces that make links, break them, or change what the text around them is. */
const pieces = [
  'a', 'Word', ' ', '  ', '    ', '\n', '\n\n', '\t', '\r\n', '\0', '\u00a0', 'é',
  '[', ']', '(', ')', '[a]', '(b)', '](', '][', ']:', '[]', '()',
  '[x](/y)', '[x y](/z#f)', '[](z)', '[x](https://e.com/p?q=1&r=2)', '[x](/a_b*c)', '[x](/a"b)',
  '[a](<b c>)', '[a](/b "t")', '[a]( /b )', '[a](b(c))', '[a](b]c)', '[a][b]', '[a][]', '[a]: /d', '[^1]',
  '![i](/j)', '!', '<', '>', '<https://e.com>', '`', '``', '\\', '\\[', '&amp;', '&#91;', '&', ':', '"', "'",
  '~~~', '```', '#', '# ', '- ', '* ', '+ ', '1. ', '2) ', '> ', '>     ', '-     ', '*', '_', '**', '=', '===', '---', '***',
  'www.e.com', 'http://h.com', 'a@b.co', '%20', '|', '{', '}',
];

const markdown = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((parts) => parts.join(''));

/** Prose with simple inline links: what the fast path exists for, so it must take it. */
const word = fc.stringMatching(/^[A-Za-z0-9.,;:'"?!*_#=+-]{1,8}$/);
const destination = fc.stringMatching(/^[A-Za-z0-9/._:?#=%*+-]{0,20}$/);
const sentence = fc
  .array(fc.oneof(word, fc.tuple(fc.array(word, { maxLength: 3 }), destination).map(([label, url]) => `[${label.join(' ')}](${url})`)), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) => parts.join(' '));

describe('markdown links', () => {
  it('markdown-links: the parser-free reading agrees with the parser wherever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(markdown, (text) => {
        const fast = inlineLinkUrls(text);
        if (fast === null) return;
        answered += 1;
        expect(fast, JSON.stringify(text)).toEqual(parsedLinkUrls(text));
      }),
      { numRuns: Number(process.env.MARKDOWN_LINKS_RUNS ?? 3000) },
    );
    expect(answered).toBeGreaterThan(300);
  });

  it('markdown-links: prose with simple inline links is read without the parser, as the parser reads it', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const fast = inlineLinkUrls(text);
        // `![` (a word ending in `!` before a link) makes an image: that one is left to the parser.
        if (text.includes('![')) return;
        expect(fast, JSON.stringify(text)).not.toBeNull();
        expect(fast, JSON.stringify(text)).toEqual(parsedLinkUrls(text));
        expect(markdownLinkUrls(text)).toEqual(fast);
      }),
      { numRuns: 400 },
    );
  });

  it('markdown-links: reads a description with a link without the parser', () => {
    const text = 'Fetches one [Amber Runbook](/reference/catalog/amber-runbook) by its [`id`](#id)... or [none]().';
    expect(inlineLinkUrls(text)).toBeNull();
    const plain = 'Fetches one [Amber Runbook](/reference/catalog/amber-runbook) by its [id](#id), or [none]().';
    expect(inlineLinkUrls(plain)).toEqual(['/reference/catalog/amber-runbook', '#id', '']);
    expect(parsedLinkUrls(plain)).toEqual(['/reference/catalog/amber-runbook', '#id', '']);
  });

  it('markdown-links: leaves to the parser what only the parser can read', () => {
    const cases: Array<[string, string[]]> = [
      ['See [the guide][guide].\n\n[guide]: /guides/start', ['/guides/start']],
      ['Not a link: `[a](/b)`, but [c](/d) is.', ['/d']],
      ['An image ![logo](/logo.png) and [a link](/e).', ['/e']],
      ['Escaped \\[a](/b) and [c](/d "title").', ['/d']],
      ['Code:\n\n    [a](/indented)\n\n[b](/c)', ['/c']],
      ['~~~\n[a](/fenced)\n~~~', []],
      ['[a](/b&amp;c)', ['/b&c']],
    ];
    for (const [text, urls] of cases) {
      expect(inlineLinkUrls(text), text).toBeNull();
      expect(markdownLinkUrls(text), text).toEqual(urls);
    }
  });
});
