import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../src/index/site-index.js';
import { urlOf, type SourceFile } from '../../src/load/find-sources.js';
import type { ParsedPage } from '../../src/model/types.js';
import { parsePage } from '../../src/parse/parse-page.js';
import { DependencySet } from '../../src/pipeline/dependencies.js';
import { readingChange, readKey } from '../../src/pipeline/key-readings.js';

function parse(relativePath: string, text: string): ParsedPage {
  const source: SourceFile = { file: `/site/content/${relativePath}`, relativePath, kind: 'page', url: urlOf(relativePath) };
  return parsePage(source, Buffer.from(text), { keepTree: false });
}

const page = (lines: string[]) =>
  parse('a/widget.mdx', ['---', 'title: Widget', ...lines, '---', '', '# Widget', ''].join('\n'));

const base = [
  'descriptions:',
  '  widget:',
  '    self: A widget.',
  '    id: The id of a widget.',
  'reference:',
  '  python:',
  '    - key: Widget',
  '      id: widget',
  '      paginated: true',
  '      beta: true',
  '      description: (widget)',
];

/** How `key` reads in an index of `after`, against one of `before`. */
function change(before: ParsedPage, after: ParsedPage, table: string, key: string) {
  const dependencyKey = DependencySet.keyOf(table, key);
  return readingChange(readKey(buildSiteIndex([before]), dependencyKey), readKey(buildSiteIndex([after]), dependencyKey));
}

describe('readingChange', () => {
  const original = page(base);

  it('finds nothing changed in the same text parsed again, though every object is new', () => {
    const again = page(base);
    expect(again).not.toBe(original);
    expect(change(original, again, 'descriptions', 'widget.id')).toBe('none');
    expect(change(original, again, 'entriesByKey/python', 'Widget')).toBe('none');
    expect(change(original, again, 'entriesByKey', 'python')).toBe('none');
    expect(change(original, again, 'pagesByUrl', '/a/widget')).toBe('none');
  });

  it('tells a definition that only moved in its file from one that reads differently', () => {
    const moved = page(['# a comment that moves every line below', ...base]);
    expect(change(original, moved, 'descriptions', 'widget.id')).toBe('places');
    expect(change(original, moved, 'entriesByKey/python', 'Widget')).toBe('places');
    const reworded = page(base.map((line) => line.replace('The id of a widget.', 'The unique id of a widget.')));
    expect(change(original, reworded, 'descriptions', 'widget.id')).toBe('output');
    expect(change(original, reworded, 'descriptions', 'widget')).toBe('none');
  });

  it('counts the order of fields as written, which badges follow', () => {
    const swapped = page(base.map((line) => (line.includes('paginated') ? '      beta: true' : line.includes('beta') ? '      paginated: true' : line)));
    expect(change(original, swapped, 'entriesByKey/python', 'Widget')).toBe('output');
  });

  it('reads a page looked up itself by its content, and keys that come or go as changed', () => {
    const edited = parse('a/widget.mdx', ['---', 'title: Widget', ...base, '---', '', '# Widget', '', 'More text.', ''].join('\n'));
    expect(change(original, edited, 'pagesByUrl', '/a/widget')).toBe('output');
    // The entry itself reads the same: its page stands as its path.
    expect(change(original, edited, 'entriesByKey/python', 'Widget')).toBe('none');
    const without = page(base.slice(0, 4));
    expect(change(original, without, 'entriesByKey', 'python')).toBe('output');
    expect(change(original, without, 'entriesById', 'widget')).toBe('output');
    expect(change(original, without, 'referencedKeyPaths', 'widget')).toBe('output');
    expect(change(original, without, 'descriptions', 'widget.id')).toBe('none');
  });
});
