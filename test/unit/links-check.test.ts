import { describe, expect, it } from 'vitest';
import { checkFiles } from '../helpers/site.js';

const widgets = `---
title: Widgets
descriptions:
  widget:
    self: A widget.
    id: Id.
reference:
  curl:
    - key: widget
      id: widget
      url: /reference/widgets
      properties:
        - key: id
          type: string
          description: (widget.id)
        - key: meta
          type: object
          description: Literal metadata.
          properties:
            - key: tag
              type: string
              description: A tag.
---

# Widgets

## Paging

## Paging

<CodeBlock referenceId="widget" />
`;

const uses = `---
title: Uses
descriptions:
  uses:
    self: 'Plain [ok](/reference/widgets#widget.id) and [bad](/reference/widgets#nope).'
    folded: >
      A folded description that links to
      [a missing page](/reference/gadgets) on its second line.
    quoted: "See [paging](/reference/widgets#paging-1) and [gone](/reference/widgets#paging-2)."
reference:
  curl:
    - key: uses
      id: uses
      url: /reference/uses#uses
      description: (uses)
      properties:
        - key: a
          type: string
          description: 'Literal with [a link](/reference/widget).'
        - key: b
          type: string
          description: (uses.folded)
        - key: c
          type: string
          description: (uses.quoted)
---

# Uses

Body [fine](/reference/widgets#widget.meta.tag), [same page](#uses), [broken](#nowhere),
[external](https://example.com/x), [mail](mailto:a@b.c), [relative](widgets), [query](/reference/widgets?lang=python#paging), [slash](/reference/widgets/).

<CodeBlock referenceId="uses" />
`;

