#!/usr/bin/env node
/**
 * Writes an OpenAPI 3.1 document that agrees with a site's curl reference,
 * to time `check` with the OpenAPI rules on a generated site:
 *
 *   node bench/generate.js --pages 1000 --out /tmp/site
 *   node bench/openapi-from-site.js /tmp/site        # after `npx tsc -p .`; writes /tmp/site/openapi.json
 *   echo '{ "openapi": "openapi.json" }' > /tmp/site/polyref.config.json
 *
 * Each object entry becomes a schema named by its id in PascalCase, each
 * method entry an operation; rows become parameters and properties as
 * `openapi-drift` reads them, so the site checks clean against it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { entryRows, listOfEntryRows } from '../dist/check/drift/documented-rows.js';
import { plainType } from '../dist/check/drift/plain-type.js';
import { pascalCase } from '../dist/check/openapi/reference-match.js';
import { loadConfig } from '../dist/config/config.js';
import { loadSite } from '../dist/pipeline/load-site.js';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node bench/openapi-from-site.js SITE_FOLDER');
  process.exit(2);
}
const site = loadSite(loadConfig({ cwd: path.resolve(folder) }), { keepTrees: false });

/** @type {Record<string, unknown>} */
const schemas = {};
/** @type {Map<unknown, { $ref: string }>} rows of an object entry → a reference to its schema */
const named = new Map();

/** The schema of one row's value. @param {import('../dist/check/drift/documented-rows.js').DocumentedRow} row @param {number} depth */
function valueSchema(row, depth) {
  const plain = plainType(row.type);
  const kinds = plain ? [...plain.kinds].filter((kind) => kind !== 'null') : [];
  /** @type {Record<string, unknown>} */
  let schema = plain?.literals.length ? { type: 'string', enum: plain.literals } : kinds.length === 1 ? { type: kinds[0] } : {};
  const children = row.children;
  if (children) {
    const object = named.get(children) ?? objectSchema(children, depth + 1);
    schema = schema.type === 'array' ? { type: 'array', items: object } : object;
  } else if (schema.type === 'array') {
    schema.items = { type: 'string' };
  }
  return schema;
}

/** @param {import('../dist/check/drift/documented-rows.js').DocumentedRows} rows @param {number} depth */
function objectSchema(rows, depth = 0) {
  if (depth > 12) return { type: 'object' };
  /** @type {Record<string, unknown>} */
  const properties = {};
  const required = [];
  for (const row of rows.rows.values()) {
    properties[row.key] = valueSchema(row, depth);
    if (!row.optional) required.push(row.key);
  }
  return { type: 'object', required, properties };
}

const curl = site.index.pages.flatMap((page) => (page.reference.curl ?? []).map((entry) => ({ value: entry, page })));
for (const located of curl) {
  const rows = located.value.properties && !located.value.type ? entryRows(site, located) : null;
  const name = pascalCase(located.value.id ?? located.value.key);
  if (rows && !(name in schemas)) named.set(rows, { $ref: `#/components/schemas/${name}` });
}
for (const located of curl) {
  const rows = located.value.properties && !located.value.type ? entryRows(site, located) : null;
  const name = pascalCase(located.value.id ?? located.value.key);
  if (rows && !(name in schemas)) schemas[name] = objectSchema(rows);
}

/** @type {Record<string, Record<string, unknown>>} */
const paths = {};
for (const located of curl) {
  const { type, title } = located.value;
  if (!type || !/^(GET|POST|PUT|PATCH|DELETE)$/.test(type) || !title) continue;
  const route = title.replace(/:(\w+)/g, '{$1}');
  const inPath = [...route.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  const parameters = inPath.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const body = { type: 'object', required: /** @type {string[]} */ ([]), properties: /** @type {Record<string, unknown>} */ ({}) };
  for (const row of listOfEntryRows(site, located, 'parameters')?.rows.values() ?? []) {
    if (inPath.includes(row.key)) continue;
    if (type === 'GET' || type === 'DELETE') parameters.push({ name: row.key, in: 'query', required: !row.optional, schema: valueSchema(row, 0) });
    else {
      body.properties[row.key] = valueSchema(row, 0);
      if (!row.optional) body.required.push(row.key);
    }
  }
  const returns = listOfEntryRows(site, located, 'returns');
  const content = returns && returns.rows.size > 0 ? { 'application/json': { schema: named.get(returns) ?? objectSchema(returns) } } : undefined;
  paths[route] ??= {};
  paths[route][type.toLowerCase()] = {
    operationId: located.value.key,
    parameters,
    ...(Object.keys(body.properties).length > 0 ? { requestBody: { content: { 'application/json': { schema: body } } } } : {}),
    responses: { 200: { description: 'OK', ...(content ? { content } : {}) } },
  };
}

const out = path.join(folder, 'openapi.json');
fs.writeFileSync(out, `${JSON.stringify({ openapi: '3.1.0', info: { title: 'Generated', version: '1' }, paths, components: { schemas } }, null, 1)}\n`);
console.log(`${out}: ${Object.keys(paths).length} paths, ${Object.keys(schemas).length} schemas, ${fs.statSync(out).size} bytes`);
