/**
 * The JSON Schemas shipped for editors (`schemas/`) say what polyref reads:
 * they accept the configuration and every page polyref accepts (the bundled
 * site, the fixtures without shape errors) and reject the shapes it reports.
 *
 * The config schema lists every rule id with its summary; when rules change,
 * `UPDATE_SCHEMAS=1 npx vitest run test/unit/schemas.test.ts` writes the
 * list again.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ruleIds, rules } from '../../src/check/rules/index.js';
import { loadConfig } from '../../src/config/config.js';
import { defaultLanguages } from '../../src/config/languages.js';
import { makeProject, repoRoot } from '../helpers/run-cli.js';
import { compileSchema, frontmatterOf, mdxFiles, readSchema, schemasFolder } from '../helpers/schemas.js';

const fixturesFolder = path.join(repoRoot, 'test/fixtures');

const validateConfig = compileSchema('polyref.config.schema.json');
const validatePage = compileSchema('page.schema.json');
const validateNavigation = compileSchema('navigation.schema.json');

function errorsOf(validate: ValidateFunction, data: unknown): string {
  validate(data);
  return JSON.stringify(validate.errors);
}

/** Whether `loadConfig` accepts this file, as the CLI would read it. */
function loaderAccepts(json: string): boolean {
  const project = makeProject({ 'polyref.config.json': json });
  try {
    loadConfig({ cwd: project.dir, ruleIds });
    return true;
  } catch {
    return false;
  } finally {
    project.cleanup();
  }
}

