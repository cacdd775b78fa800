/**
 * Which entries of the HTTP language stand for which parts of the OpenAPI
 * document: a method entry (`type: GET`, `title: /directory_groups/:id`)
 * for the operation with that method and path template, an object entry
 * (one with `properties`) for the schema `openapi.schemas` maps its `id` to,
 * else the schema named by its `id` in PascalCase.
 */
import type { OpenApiConfig } from '../../config/config.js';
import type { Located } from '../../index/site-index.js';
import type { Entry } from '../../model/types.js';
import type { Site } from '../../model/site.js';
import { httpMethods, operationKey, type SpecIndex, type SpecOperation } from './spec-index.js';

export interface OperationMatch {
  entry: Located<Entry>;
  /** `GET /directory_groups/:id`, as the entry writes it. */
  label: string;
  operation: SpecOperation | null;
}

export interface SchemaMatch {
  entry: Located<Entry>;
  name: string;
  /** Named in `openapi.schemas` rather than derived from the `id`. */
  explicit: boolean;
  schema: unknown;
}

export interface ReferenceMatch {
  operations: OperationMatch[];
  schemas: SchemaMatch[];
}

const methods = new Set<string>(httpMethods);

export function matchReference(site: Site, spec: SpecIndex, options: OpenApiConfig): ReferenceMatch {
  const match: ReferenceMatch = { operations: [], schemas: [] };
  for (const page of site.index.pages) {
    for (const entry of page.reference[options.language] ?? []) {
      const located = { value: entry, page };
      if (entry.type !== null && methods.has(entry.type.toLowerCase())) {
        if (entry.title === null) continue;
        match.operations.push({ entry: located, label: `${entry.type.toUpperCase()} ${entry.title}`, operation: findOperation(spec, entry.type, entry.title) });
      } else if (entry.properties !== null) {
        const id = entry.id ?? entry.key;
        const explicit = Object.hasOwn(options.schemas, id);
        const name = explicit ? options.schemas[id]! : pascalCase(id);
        match.schemas.push({ entry: located, name, explicit, schema: spec.schemas.get(name) });
      }
    }
  }
  return match;
}

/** The operation a title names, written as a path, with the server's base path or as a whole URL. */
function findOperation(spec: SpecIndex, method: string, title: string): SpecOperation | null {
  const path = title.trim().replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const direct = spec.operationsByKey.get(operationKey(method, path));
  if (direct) return direct;
  if (spec.basePath && path.startsWith(`${spec.basePath}/`)) return spec.operationsByKey.get(operationKey(method, path.slice(spec.basePath.length))) ?? null;
  return null;
}

/** `directory_group` → `DirectoryGroup`, `list-metadata` → `ListMetadata`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
