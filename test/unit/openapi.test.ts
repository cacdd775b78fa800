import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pascalCase } from '../../src/check/openapi/reference-match.js';
import { operationKey, schemaView, specIndex } from '../../src/check/openapi/spec-index.js';
import { ConfigError } from '../../src/config/config-error.js';
import { loadOpenApi } from '../../src/load/openapi.js';
import { makeProject } from '../helpers/run-cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function project(files: Record<string, string>): string {
  const created = makeProject(files);
  cleanups.push(created.cleanup);
  return created.dir;
}

const document = `openapi: 3.1.0
info: { title: T, version: '1' }
servers: [{ url: 'https://api.example.com/v1/' }]
paths:
  /widgets/{widget_id}:
    parameters:
      - { name: widget_id, in: path, schema: { type: string } }
      - { name: trace, in: header, schema: { type: string } }
    get:
      parameters:
        - { name: trace, in: header, required: true, schema: { type: string } }
        - { name: expand, in: query, schema: { type: string } }
      responses:
        '404': { description: Not found. }
        '201': { description: Made., content: { application/json: { schema: { type: object } } } }
        '200':
          description: The widget.
          content:
            application/vnd.api+json: { schema: { $ref: 'schemas.yaml#/Widget' } }
    put:
      requestBody:
        content:
          application/json:
            schema: { type: object, required: [size], properties: { size: { type: integer } } }
      responses:
        '204': { description: Replaced. }
components:
  schemas:
    Widget: { $ref: 'schemas.yaml#/Widget' }
    Base: { $ref: 'schemas.yaml#/Base' }
`;

const schemas = `Base:
  type: object
  required: [id]
  properties:
    id: { type: string }
Widget:
  allOf:
    - $ref: '#/Base'
    - type: object
      required: [name]
      properties:
        name: { type: [string, 'null'] }
        kind:
          oneOf:
            - { type: string, enum: [a, b] }
            - { type: integer, enum: [1] }
        size: { type: number, nullable: true }
        parent: { $ref: '#/Widget' }
`;

describe('loadOpenApi', () => {
  it('dereferences local files, keeping one object per target, cycles included', async () => {
    const dir = project({ 'openapi.yaml': document, 'schemas.yaml': schemas });
    const loaded = await loadOpenApi(path.join(dir, 'openapi.yaml'), dir);
    expect(loaded.version).toBe('3.1.0');
    const components = (loaded.root.components as { schemas: Record<string, { allOf: Array<{ properties: Record<string, unknown> }> }> }).schemas;
    expect(components.Widget!.allOf[1]!.properties.parent).toBe(components.Widget);
  });

  it.each([
    [{ 'schemas.yaml': schemas.replace("$ref: '#/Base'", "$ref: 'https://example.com/base.yaml'") }, 'Unexpected `$ref` to `https://example.com/base.yaml` in OpenAPI document `openapi.yaml`, expected a local file'],
    [{ 'schemas.yaml': schemas.replace("$ref: '#/Base'", "$ref: 'ftp://example.com/base.yaml'") }, 'Unexpected `$ref` to `ftp://example.com/base.yaml`'],
    [{}, 'Cannot read OpenAPI document `openapi.yaml`: Error opening file'],
    [{ 'schemas.yaml': schemas.replace("$ref: '#/Base'", "$ref: '#/Nope'") }, 'Cannot read OpenAPI document `openapi.yaml`: Missing $ref pointer'],
  ])('refuses a document whose references cannot be followed locally (%#)', async (files, message) => {
    const dir = project({ 'openapi.yaml': document, ...files });
    const loading = loadOpenApi(path.join(dir, 'openapi.yaml'), dir);
    await expect(loading).rejects.toThrow(ConfigError);
    await expect(loadOpenApi(path.join(dir, 'openapi.yaml'), dir)).rejects.toThrow(message);
  });

  it.each([
    ['swagger: "2.0"\ninfo: { title: T, version: "1" }\npaths: {}\n', 'Unexpected Swagger `2.0` in `openapi.yaml`, expected an OpenAPI 3.0 or 3.1 document'],
    ['openapi: 3.2.0\npaths: {}\n', 'Unexpected `openapi` `3.2.0`'],
    ['- a list\n', 'Unexpected content in OpenAPI document `openapi.yaml`'],
    ['openapi: [3.0\n', 'Cannot read OpenAPI document `openapi.yaml`'],
  ])('refuses what is not OpenAPI 3.0 or 3.1: %j', async (text, message) => {
    const dir = project({ 'openapi.yaml': text });
    await expect(loadOpenApi(path.join(dir, 'openapi.yaml'), dir)).rejects.toThrow(message);
  });

  it('names a missing document', async () => {
    await expect(loadOpenApi('/nowhere/openapi.yaml', '/nowhere')).rejects.toThrow('Cannot find OpenAPI document `openapi.yaml`');
  });
});

