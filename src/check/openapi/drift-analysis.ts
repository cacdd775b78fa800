/**
 * The reference held against the OpenAPI document, once per site: every
 * disagreement with its place, and which operations and schemas some entry
 * documents. `openapi-drift` reports the first, `openapi-coverage` and
 * `polyref parity --openapi` the second.
 *
 * A row the reference shows and the document lacks is reported where the
 * compared table shows it (the property, or the item reference that brings
 * it in); one the document has and the reference lacks, at the entry or row
 * that should show it; a contradicting `type` or `optional`, where that
 * value is written, once however many operations share the row.
 */
import type { Located } from '../../index/site-index.js';
import type { Entry, Place } from '../../model/types.js';
import type { Site } from '../../model/site.js';
import { closest } from '../../resolve/suggest.js';
import { listOfEntryRows, type DocumentedRow, type DocumentedRows, type FilePlace } from '../drift/documented-rows.js';
import { overlaps, plainType, type JsonKind } from '../drift/plain-type.js';
import { didYouMean } from '../rule.js';
import { matchReference } from './reference-match.js';
import { schemaView, specIndex, type SchemaView, type SpecIndex, type SpecOperation } from './spec-index.js';

export interface DriftFinding {
  file: string;
  message: string;
  place: Place;
  suggestions?: string[];
}

export interface OpenApiAnalysis {
  findings: DriftFinding[];
  /** Every operation of the document, with the entry documenting it (the first), or null. */
  operations: Array<{ operation: SpecOperation; documentedBy: Located<Entry> | null }>;
  /** Every named schema, with the entry documenting it, or the entry whose rows reach it, or null. */
  schemas: Array<{ name: string; documentedBy: Located<Entry> | null }>;
}

const analyses = new WeakMap<Site, OpenApiAnalysis | null>();

/** Null when the site has no OpenAPI document loaded (no `openapi` in the config, or a command that does not read it). */
export function openApiAnalysis(site: Site): OpenApiAnalysis | null {
  if (analyses.has(site)) return analyses.get(site)!;
  const analysis = site.openapi && site.config.openapi ? new Analysis(site, specIndex(site.openapi)).run() : null;
  analyses.set(site, analysis);
  return analysis;
}

class Analysis {
  private readonly findings: DriftFinding[] = [];
  private readonly compared = new Map<DocumentedRows, Set<unknown>>();
  private readonly schemaDocumentedBy = new Map<string, Located<Entry>>();
  private current: Located<Entry> | null = null;

  constructor(
    private readonly site: Site,
    private readonly spec: SpecIndex,
  ) {}

  run(): OpenApiAnalysis {
    const options = this.site.config.openapi!;
    const match = matchReference(this.site, this.spec, options);
    const operationDocumentedBy = new Map<SpecOperation, Located<Entry>>();
    for (const { entry, name, explicit, schema } of match.schemas) {
      this.current = entry;
      if (schema === undefined) {
        this.missingSchema(entry, name, explicit);
        continue;
      }
      if (!this.schemaDocumentedBy.has(name)) this.schemaDocumentedBy.set(name, entry);
      this.rows(listOfEntryRows(this.site, entry, 'properties') ?? emptyRows(entry), schema, `schema \`${name}\``);
    }
    for (const { entry, label, operation } of match.operations) {
      this.current = entry;
      if (!operation) {
        this.unknownOperation(entry, label);
        continue;
      }
      if (!operationDocumentedBy.has(operation)) operationDocumentedBy.set(operation, entry);
      this.operation(entry, operation);
    }
    return {
      findings: this.findings,
      operations: this.spec.operations.map((operation) => ({ operation, documentedBy: operationDocumentedBy.get(operation) ?? null })),
      schemas: [...this.spec.schemas.keys()].map((name) => ({ name, documentedBy: this.schemaDocumentedBy.get(name) ?? null })),
    };
  }

  private report(at: FilePlace, message: string, suggestions?: string[]): void {
    this.findings.push({ file: at.file, message, place: at.place, ...(suggestions && suggestions.length > 0 ? { suggestions } : {}) });
  }

  private entryAt(entry: Located<Entry>, place?: Place): FilePlace {
    return { file: entry.page.file, place: place ?? entry.value.keyPlace };
  }

  private missingSchema(entry: Located<Entry>, name: string, explicit: boolean): void {
    const suggestions = closest(name, this.spec.schemas.keys());
    const message = explicit
      ? `Unexpected schema \`${name}\` for \`${entry.value.id ?? entry.value.key}\` in \`openapi.schemas\`, expected a schema of \`components.schemas\`${didYouMean(suggestions)}`
      : `Unexpected object \`${entry.value.key}\` without a schema \`${name}\` in the OpenAPI document, expected that schema or its name in \`openapi.schemas\`${didYouMean(suggestions)}`;
    this.report(this.entryAt(entry), message, suggestions);
  }

  private unknownOperation(entry: Located<Entry>, label: string): void {
    const suggestions = closest(label, this.spec.operations.map((operation) => operation.label));
    this.report(
      this.entryAt(entry, entry.value.titlePlace),
      `Unexpected operation \`${label}\`, expected an operation of the OpenAPI document${didYouMean(suggestions)}`,
      suggestions,
    );
  }

