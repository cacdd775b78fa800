/**
 * The parts of a dereferenced OpenAPI document the reference is held
 * against: operations by method and path template, named schemas, and a
 * normalized view of any schema (`allOf` merged, `oneOf`/`anyOf` joined,
 * 3.0's `nullable` and 3.1's type lists read alike).
 */
import type { OpenApiDocument } from '../../load/openapi.js';
import type { JsonKind } from '../drift/plain-type.js';

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface SpecParameter {
  name: string;
  /** `path`, `query`, `header`, `cookie`, or `body` for a property of a JSON request body. */
  location: string;
  required: boolean;
  schema: unknown;
}

export interface SpecOperation {
  /** `GET` */
  method: string;
  /** `/directory_groups/{id}`, as the document writes it. */
  path: string;
  /** `GET /directory_groups/{id}` */
  label: string;
  parameters: SpecParameter[];
  /** The JSON schema of the first 2xx response: undefined without a 2xx response, null when it has no JSON body. */
  response: unknown;
}

export interface SpecIndex {
  operations: SpecOperation[];
  /** By `operationKey`. */
  operationsByKey: Map<string, SpecOperation>;
  /** `components.schemas`, by name. */
  schemas: Map<string, unknown>;
  /** The name of each named schema object (dereferencing keeps one object per target). */
  schemaNames: Map<object, string>;
  /** The path of the first server URL (`/v1`), which titles may include; '' for none. */
  basePath: string;
  /** Where `schemaView` keeps its views. */
  views: ViewContext;
}

export interface SchemaView {
  /** The kinds of JSON value allowed; null when the schema does not say. */
  kinds: Set<JsonKind> | null;
  /** Named properties; null when the schema names none (a scalar, or a free-form map). */
  properties: Map<string, unknown> | null;
  /** Required property names; null when the schema has no `required`, which leaves it unsaid. */
  required: Set<string> | null;
  /** The schema of an array's items. */
  items: unknown;
  /** The allowed values; null for any. */
  enum: unknown[] | null;
  /** The names of the component schemas it is built from (itself, its `allOf` parts). */
  names: string[];
}

const indexes = new WeakMap<OpenApiDocument, SpecIndex>();

export function specIndex(document: OpenApiDocument): SpecIndex {
  let index = indexes.get(document);
  if (!index) indexes.set(document, (index = buildIndex(document)));
  return index;
}

function buildIndex(document: OpenApiDocument): SpecIndex {
  const root = document.root;
  const schemas = new Map<string, unknown>();
  const schemaNames = new Map<object, string>();
  const components = record(root.components);
  for (const [name, schema] of Object.entries(record(components?.schemas) ?? {})) {
    schemas.set(name, schema);
    if (isRecord(schema) && !schemaNames.has(schema)) schemaNames.set(schema, name);
  }
  const views: ViewContext = { schemaNames, views: new WeakMap() };
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(record(root.paths) ?? {})) {
    const pathItem = record(item);
    if (!pathItem) continue;
    for (const method of httpMethods) {
      const operation = record(pathItem[method]);
      if (!operation) continue;
      const parameters = mergeParameters(pathItem.parameters, operation.parameters);
      const body = jsonSchemaOf(record(operation.requestBody)?.content);
      if (body) {
        const view = schemaView(views, body);
        for (const [name, schema] of view.properties ?? []) parameters.push({ name, location: 'body', required: view.required?.has(name) ?? false, schema });
      }
      operations.push({ method: method.toUpperCase(), path, label: `${method.toUpperCase()} ${path}`, parameters, response: successResponse(operation.responses) });
    }
  }
  const server = Array.isArray(root.servers) ? record(root.servers[0])?.url : undefined;
  return {
    operations,
    operationsByKey: new Map(operations.map((operation) => [operationKey(operation.method, operation.path), operation])),
    schemas,
    schemaNames,
    basePath: typeof server === 'string' ? serverPath(server) : '',
    views,
  };
}

