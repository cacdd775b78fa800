import fs from 'node:fs';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, runPolyref } from '../helpers/run-cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function project(files: Record<string, string>): string {
  const created = makeProject(files);
  cleanups.push(created.cleanup);
  return created.dir;
}

const widgetPage = `---
title: Widget
descriptions:
  widget:
    self: A widget.
    id: Its identifier.
    color: Its colour.
reference:
  curl:
    - key: widget
      id: widget
      url: /widget
      properties:
        - key: id
          type: string
          description: (widget.id)
        - key: color
          type: string
          optional: true
          description: (widget.color)
---

# Widget

<CodeBlock title="A widget" file="widget" referenceId="widget" />
`;

const openapi = `openapi: 3.0.3
info: { title: Widgets, version: '1' }
paths:
  /widgets/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: The widget.
          content: { application/json: { schema: { $ref: '#/components/schemas/Widget' } } }
    delete:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '204': { description: Deleted. } }
components:
  schemas:
    Widget:
      type: object
      required: [id]
      properties:
        id: { type: string }
        color: { type: string }
`;

const site = {
  'polyref.config.json': '{ "languages": [{ "id": "curl", "label": "cURL" }] }\n',
  'content/widget.mdx': widgetPage,
  'content/other.mdx': '---\ntitle: Other\n---\n\n# Other\n',
  'examples/widget/curl.json': '{\n  "id": "widget_01",\n  "colour": "blue"\n}\n',
};

const located = { file: 'examples/widget/curl.json', ruleId: 'example-drift', line: 3, column: 3, endLine: 3, endColumn: 11 };

describe('check on example files', () => {
  it('reports on an example file in every format, with its own path, place and code frame', () => {
    const dir = project(site);
    const stylish = runPolyref(['check'], dir);
    expect(stylish.status).toBe(0);
    expect(stylish.stderr).toBe(
      [
        'examples/widget/curl.json',
        '  3:3  warning  Unexpected key `colour`, expected a property that `widget` documents (did you mean `color`?)  example-drift',
        '    3 |   "colour": "blue"',
        '      |   ^^^^^^^^',
        '',
        '⚠ 1 warning in 3 files checked',
        '',
      ].join('\n'),
    );

    const json = JSON.parse(runPolyref(['check', '--format', 'json'], dir).stdout) as Array<{ filePath: string; messages: Array<Record<string, unknown>> }>;
    const example = json.find((file) => file.filePath === located.file)!;
    expect(example.messages).toEqual([
      expect.objectContaining({ ruleId: 'example-drift', severity: 1, line: 3, column: 3, endLine: 3, endColumn: 11, suggestions: ['color'] }),
    ]);

    expect(runPolyref(['check', '--format', 'github'], dir).stdout).toMatch(
      /^::warning file=examples\/widget\/curl\.json,line=3,col=3,endLine=3,endColumn=11,title=polyref\(example-drift\)::Unexpected key `colour`/m,
    );

    const sarif = JSON.parse(runPolyref(['check', '--format', 'sarif'], dir).stdout) as Log;
    const result = sarif.runs[0]!.results![0]!;
    expect(result.ruleId).toBe('example-drift');
    expect(result.locations![0]!.physicalLocation).toMatchObject({
      artifactLocation: { uri: located.file },
      region: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 11 },
    });
    expect(sarif.runs[0]!.tool.driver.rules!.map((rule) => rule.id)).toContain('example-drift');

    expect(runPolyref(['check', '--format', 'junit'], dir).stdout).toContain('<testcase classname="examples/widget/curl.json" name="example-drift at 3:3"');
  });

  it('reports on an example file when a checked page shows it or it is checked itself, not for other pages', () => {
    const dir = project({ ...site, 'content/again.mdx': '---\ntitle: Again\n---\n\n<CodeBlock file="widget" referenceId="widget" />\n' });
    expect(runPolyref(['check'], dir).stderr).toContain('⚠ 1 warning in 4 files checked');
    expect(runPolyref(['check', 'content/widget.mdx'], dir).stderr).toContain('examples/widget/curl.json\n  3:3  warning');
    expect(runPolyref(['check', 'content/again.mdx'], dir).stderr).toContain('examples/widget/curl.json\n  3:3  warning');
    expect(runPolyref(['check', 'examples/widget/curl.json'], dir).stderr).toContain('examples/widget/curl.json\n  3:3  warning');
    expect(runPolyref(['check', 'content/other.mdx'], dir).stderr).toBe('✔ 1 file checked, no problems\n');
  });

  it('turns a rule off for some files through `overrides`', () => {
    const dir = project({
      ...site,
      'polyref.config.json': JSON.stringify({ languages: [{ id: 'curl', label: 'cURL' }], overrides: [{ files: ['examples/widget'], rules: { 'example-drift': 'off' } }] }),
    });
    expect(runPolyref(['check'], dir).stderr).toBe('✔ 2 files checked, no problems\n');
  });

  it('baselines a problem of an example file by its line text, wherever the line moves', () => {
    const dir = project(site);
    expect(runPolyref(['check', '--update-baseline'], dir).stderr).toBe('polyref: wrote 1 problem to .polyref-baseline.json\n');
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, '.polyref-baseline.json'), 'utf8')) as { problems: Array<{ file: string; ruleId: string }> };
    expect(baseline.problems).toEqual([expect.objectContaining({ file: located.file, ruleId: 'example-drift' })]);
    fs.writeFileSync(path.join(dir, located.file), '{\n  "id": "widget_01",\n\n  "colour": "blue"\n}\n');
    expect(runPolyref(['check'], dir).stderr).toBe('✔ 3 files checked, no problems\n');
    fs.writeFileSync(path.join(dir, located.file), '{\n  "id": "widget_01",\n  "coluor": "blue"\n}\n');
    const changed = runPolyref(['check'], dir);
    expect(changed.stderr).toContain('3:3  warning  Unexpected key `coluor`');
    expect(changed.stderr).toContain('1 baselined problem is fixed');
  });
});