  private operation(entry: Located<Entry>, operation: SpecOperation): void {
    const parameters = listOfEntryRows(this.site, entry, 'parameters') ?? emptyRows(entry);
    const byName = new Map(operation.parameters.map((parameter) => [parameter.name, parameter]));
    for (const row of parameters.rows.values()) {
      const parameter = byName.get(row.key);
      if (!parameter) {
        const suggestions = closest(row.key, byName.keys());
        this.report(row.shown, `Unexpected parameter \`${row.key}\`, expected a parameter of \`${operation.label}\` in the OpenAPI document${didYouMean(suggestions)}`, suggestions);
        continue;
      }
      this.member(row, parameter.required, true, parameter.schema, `\`${operation.label}\``, null);
    }
    for (const parameter of operation.parameters) {
      // Headers and cookies (credentials, tracing) are usually described once for the whole API, not per method.
      if (parameter.location === 'header' || parameter.location === 'cookie' || parameters.rows.has(parameter.name)) continue;
      this.report(
        parameters.owner.at,
        `Missing parameter \`${parameter.name}\` in \`${entry.value.key}\`, expected every ${parameter.location === 'body' ? 'property of the request body' : `${parameter.location} parameter`} of \`${operation.label}\` in the OpenAPI document`,
      );
    }
    if (operation.response === undefined) return;
    const returns = listOfEntryRows(this.site, entry, 'returns') ?? emptyRows(entry);
    if (operation.response === null) {
      for (const row of returns.rows.values()) {
        this.report(row.shown, `Unexpected return \`${row.key}\`, expected none since \`${operation.label}\` returns no JSON body in the OpenAPI document`);
      }
      return;
    }
    this.rows(returns, operation.response, `the response of \`${operation.label}\``);
  }

  /** Rows against an object schema (an array's items for a list), each pair once. */
  private rows(rows: DocumentedRows, schema: unknown, where: string): void {
    let view = this.view(schema);
    if (view.properties === null && view.items !== undefined) {
      schema = view.items;
      view = this.view(schema);
    }
    let seen = this.compared.get(rows);
    if (!seen) this.compared.set(rows, (seen = new Set()));
    if (seen.has(schema)) return;
    seen.add(schema);
    this.reach(view);
    const properties = view.properties;
    if (properties === null) return;
    const named = view.names[0] !== undefined ? `schema \`${view.names[0]}\`` : where;
    for (const row of rows.rows.values()) {
      const property = properties.get(row.key);
      if (property === undefined) {
        const suggestions = closest(row.key, properties.keys());
        this.report(row.shown, `Unexpected property \`${row.name}\`, expected a property of ${named} in the OpenAPI document${didYouMean(suggestions)}`, suggestions);
        continue;
      }
      this.member(row, view.required?.has(row.key) ?? false, view.required !== null, property, named, view.names[0] ?? null);
    }
    for (const name of properties.keys()) {
      if (rows.rows.has(name)) continue;
      this.report(rows.owner.at, `Missing property \`${name}\` in \`${rows.owner.name}\`, expected every property of ${named} in the OpenAPI document`);
    }
  }

  /**
   * One documented row against the parameter or property the document has
   * under its name. What is wrong with the row's own `type` or `optional` is
   * said without the operation, so that a row many operations share (a
   * pagination parameter) is reported once at its definition.
   */
  private member(row: DocumentedRow, required: boolean, requiredKnown: boolean, schema: unknown, where: string, schemaName: string | null): void {
    const name = row.definitionName;
    const source = schemaName ? `schema \`${schemaName}\` of the OpenAPI document` : 'the OpenAPI document';
    if (requiredKnown && row.optional && required) {
      this.report(row.optionalAt, `Unexpected \`optional: true\` for \`${name}\`, expected it required as ${source} requires it`);
    } else if (requiredKnown && !row.optional && !required) {
      this.report(row.optionalAt, `Unexpected required \`${name}\`, expected \`optional: true\` since ${source} does not require it`);
    }
    const view = this.view(schema);
    const documented = plainType(row.type);
    if (documented && view.kinds && !overlaps(documented, view.kinds)) {
      this.report(row.typeAt, `Unexpected type \`${row.type}\` for \`${name}\`, expected \`${kindsText(view.kinds)}\` as in ${source}`);
    } else if (documented && view.enum) {
      for (const literal of documented.literals) {
        if (view.enum.includes(literal)) continue;
        const allowed = view.enum.map((value) => `\`${JSON.stringify(value)}\``).join(', ');
        this.report(row.typeAt, `Unexpected value \`${JSON.stringify(literal)}\` in the type of \`${name}\`, expected one of ${allowed} as in ${source}`);
      }
    }
    const children = row.children;
    if (children) this.rows(children, schema, `\`${row.name}\` of ${where}`);
    else this.reach(view);
  }

  private view(schema: unknown): SchemaView {
    return schemaView(this.spec.views, schema);
  }

  /** Named schemas the compared rows reach count as documented by the entry being compared. */
  private reach(view: SchemaView): void {
    for (const name of view.names) if (!this.schemaDocumentedBy.has(name) && this.current) this.schemaDocumentedBy.set(name, this.current);
    if (view.items !== undefined) {
      const items = this.view(view.items);
      for (const name of items.names) if (!this.schemaDocumentedBy.has(name) && this.current) this.schemaDocumentedBy.set(name, this.current);
    }
  }
}

function emptyRows(entry: Located<Entry>): DocumentedRows {
  return { owner: { name: entry.value.key, at: { file: entry.page.file, place: entry.value.keyPlace } }, rows: new Map() };
}

function kindsText(kinds: Set<JsonKind>): string {
  const shown = [...kinds].filter((kind) => kind !== 'null');
  return (shown.length > 0 ? shown : [...kinds]).join(' | ');
}