describe('schemas/polyref.config.schema.json', () => {
  it('lists every rule with its summary, and no other', () => {
    const schema = readSchema('polyref.config.schema.json');
    const wanted = {
      type: 'object',
      description: (schema.properties as { rules: { description: string } }).rules.description,
      propertyNames: { enum: rules.map((rule) => rule.id) },
      additionalProperties: { $ref: '#/definitions/ruleSetting' },
      properties: Object.fromEntries(rules.map((rule) => [rule.id, { $ref: '#/definitions/ruleSetting', description: `${rule.summary} (default: \`${rule.severity}\`)` }])),
    };
    if (process.env.UPDATE_SCHEMAS === '1') {
      (schema.properties as Record<string, unknown>).rules = wanted;
      fs.writeFileSync(path.join(schemasFolder, 'polyref.config.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
    }
    expect((schema.properties as Record<string, unknown>).rules, 'run UPDATE_SCHEMAS=1 npx vitest run test/unit/schemas.test.ts').toEqual(wanted);
  });

  it('accepts the configuration of the bundled site, of the fixtures and of the README', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const documented = /### Configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!;
    const configs = [documented, ...[repoRoot, ...fs.readdirSync(fixturesFolder).map((name) => path.join(fixturesFolder, name))]
      .map((folder) => path.join(folder, 'polyref.config.json'))
      .filter((file) => fs.existsSync(file))
      .map((file) => fs.readFileSync(file, 'utf8'))];
    expect(configs.length).toBeGreaterThan(2);
    for (const config of configs) {
      expect(loaderAccepts(config), config).toBe(true);
      expect(validateConfig(JSON.parse(config)), `${config}\n${JSON.stringify(validateConfig.errors)}`).toBe(true);
    }
  });

  // Only what one field says on its own: that `defaultLanguage` is one of `languages`, say, is for polyref to tell.
  it.each([
    ['{}', true],
    ['{ "$schema": "./node_modules/polyref/schemas/polyref.config.schema.json", "title": "Docs" }', true],
    ['{ "contnet": "docs" }', false],
    ['{ "title": "" }', false],
    ['{ "languages": [] }', false],
    ['{ "languages": [{ "id": "go" }] }', false],
    ['{ "languages": [{ "id": "go", "label": "Go", "colour": "blue" }] }', false],
    ['{ "languages": [{ "id": "9go", "label": "Go" }] }', false],
    ['{ "rules": { "unused-description": "off", "parity-gap": "error" } }', true],
    ['{ "rules": { "unused-description": "loud" } }', false],
    ['{ "rules": { "no-such-rule": "off" } }', false],
    ['{ "parity": { "ignore": [{ "keyPath": "*.object", "languages": ["go"] }] } }', true],
    ['{ "parity": { "ignore": [{ "languages": ["go"] }] } }', false],
    ['{ "parity": { "ignore": [{ "keyPath": "a..b" }] } }', false],
    ['{ "parity": { "exempt": [] } }', false],
    ['{ "ignoreLinks": ["^/guides/"] }', true],
    ['{ "ignoreLinks": "^/guides/" }', false],
    ['{ "ignoreLinks": ["(unclosed"] }', false],
    ['{ "cache": false }', true],
    ['{ "cache": true }', false],
    ['{ "siteUrl": "https://docs.example.com" }', true],
    ['{ "siteUrl": "https://docs.example.com/docs/" }', false],
    ['{ "rulesDocsUrl": "https://example.com/polyref/rules/" }', true],
    ['{ "rulesDocsUrl": "docs/rules/" }', false],
    ['{ "basePath": "/docs/" }', true],
    ['{ "basePath": "/docs?x" }', false],
  ])('judges %s as polyref does (%s)', (json, valid) => {
    expect(loaderAccepts(json)).toBe(valid);
    expect(validateConfig(JSON.parse(json)), errorsOf(validateConfig, JSON.parse(json))).toBe(valid);
  });
});

describe('schemas/page.schema.json and schemas/navigation.schema.json', () => {
  it('names the default languages under `reference`', () => {
    const reference = (readSchema('page.schema.json').properties as { reference: { properties: Record<string, unknown> } }).reference;
    expect(Object.keys(reference.properties)).toEqual(defaultLanguages.map((language) => language.id));
  });

  it('accept every page and navigation file of the bundled site and of the starter site', () => {
    const files = [...mdxFiles(path.join(repoRoot, 'content')), ...mdxFiles(path.join(repoRoot, 'starter/content'))];
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const data = frontmatterOf(file);
      const validate = path.basename(file) === '_navigation.mdx' ? validateNavigation : validatePage;
      expect(validate(data ?? {}), `${path.relative(repoRoot, file)}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  /**
   * A fixture page without a `frontmatter-shape` or `frontmatter-syntax`
   * problem must be accepted, and one with a `frontmatter-shape` problem
   * rejected, except where the schema cannot see the shape.
   */
  const notForTheSchema: Record<string, string> = {
    // `type` and `description` are optional in the page format: a leaf without a description is a warning, not a shape.
    'property-missing-type-description/content/widget.mdx': 'optional fields',
  };

  it('accept every fixture page polyref reads without a shape problem, and reject the ones it reports', () => {
    let accepted = 0;
    let rejected = 0;
    for (const scenario of fs.readdirSync(fixturesFolder).sort()) {
      const content = path.join(fixturesFolder, scenario, 'content');
      if (!fs.existsSync(content)) continue;
      const expected = JSON.parse(fs.readFileSync(path.join(fixturesFolder, scenario, 'expected.json'), 'utf8')) as Array<{ file: string; ruleId: string }>;
      for (const file of mdxFiles(content)) {
        const relative = path.relative(content, file).split(path.sep).join('/');
        const rulesOnFile = new Set(expected.filter((diagnostic) => diagnostic.file === relative).map((diagnostic) => diagnostic.ruleId));
        if (rulesOnFile.has('frontmatter-syntax') || rulesOnFile.has('file-encoding') || notForTheSchema[`${scenario}/content/${relative}`]) continue;
        let data: unknown;
        try {
          data = frontmatterOf(file) ?? {};
        } catch {
          continue; // YAML polyref reads and `yaml` does not (a tab before a block): nothing for a schema to say.
        }
        const validate = path.basename(file) === '_navigation.mdx' ? validateNavigation : validatePage;
        const where = `${scenario}/content/${relative}`;
        // A dotted description key or an unknown property field only earns a warning, but an editor should flag it as one types: the schema rejects it.
        if (rulesOnFile.has('frontmatter-shape') || rulesOnFile.has('dotted-description-key') || rulesOnFile.has('unknown-field')) {
          expect(validate(data), `${where} has a shape problem the schema lets through`).toBe(false);
          rejected++;
        } else {
          expect(validate(data), `${where}: ${JSON.stringify(validate.errors)}`).toBe(true);
          accepted++;
        }
      }
    }
    expect(accepted).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(3);
  });

  const entry = (lines: string[]) => ['reference:', '  python:', '    - key: Widget', ...lines.map((line) => `      ${line}`)].join('\n');
  it.each([
    ['an unknown property field', entry(['properties:', '  - key: id', '    type: str', '    descripton: The identifier.'])],
    ['properties as a map', entry(['properties:', '  id:', '    type: str'])],
    ['an item reference without parentheses', entry(['properties:', '  - Address'])],
    ['a property without `key`', entry(['properties:', '  - type: str'])],
    ['`optional` that is not a boolean', entry(['properties:', '  - key: id', '    optional: "yes"'])],
    ['an invalid `patternBefore`', entry(['patternBefore: "widgets\\\\.("'])],
    ['an entry without `key`', ['reference:', '  python:', '    - id: widget'].join('\n')],
    ['entries as a map', ['reference:', '  python:', '    key: Widget'].join('\n')],
    ['a description key with a dot', ['descriptions:', '  widget:', '    stream.id: The stream.'].join('\n')],
    ['an empty description', ['descriptions:', '  widget:', '    id:'].join('\n')],
    ['a description list', ['descriptions:', '  widget:', '    - The widget.'].join('\n')],
  ])('reject %s in a page', (_, yaml) => {
    expect(validatePage(parseYaml(yaml))).toBe(false);
  });

  it('accept what the format leaves open: fields of entries and top-level keys for templates, properties without type or description', () => {
    const yaml = [
      'title: Widget',
      'originalPath: docs/widget.md',
      'descriptions:',
      '  widget:',
      '    self: A widget.',
      '    id: Its identifier.',
      'reference:',
      '  kotlin:',
      '    - key: Widget',
      '      id: widget',
      '      sendsEmail: true',
      '      properties:',
      '        - (Base.id)',
      '        - key: Task<Widget>',
      '        - key: options',
      '          unwrap: true',
      '          properties:',
      '            - key: id',
      '              type: String',
      '              description: (widget.id)',
    ].join('\n');
    expect(validatePage(parseYaml(yaml)), errorsOf(validatePage, parseYaml(yaml))).toBe(true);
  });

  it('accept empty frontmatter, as polyref does: the YAML language server reads what follows a closing `---` as a second, empty document', () => {
    expect([validatePage(null), validateNavigation(null), validatePage(parseYaml('')), validateNavigation(parseYaml(''))]).toEqual([true, true, true, true]);
  });

  it.each([
    ['a link without `title`', 'links:\n  - url: /widget'],
    ['a misspelt field of a link', 'links:\n  - title: Widget\n    link: /widget'],
    ['links as a map', 'links:\n  widget: /widget'],
  ])('reject %s in a navigation file', (_, yaml) => {
    expect(validateNavigation(parseYaml(yaml))).toBe(false);
  });
});