/** 1-based line and column of the `occurrence`-th `text` in `source`. */
function placeOf(source: string, text: string, occurrence = 1): { line: number; column: number } {
  let offset = -1;
  for (let count = 0; count < occurrence; count++) offset = source.indexOf(text, offset + 1);
  if (offset === -1) throw new Error(`no ${text}`);
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const linkErrors = (findings: ReturnType<typeof checkFiles>[string] | undefined, ruleId = 'broken-link') =>
  (findings ?? []).filter((finding) => finding.ruleId === ruleId);

describe('broken-link', () => {
  it('reports missing pages and anchors in descriptions and the body, at the URL inside the YAML value', () => {
    const findings = checkFiles({ 'content/reference/widgets.mdx': widgets, 'content/reference/uses.mdx': uses });
    expect(linkErrors(findings['reference/widgets.mdx'])).toEqual([]);
    const error = (message: string) => ({ ruleId: 'broken-link', severity: 'error', message });
    expect(linkErrors(findings['reference/uses.mdx'])).toEqual([
      {
        ...error('Unexpected link `/reference/widgets#nope` to no anchor `#nope` on `/reference/widgets`, expected a heading, entry or property anchor of that page'),
        ...placeOf(uses, '/reference/widgets#nope'),
      },
      {
        ...error('Unexpected link `/reference/gadgets` to no page, expected the URL of a page (did you mean `/reference/widgets`?)'),
        ...placeOf(uses, '/reference/gadgets'),
      },
      {
        ...error(
          'Unexpected link `/reference/widgets#paging-2` to no anchor `#paging-2` on `/reference/widgets`, expected a heading, entry or property anchor of that page (did you mean `/reference/widgets#paging-1`?)',
        ),
        ...placeOf(uses, '/reference/widgets#paging-2'),
      },
      {
        ...error('Unexpected link `/reference/widget` to no page, expected the URL of a page (did you mean `/reference/widgets`?)'),
        ...placeOf(uses, '/reference/widget)'),
      },
      {
        ...error('Unexpected link `#nowhere` to no anchor `#nowhere` on `/reference/uses`, expected a heading, entry or property anchor of that page'),
        ...placeOf(uses, '[broken]'),
      },
    ]);
  });

  it('accepts heading slugs (repeated ones numbered), entry anchors and property anchors, nested ones included', () => {
    const page = (fragment: string) => `---\ntitle: L\n---\n\n[x](/reference/widgets#${fragment})\n`;
    for (const fragment of ['widgets', 'paging', 'paging-1', 'widget', 'widget.id', 'widget.meta', 'widget.meta.tag', '']) {
      const findings = checkFiles({ 'content/reference/widgets.mdx': widgets, 'content/l.mdx': page(fragment) });
      expect(linkErrors(findings['l.mdx']), fragment).toEqual([]);
    }
    const findings = checkFiles({ 'content/reference/widgets.mdx': widgets, 'content/l.mdx': page('widget.tag') });
    expect(linkErrors(findings['l.mdx']).map((finding) => finding.message)).toEqual([
      // Not an anchor of the page, but the nearest one ends with the same key: a nested property the writer skipped a level of.
      'Unexpected link `/reference/widgets#widget.tag` to no anchor `#widget.tag` on `/reference/widgets`, expected a heading, entry or property anchor of that page (did you mean `/reference/widgets#widget.meta.tag`?)',
    ]);
  });

  it('reports an entry `url` to no page or no anchor, at the `url` value', () => {
    const page = `---\ntitle: W\nreference:\n  curl:\n    - key: w\n      id: w\n      url: /w#nope\n    - key: shared\n      url: /elsewhere\n---\n\n# W\n\n<CodeBlock referenceId="w" />\n`;
    const findings = checkFiles({ 'content/w.mdx': page });
    expect(linkErrors(findings['w.mdx'])).toEqual([
      {
        ruleId: 'broken-link',
        severity: 'error',
        message: 'Unexpected entry `url` `/w#nope` to no anchor `#nope` on `/w`, expected a heading, entry or property anchor of that page',
        ...placeOf(page, '/w#nope'),
      },
      {
        ruleId: 'broken-link',
        severity: 'error',
        message: 'Unexpected entry `url` `/elsewhere` to no page, expected the URL of a page',
        ...placeOf(page, '/elsewhere'),
      },
    ]);
  });

  it('does not check external or relative links, nor links matched by `ignoreLinks`', () => {
    const page = `---\ntitle: G\n---\n\n[a](https://example.com/missing) [b](//cdn.example.com/x) [c](mailto:x@y.z) [d](../up) [e](/guides/start#intro) [f](/api/v2/x)\n`;
    expect(linkErrors(checkFiles({ 'content/g.mdx': page }, { ignoreLinks: ['^/guides/', 'v2'] })['g.mdx'])).toEqual([]);
    expect(linkErrors(checkFiles({ 'content/g.mdx': page })['g.mdx']).map((finding) => finding.column)).toEqual([
      placeOf(page, '[e]').column,
      placeOf(page, '[f]').column,
    ]);
  });

  it('accepts links written with the base path, and only with a base path', () => {
    const page = `---\ntitle: B\n---\n\n[a](/docs/reference/widgets#paging) [b](/docs/) [c](/docs)\n`;
    const withBase = checkFiles({ 'content/reference/widgets.mdx': widgets, 'content/b.mdx': page }, { basePath: '/docs/' });
    expect(linkErrors(withBase['b.mdx'])).toEqual([]);
    const withoutBase = checkFiles({ 'content/reference/widgets.mdx': widgets, 'content/b.mdx': page });
    expect(linkErrors(withoutBase['b.mdx']).map((finding) => finding.message.split(',')[0])).toEqual([
      'Unexpected link `/docs/reference/widgets#paging` to no page',
      'Unexpected link `/docs/` to no page',
      'Unexpected link `/docs` to no page',
    ]);
  });

  it('does not judge fragments of a partial, which has no page of its own', () => {
    const partial = `---\ndescriptions:\n  p:\n    x: 'See [below](#below).'\n---\n`;
    expect(linkErrors(checkFiles({ 'content/_shared.mdx': partial })['_shared.mdx'])).toEqual([]);
  });
});

describe('broken-navigation-link', () => {
  it('checks the anchor of a navigation link as well as its page', () => {
    const navigation = `---\ntitle: Nav\nlinks:\n  - title: Widgets\n    url: /reference/widgets#paging\n  - title: Paging\n    url: /reference/widgets#pagin\n  - title: Gone\n    url: /reference/gone\n---\n`;
    const findings = checkFiles({ 'content/reference/widgets.mdx': widgets, 'content/reference/_navigation.mdx': navigation });
    expect(linkErrors(findings['reference/_navigation.mdx'], 'broken-navigation-link')).toEqual([
      {
        ruleId: 'broken-navigation-link',
        severity: 'error',
        message:
          'Unexpected navigation link `/reference/widgets#pagin` to no anchor `#pagin` on `/reference/widgets`, expected a heading, entry or property anchor of that page (did you mean `/reference/widgets#paging`?)',
        ...placeOf(navigation, '/reference/widgets#pagin', 2),
      },
      {
        ruleId: 'broken-navigation-link',
        severity: 'error',
        message: 'Unexpected navigation link `/reference/gone` to no page, expected the URL of a page',
        ...placeOf(navigation, '/reference/gone'),
      },
    ]);
  });
});

describe('entry-url-mismatch', () => {
  const entry = (url: string) => `---\ntitle: A\nreference:\n  curl:\n    - key: a\n      id: a\n      url: ${url}\n---\n\n# A\n`;
  const other = `---\ntitle: B\n---\n\n# B\n`;
  const shows = `---\ntitle: C\n---\n\n<CodeBlock referenceId="a" />\n`;

  it('reports a `url` naming another page, at the `url` value, suggesting this page', () => {
    const page = entry('/b#a');
    const findings = checkFiles({ 'content/a.mdx': page, 'content/b.mdx': other })['a.mdx']!;
    expect(findings.filter((finding) => finding.ruleId === 'entry-url-mismatch')).toEqual([
      {
        ruleId: 'entry-url-mismatch',
        severity: 'error',
        message: 'Unexpected `url` `/b#a` on an entry of `/a`, expected the page it stands on or a page that shows it with `<CodeBlock referenceId="a">` (did you mean `/a#a`?)',
        ...placeOf(page, '/b#a'),
      },
    ]);
  });

  it('accepts its own page, a page showing it, and leaves partials, shared definitions and missing pages alone', () => {
    const partial = `---\nreference:\n  curl:\n    - key: p\n      url: /b\n    - key: shared\n---\n`;
    const findings = checkFiles({
      'content/a.mdx': entry('/a/#a'),
      'content/x.mdx': entry('/c').replace('key: a\n      id: a', 'key: x\n      id: a'),
      'content/c.mdx': shows,
      'content/b.mdx': other,
      'content/y.mdx': entry('/nowhere').replace('id: a', 'id: y'),
      'content/_defs.mdx': partial,
    });
    for (const file of ['a.mdx', 'x.mdx', 'y.mdx', '_defs.mdx']) {
      expect(findings[file]!.filter((finding) => finding.ruleId === 'entry-url-mismatch'), file).toEqual([]);
    }
  });
});