describe('specIndex', () => {
  it('keys operations by method and path template, merges path-level parameters and reads bodies as parameters', async () => {
    const dir = project({ 'openapi.yaml': document, 'schemas.yaml': schemas });
    const spec = specIndex(await loadOpenApi(path.join(dir, 'openapi.yaml'), dir));
    expect(spec.basePath).toBe('/v1');
    expect([...spec.operationsByKey.keys()]).toEqual(['GET /widgets/{}', 'PUT /widgets/{}']);
    const [get, put] = spec.operations;
    expect(get!.parameters.map(({ name, location, required }) => [name, location, required])).toEqual([
      ['widget_id', 'path', true],
      ['trace', 'header', true],
      ['expand', 'query', false],
    ]);
    // The first 2xx by status, in a JSON media type other than application/json.
    expect(schemaView(spec.views, get!.response).names).toEqual(['Widget', 'Base']);
    expect(put!.parameters.map(({ name, location, required }) => [name, location, required])).toEqual([
      ['widget_id', 'path', true],
      ['trace', 'header', false],
      ['size', 'body', true],
    ]);
    expect(put!.response).toBeNull();
  });

  it('reads allOf, oneOf, 3.1 type lists and 3.0 nullable into one view', async () => {
    const dir = project({ 'openapi.yaml': document, 'schemas.yaml': schemas });
    const spec = specIndex(await loadOpenApi(path.join(dir, 'openapi.yaml'), dir));
    const widget = schemaView(spec.views, spec.schemas.get('Widget'));
    expect([...widget.properties!.keys()]).toEqual(['id', 'name', 'kind', 'size', 'parent']);
    expect(widget.required).toEqual(new Set(['id', 'name']));
    const property = (name: string) => schemaView(spec.views, widget.properties!.get(name));
    expect(property('name').kinds).toEqual(new Set(['string', 'null']));
    expect(property('size').kinds).toEqual(new Set(['number', 'null']));
    expect(property('kind')).toMatchObject({ kinds: new Set(['string', 'integer']), enum: ['a', 'b', 1] });
    expect(property('parent')).toBe(widget);
  });

  it.each([
    ['get', '/directory_groups/:id', 'GET /directory_groups/{}'],
    ['GET', '/directory_groups/{directory_group_id}/', 'GET /directory_groups/{}'],
    ['delete', '/a/{b}/c/:d?force=true', 'DELETE /a/{}/c/{}'],
    ['get', '/', 'GET /'],
  ])('keys %s %s as %s', (method, route, key) => {
    expect(operationKey(method, route)).toBe(key);
  });

  it.each([
    ['directory_group', 'DirectoryGroup'],
    ['list-metadata', 'ListMetadata'],
    ['user', 'User'],
    ['v2_event', 'V2Event'],
  ])('spells %s in PascalCase as %s', (id, name) => {
    expect(pascalCase(id)).toBe(name);
  });
});