describe('check and parity with an OpenAPI document', () => {
  const withOpenApi = {
    ...site,
    'examples/widget/curl.json': '{ "id": "widget_01" }\n',
    'polyref.config.json': '{\n  "languages": [{ "id": "curl", "label": "cURL" }],\n  "openapi": "openapi.yaml"\n}\n',
    'openapi.yaml': openapi,
  };

  it('warns once, on the config file, about what no page documents', () => {
    const dir = project(withOpenApi);
    const result = runPolyref(['check'], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      [
        'polyref.config.json',
        '  3:14  warning  Unexpected 2 operations of `openapi.yaml` that no page documents: `GET /widgets/{id}`, `DELETE /widgets/{id}`, expected an entry for each (see `polyref parity --openapi`)  openapi-coverage',
        '    3 |   "openapi": "openapi.yaml"',
        '      |              ^^^^^^^^^^^^^^',
        '',
        '⚠ 1 warning in 3 files checked',
        '',
      ].join('\n'),
    );
    // A check of some pages only (a pre-commit hook) leaves the coverage of the whole document alone.
    expect(runPolyref(['check', 'content/widget.mdx'], dir).stderr).toBe('✔ 1 file checked, no problems\n');
  });

  it('prints the coverage of the document with parity --openapi', () => {
    const dir = project(withOpenApi);
    const result = runPolyref(['parity', '--openapi'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'OpenAPI coverage of openapi.yaml by the curl entries: 0 of 2 operations (0.0%), 1 of 1 schema (100.0%)',
        '✓ documented (by the page shown), – documented by no page',
        '',
        'Operations',
        '  – GET /widgets/{id}',
        '  – DELETE /widgets/{id}',
        '',
        'Schemas',
        '  ✓ Widget  content/widget.mdx',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(runPolyref(['parity', '--openapi', '--format', 'json'], dir).stdout) as { operations: { documented: number; total: number } };
    expect(json.operations).toMatchObject({ documented: 0, total: 2 });
  });

  it('exits 2 without reading anything from the network when the document refers to a URL, or names none', () => {
    const dir = project({ ...withOpenApi, 'openapi.yaml': openapi.replace("$ref: '#/components/schemas/Widget'", "$ref: 'https://schemas.example.com/widget.yaml'") });
    const result = runPolyref(['check'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('polyref: Unexpected `$ref` to `https://schemas.example.com/widget.yaml` in OpenAPI document `openapi.yaml`, expected a local file');
    const without = project(site);
    const parity = runPolyref(['parity', '--openapi'], without);
    expect(parity.status).toBe(2);
    expect(parity.stderr).toContain('Unexpected `--openapi` without an OpenAPI document');
  });
});