/** `GET` and `/directory_groups/:id` or `/directory_groups/{id}` → `GET /directory_groups/{}`: parameter names do not matter. */
export function operationKey(method: string, path: string): string {
  const normalized = path
    .replace(/[?#].*$/, '')
    .split('/')
    .map((segment) => (/^(?::\w+|\{[^}]*\})$/.test(segment) ? '{}' : segment))
    .join('/')
    .replace(/(.)\/+$/, '$1');
  return `${method.toUpperCase()} ${normalized}`;
}

function serverPath(url: string): string {
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/[^?#]*)?/i.exec(url)?.[1] ?? (url.startsWith('/') ? url : '');
  return path.replace(/\/+$/, '');
}

/** Path-level parameters, each replaced by an operation's of the same name and location. */
function mergeParameters(pathLevel: unknown, operationLevel: unknown): SpecParameter[] {
  const byKey = new Map<string, SpecParameter>();
  for (const list of [pathLevel, operationLevel]) {
    for (const raw of Array.isArray(list) ? list : []) {
      const parameter = record(raw);
      if (!parameter || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') continue;
      const schema = parameter.schema ?? jsonSchemaOf(parameter.content);
      byKey.set(`${parameter.in}\0${parameter.name}`, { name: parameter.name, location: parameter.in, required: parameter.required === true || parameter.in === 'path', schema });
    }
  }
  return [...byKey.values()];
}

/** The JSON schema of the first 2xx response (by status), null when it has no JSON body, undefined without one. */
function successResponse(responses: unknown): unknown {
  const statuses = Object.keys(record(responses) ?? {})
    .filter((status) => /^2(?:\d\d|XX)$/i.test(status))
    .sort();
  const first = statuses[0];
  if (first === undefined) return undefined;
  return jsonSchemaOf(record(record(responses)![first])?.content) ?? null;
}

/** `application/json`, else any `…+json` media type, else the first one. */
function jsonSchemaOf(content: unknown): unknown {
  const media = record(content);
  if (!media) return null;
  const types = Object.keys(media);
  const chosen = types.find((type) => type === 'application/json') ?? types.find((type) => /[/+]json\b/i.test(type)) ?? types[0];
  return chosen === undefined ? null : (record(media[chosen])?.schema ?? null);
}

export interface ViewContext {
  schemaNames: Map<object, string>;
  views: WeakMap<object, SchemaView>;
}

const kindNames = new Set<string>(['string', 'boolean', 'integer', 'number', 'object', 'array', 'null']);

/** The normalized view of a schema, once per schema object; a cycle through `allOf` reads as an empty part. */
export function schemaView(context: ViewContext, schema: unknown): SchemaView {
  if (!isRecord(schema)) return emptyView();
  const known = context.views.get(schema);
  if (known) return known;
  const view = emptyView();
  context.views.set(schema, view);
  const name = context.schemaNames.get(schema);
  if (name !== undefined) view.names.push(name);

  const types = Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : [];
  const kinds = new Set<JsonKind>(types.filter((type): type is JsonKind => typeof type === 'string' && kindNames.has(type)));
  if (kinds.size > 0) {
    if (schema.nullable === true) kinds.add('null');
    view.kinds = kinds;
  }
  const properties = record(schema.properties);
  if (properties) view.properties = new Map(Object.entries(properties));
  if (Array.isArray(schema.required)) view.required = new Set(schema.required.filter((name): name is string => typeof name === 'string'));
  if ('items' in schema) view.items = schema.items;
  if (Array.isArray(schema.enum)) view.enum = [...schema.enum];
  if ('const' in schema) view.enum = [schema.const];

  if (Array.isArray(schema.allOf)) for (const part of schema.allOf) mergeAll(view, schemaView(context, part));
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = schema[keyword];
    const variants = Array.isArray(list) ? list.map((variant: unknown) => schemaView(context, variant)) : [];
    if (variants.length > 0) mergeAny(view, variants);
  }
  return view;
}

function emptyView(): SchemaView {
  return { kinds: null, properties: null, required: null, items: undefined, enum: null, names: [] };
}

/** `allOf`: every part holds, so properties and requirements add up and kinds narrow. */
function mergeAll(view: SchemaView, part: SchemaView): void {
  if (part.kinds) view.kinds = view.kinds ? intersect(view.kinds, part.kinds) : new Set(part.kinds);
  if (part.properties) view.properties = new Map([...(view.properties ?? []), ...part.properties]);
  if (part.required) view.required = new Set([...(view.required ?? []), ...part.required]);
  if (part.items !== undefined && view.items === undefined) view.items = part.items;
  if (part.enum) view.enum = view.enum ? view.enum.filter((value) => part.enum!.includes(value)) : [...part.enum];
  view.names.push(...part.names);
}

/** `oneOf`/`anyOf`: one variant holds, so kinds, properties and values join, and only what every variant requires is required. */
function mergeAny(view: SchemaView, variants: SchemaView[]): void {
  if (variants.every((variant) => variant.kinds)) {
    const kinds = new Set(variants.flatMap((variant) => [...variant.kinds!]));
    view.kinds = view.kinds ? intersect(view.kinds, kinds) : kinds;
  }
  const properties = variants.flatMap((variant) => [...(variant.properties ?? [])]);
  if (properties.length > 0) view.properties = new Map([...(view.properties ?? []), ...properties]);
  if (variants.every((variant) => variant.required)) {
    const everywhere = [...variants[0]!.required!].filter((name) => variants.every((variant) => variant.required!.has(name)));
    view.required = new Set([...(view.required ?? []), ...everywhere]);
  }
  if (variants.every((variant) => variant.enum)) view.enum = variants.flatMap((variant) => variant.enum!);
  const items = variants.find((variant) => variant.items !== undefined)?.items;
  if (items !== undefined && view.items === undefined) view.items = items;
}

function intersect(a: Set<JsonKind>, b: Set<JsonKind>): Set<JsonKind> {
  const both = new Set<JsonKind>();
  for (const kind of a) if (b.has(kind) || (kind === 'number' && b.has('integer'))) both.add(b.has(kind) ? kind : 'integer');
  return both;
}

function record(value: unknown): Record<string, unknown> | null {
  return isRecord(value) ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
