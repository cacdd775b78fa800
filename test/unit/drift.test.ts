import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entryRows, listOfEntryRows, type DocumentedRows } from '../../src/check/drift/documented-rows.js';
import { parseJsonExample } from '../../src/check/drift/json-example.js';
import { allows, overlaps, plainType } from '../../src/check/drift/plain-type.js';
import { loadConfig } from '../../src/config/config.js';
import { ExampleStore } from '../../src/load/examples.js';
import { loadSite } from '../../src/pipeline/load-site.js';
import { makeProject } from '../helpers/run-cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('plainType', () => {
  it.each([
    ['string', ['string'], []],
    ['string | null', ['string', 'null'], []],
    [`'"directory_group"'`.slice(1, -1), [], ['directory_group']],
    [`"asc" | 'desc'`, [], ['asc', 'desc']],
    [`"a|b" | "c"`, [], ['a|b', 'c']],
  ])('reads %s', (type, kinds, literals) => {
    expect(plainType(type)).toEqual({ kinds: new Set(kinds), literals });
  });

  it.each(['List<String>', 'str', '*string', 'Task<Group>', 'String', 'string[]', ''])('leaves the language type %s alone', (type) => {
    expect(plainType(type)).toBeNull();
  });

  it('allows integers as numbers and literals as strings, not the other way round', () => {
    const number = plainType('number')!;
    const integer = plainType('integer')!;
    expect(allows(number, 'integer', 3)).toBe(true);
    expect(allows(integer, 'number', 3.5)).toBe(false);
    expect(allows(plainType('"a" | "b"')!, 'string', 'b')).toBe(true);
    expect(allows(plainType('"a" | "b"')!, 'string', 'c')).toBe(false);
    expect(allows(plainType('string')!, 'null', null)).toBe(false);
  });

  it('finds a common value between a documented type and schema kinds, nullability aside', () => {
    expect(overlaps(plainType('integer')!, new Set(['number']))).toBe(true);
    expect(overlaps(plainType('"x"')!, new Set(['string']))).toBe(true);
    expect(overlaps(plainType('string | null')!, new Set(['integer', 'null']))).toBe(false);
    expect(overlaps(plainType('null')!, new Set(['integer']))).toBe(true);
  });
});

describe('parseJsonExample', () => {
  it('places nodes by line and column, after a byte-order mark and across CRLF lines', () => {
    const example = parseJsonExample('\uFEFF{\r\n  "a": [1, {"b": true}]\r\n}');
    const member = example.root!.children![0]!;
    expect(example.placeOf(member.children![0]!)).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 6 });
    const inner = member.children![1]!.children![1]!;
    expect(example.placeOf(inner)).toEqual({ line: 2, column: 12, endLine: 2, endColumn: 23 });
  });

  it.each([
    ['{ "a": 1, }', '`}`', 'a property name in double quotes', 1, 11],
    ['{ "a" 1 }', '`1`', '`:`', 1, 7],
    ['{ "a": 1 // note\n}', '`// note`', 'no comment (JSON has none)', 1, 10],
    ['[1, 2', 'end of the file', '`]`', 1, 6],
    ['', 'end of the file', 'a value', 1, 1],
  ])('reports the first syntax error of %j', (text, found, expected, line, column) => {
    const example = parseJsonExample(text);
    expect(example.root).toBeNull();
    expect(example.error).toMatchObject({ found, expected, place: { line, column } });
  });
});

describe('ExampleStore.read', () => {
  it('reads each file once and says null for one it cannot read', () => {
    const project = makeProject({ 'examples/widget/curl.json': '{}' });
    cleanups.push(project.cleanup);
    const store = new ExampleStore(path.join(project.dir, 'examples'));
    const file = path.join(project.dir, 'examples/widget/curl.json');
    expect(store.read(file)).toBe('{}');
    project.cleanup();
    expect(store.read(file)).toBe('{}');
    expect(store.read(path.join(project.dir, 'examples/none.json'))).toBeNull();
  });
});

const page = `---
descriptions:
  thing:
    self: A thing.
    id: Its id.
    tags: Its tags.
    owner: Its owner.
    name: A name.
  get_thing:
    self: Gets a thing.
    options: The options.
    expand: What to expand.
reference:
  curl:
    - key: thing
      id: thing
      url: /thing
      properties:
        - key: id
          type: string
          description: (thing.id)
        - key: tags
          type: array
          optional: true
          description: (thing.tags)
        - key: owner
          type: object
          description: (thing.owner)
          properties:
            - (person.name)
            - (thing)
    - key: person
      id: person
      properties:
        - key: name
          type: string
          description: (thing.name)
    - key: get_thing
      id: get_thing
      url: /thing
      title: /things/:id
      type: GET
      description: (get_thing)
      parameters:
        - key: options
          unwrap: true
          description: (get_thing.options)
          properties:
            - key: expand
              type: string
              optional: true
              description: (get_thing.expand)
            - (limit)
      returns:
        - (thing)
    - key: limit
      id: limit
      type: integer
      optional: true
      description: (thing.id)
---
`;

function keys(rows: DocumentedRows | null): string[] {
  return [...(rows?.rows.keys() ?? [])];
}

describe('documented rows', () => {
  it('follows references, unwraps options and reads a single entry reference as that object', () => {
    const project = makeProject({ 'content/thing.mdx': page });
    cleanups.push(project.cleanup);
    const site = loadSite(loadConfig({ cwd: project.dir }), { keepTrees: false });
    const entry = (key: string) => site.index.entriesByKey.get('curl')!.get(key)![0]!;
    const thing = entryRows(site, entry('thing'))!;
    expect(keys(thing)).toEqual(['id', 'tags', 'owner']);
    expect(thing.rows.get('tags')).toMatchObject({ name: 'thing.tags', type: 'array', optional: true, children: null });

    const owner = thing.rows.get('owner')!.children!;
    expect(keys(owner)).toEqual(['name', 'thing']);
    const name = owner.rows.get('name')!;
    expect(name).toMatchObject({ name: 'thing.owner.name', definitionName: 'person.name' });
    // Shown through the reference on this page, typed where the property is written.
    expect(name.shown.place.line).toBe(30);
    expect(name.typeAt.place.line).toBe(36);
    // An entry row nests the entry's own rows: a cycle back to `thing` is the same object, walked no further than asked.
    expect(owner.rows.get('thing')!.children).toBe(thing);

    const parameters = listOfEntryRows(site, entry('get_thing'), 'parameters')!;
    expect(keys(parameters)).toEqual(['expand', 'limit']);
    expect(parameters.rows.get('limit')).toMatchObject({ optional: true, type: 'integer', definitionName: 'limit' });
    expect(listOfEntryRows(site, entry('get_thing'), 'returns')).toBe(thing);
  });
});
