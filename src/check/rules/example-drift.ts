import path from 'node:path';
import type { Node } from 'jsonc-parser';
import { ruleSettingsFor } from '../../config/rule-settings.js';
import { closest } from '../../resolve/suggest.js';
import { codeBlocksOf, shownEntry, type ShownTab } from '../drift/code-blocks.js';
import { listOfEntryRows, type DocumentedRow, type DocumentedRows } from '../drift/documented-rows.js';
import { jsonExample, type JsonExample } from '../drift/json-example.js';
import { allows, plainType, type JsonKind } from '../drift/plain-type.js';
import { didYouMean, type Rule, type SiteRuleContext } from '../rule.js';

/** How an example relates to its entry: the object itself, a request body, or a response. */
type ExampleRole = 'object' | 'request' | 'response';

/**
 * Every JSON example a `CodeBlock` shows beside an entry, held against the
 * rows the entry documents: keys it does not document (in the example
 * file), values of another type than a plain documented one, and, in an
 * object or a response, properties that are not `optional` but missing.
 */
const id = 'example-drift';

export const exampleDrift: Rule = {
  id,
  severity: 'warn',
  summary: 'A JSON example should use the keys and value types its entry documents, and show every property that is not optional.',
  checkSite(context) {
    const { site } = context;
    for (const page of context.pages) {
      for (const block of codeBlocksOf(page)) {
        for (const language of site.config.languages) {
          const entry = shownEntry(site, block.referenceId, language.id, page);
          if (!entry) continue;
          for (const tab of block.tabs) {
            if (tab.language !== null && tab.language !== language.id) continue;
            const found = site.examples.lookup(tab.file);
            const file = found.kind === 'found' ? found.files.get(language.id) : undefined;
            if (!file || path.extname(file).toLowerCase() !== '.json') continue;
            // Off for an example file (`overrides`): nothing about that example is reported, on the page either.
            if (ruleSettingsFor(site.config, file)[id] === 'off') continue;
            const role = roleOf(entry.value.properties !== null, tab);
            const rows = listOfEntryRows(site, entry, role === 'object' ? 'properties' : role === 'request' ? 'parameters' : 'returns');
            if (!rows) continue;
            // Compared again for each page that shows it (parsed once): each page is an origin of what it finds, so a
            // check of any one of them reports it; the runner reports each problem once.
            const example = jsonExample(site.examples, file);
            if (example) new ExampleComparison(context, file, page.file, example, role, site.config.cwd).compare(rows, entry.value.key);
          }
        }
      }
    }
  },
};

/** A method's JSON example is its response, unless its tab is titled as a request (`Request`, `Request body`). */
function roleOf(isObject: boolean, tab: ShownTab): ExampleRole {
  if (isObject) return 'object';
  return tab.title !== null && /\brequest\b/i.test(tab.title) ? 'request' : 'response';
}

class ExampleComparison {
  private readonly shownFile: string;

  constructor(
    private readonly context: SiteRuleContext,
    private readonly file: string,
    private readonly origin: string,
    private readonly example: JsonExample,
    private readonly role: ExampleRole,
    cwd: string,
  ) {
    this.shownFile = path.relative(cwd, file).split(path.sep).join('/');
  }

  compare(rows: DocumentedRows, entryKey: string): void {
    const { root, error } = this.example;
    if (error) {
      this.context.report(this.file, `Unexpected ${error.found} in JSON example, expected ${error.expected}`, error.place, { origin: this.origin });
      return;
    }
    if (!root) return;
    let value: Node = root;
    // An object's example may show it under its own name, as a list response nests it: `{ "list_metadata": { … } }`.
    const only = value.type === 'object' && value.children?.length === 1 ? value.children[0]! : null;
    if (this.role === 'object' && only && only.children?.[0]?.value === entryKey && !rows.rows.has(entryKey) && only.children[1]) value = only.children[1];
    if (value.type === 'array') {
      for (const item of value.children ?? []) if (item.type === 'object') this.object(item, rows);
    } else if (value.type === 'object') {
      this.object(value, rows);
    }
  }

  private object(node: Node, rows: DocumentedRows): void {
    const present = new Set<string>();
    for (const member of node.children ?? []) {
      const [keyNode, valueNode] = member.children ?? [];
      if (!keyNode || typeof keyNode.value !== 'string') continue;
      const key = keyNode.value;
      present.add(key);
      const row = rows.rows.get(key);
      if (!row) {
        const suggestions = closest(key, rows.rows.keys());
        this.context.report(
          this.file,
          `Unexpected key \`${key}\`, expected a property that \`${rows.owner.name}\` documents${didYouMean(suggestions)}`,
          this.example.placeOf(keyNode),
          { origin: this.origin, suggestions },
        );
      } else if (valueNode) {
        this.value(valueNode, row);
      }
    }
    if (this.role === 'request') return;
    for (const row of rows.rows.values()) {
      if (row.optional || present.has(row.key)) continue;
      this.context.report(
        row.shown.file,
        `Missing \`${row.name}\` in example \`${this.shownFile}\`, expected every property that is not \`optional\` in ${this.role === 'object' ? 'an example of the object' : 'a response example'}`,
        row.shown.place,
      );
    }
  }

  private value(node: Node, row: DocumentedRow): void {
    const kind = kindOf(node);
    const type = plainType(row.type);
    // An optional property may be sent as null, the way most APIs leave a value out.
    if (type && !(kind === 'null' && row.optional) && !allows(type, kind, node.value)) {
      this.context.report(this.file, `Unexpected ${describe(kind, node)} for \`${row.name}\`, expected \`${row.type}\``, this.example.placeOf(node), {
        origin: this.origin,
      });
    }
    const children = row.children;
    if (!children) return;
    if (kind === 'object') this.object(node, children);
    else if (kind === 'array') for (const item of node.children ?? []) if (item.type === 'object') this.object(item, children);
  }
}

function kindOf(node: Node): JsonKind {
  if (node.type === 'number') return Number.isInteger(node.value) ? 'integer' : 'number';
  return node.type === 'property' ? 'object' : node.type;
}

/** What was found: ``string `"42"` ``, ``number `4.5` ``, `an object`. */
function describe(kind: JsonKind, node: Node): string {
  if (kind === 'object' || kind === 'array') return kind === 'object' ? 'an object' : 'an array';
  if (kind === 'null') return '`null`';
  const text = JSON.stringify(node.value);
  return `${kind === 'integer' ? 'number' : kind} \`${text.length > 40 ? `${text.slice(0, 40)}…` : text}\``;
}
