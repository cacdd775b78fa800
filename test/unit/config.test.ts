import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/config/config-error.js';
import { compileFilePattern } from '../../src/config/file-patterns.js';
import { ruleMayReport, ruleSettingsFor } from '../../src/config/rule-settings.js';
import { makeProject } from '../helpers/run-cli.js';

function withConfig(json: string) {
  return makeProject({ 'polyref.config.json': json });
}

describe('loadConfig', () => {
  it('defaults to the eight languages and folders beside the current directory', () => {
    const config = loadConfig({ cwd: '/site' });
    expect(config.languages.map((language) => language.id)).toEqual(['curl', 'dotnet', 'ruby', 'python', 'js', 'go', 'php', 'java']);
    expect(config.defaultLanguage).toBe('curl');
    expect(config.content).toBe(path.resolve('/site/content'));
    expect(config.basePath).toBe('/');
  });

  it('resolves file values beside the config file and flags beside the current directory', () => {
    const project = withConfig('{ "content": "docs", "out": "public", "basePath": "docs" }');
    try {
      const config = loadConfig({ cwd: '/elsewhere', configFile: path.join(project.dir, 'polyref.config.json'), overrides: { out: 'build' } });
      expect(config.content).toBe(path.join(project.dir, 'docs'));
      expect(config.out).toBe(path.resolve('/elsewhere/build'));
      expect(config.basePath).toBe('/docs/');
    } finally {
      project.cleanup();
    }
  });

  it.each([
    ['{ "contnet": "x" }', 'unknown key `contnet`'],
    ['{ "languages": [] }', '`languages` must be a non-empty list'],
    ['{ "languages": [{ "id": "go" }] }', '`languages[0]` must be'],
    ['{ "defaultLanguage": "cobol" }', 'Unexpected `defaultLanguage` `cobol`'],
    ['{ "rules": { "unused-description": "loud" } }', 'must be `"error"`, `"warn"` or `"off"`'],
    ['{ "basePath": "/../x" }', 'Unexpected `basePath`'],
    ['[1]', 'expected an object'],
    ['{ "content": ', 'Invalid JSON'],
  ])('rejects %s', (json, message) => {
    const project = withConfig(json);
    try {
      expect(() => loadConfig({ cwd: project.dir })).toThrow(ConfigError);
      expect(() => loadConfig({ cwd: project.dir })).toThrow(message);
    } finally {
      project.cleanup();
    }
  });

  it('rejects unknown rule ids', () => {
    expect(() => loadConfig({ cwd: '/site', overrides: { rules: { 'no-such-rule': 'off' } }, ruleIds: new Set(['a']) })).toThrow(
      'Unknown rule `no-such-rule`',
    );
  });

  it('fails clearly when --config names a missing file', () => {
    expect(() => loadConfig({ cwd: '/site', configFile: 'missing.json' })).toThrow('Cannot read config file');
  });
});

describe('openapi and overrides in the config', () => {
  it('reads the `openapi` shorthand and object beside the config file, with curl as the HTTP language', () => {
    const shorthand = withConfig('{ "openapi": "api/openapi.yaml" }');
    const full = withConfig('{ "openapi": { "document": "openapi.json", "language": "json", "schemas": { "directory_group": "Group" } }, "languages": [{ "id": "json", "label": "JSON" }] }');
    try {
      expect(loadConfig({ cwd: shorthand.dir }).openapi).toEqual({ document: path.join(shorthand.dir, 'api/openapi.yaml'), language: 'curl', schemas: {} });
      expect(loadConfig({ cwd: full.dir }).openapi).toEqual({ document: path.join(full.dir, 'openapi.json'), language: 'json', schemas: { directory_group: 'Group' } });
      expect(loadConfig({ cwd: '/site' }).openapi).toBeNull();
    } finally {
      shorthand.cleanup();
      full.cleanup();
    }
  });

  it.each([
    ['{ "openapi": "" }', '`openapi.document` must be the path'],
    ['{ "openapi": 3 }', '`openapi` must be'],
    ['{ "openapi": "https://api.example.com/openapi.yaml" }', 'Unexpected OpenAPI document `https://api.example.com/openapi.yaml`, expected a local file'],
    ['{ "openapi": { "document": "a.yaml", "langauge": "curl" } }', 'unknown key `openapi.langauge`'],
    ['{ "openapi": { "document": "a.yaml", "schemas": { "x": 1 } } }', '`openapi.schemas.x` must be the name of a schema'],
    ['{ "openapi": { "document": "a.yaml", "language": "cobol" } }', 'Unexpected `openapi.language` `cobol`'],
    ['{ "overrides": {} }', '`overrides` must be a list'],
    ['{ "overrides": [{ "files": [], "rules": { "example-drift": "off" } }] }', '`overrides[0]`.files must be a non-empty list'],
    ['{ "overrides": [{ "files": ["../x"], "rules": { "example-drift": "off" } }] }', '`overrides[0]`.files must be a non-empty list'],
    ['{ "overrides": [{ "files": "x", "rules": { "example-drift": "quiet" } }] }', 'rule `example-drift` in `overrides[0]`.rules must be'],
    ['{ "overrides": [{ "files": "x", "rules": {}, "severity": 1 }] }', '`overrides[0]` must be'],
  ])('rejects %s', (json, message) => {
    const project = withConfig(json);
    try {
      expect(() => loadConfig({ cwd: project.dir })).toThrow(message);
    } finally {
      project.cleanup();
    }
  });

  it('rejects unknown rule ids in overrides', () => {
    const project = withConfig('{ "overrides": [{ "files": "examples/**", "rules": { "example-drfit": "off" } }] }');
    try {
      expect(() => loadConfig({ cwd: project.dir, ruleIds: new Set(['example-drift']) })).toThrow('Unknown rule `example-drfit` in `overrides[0].rules`');
    } finally {
      project.cleanup();
    }
  });

  it('gives each file the settings of `rules` and of every override that matches it, later ones winning', () => {
    const project = withConfig(
      JSON.stringify({
        rules: { 'example-drift': 'error', 'missing-example': 'off' },
        overrides: [
          { files: ['examples/legacy'], rules: { 'example-drift': 'off' } },
          { files: 'examples/**/curl.json', rules: { 'example-drift': 'warn' } },
          { files: ['content/drafts/*.mdx'], rules: { 'missing-example': 'warn' } },
        ],
      }),
    );
    try {
      const config = loadConfig({ cwd: project.dir });
      const at = (file: string) => ruleSettingsFor(config, path.join(project.dir, file));
      expect(at('content/a.mdx')).toBe(config.rules);
      expect(at('examples/legacy/widget/python.json')['example-drift']).toBe('off');
      expect(at('examples/legacy/widget/curl.json')['example-drift']).toBe('warn');
      expect(at('examples/widget/curl.json')['example-drift']).toBe('warn');
      expect(at('content/drafts/x.mdx')['missing-example']).toBe('warn');
      expect(at('content/drafts/deeper/x.mdx')['missing-example']).toBe('off');
      expect(ruleMayReport(config, 'missing-example')).toBe(true);
      expect(ruleMayReport(loadConfig({ cwd: '/site', overrides: { rules: { 'missing-example': 'off' } } }), 'missing-example')).toBe(false);
    } finally {
      project.cleanup();
    }
  });
});

describe('compileFilePattern', () => {
  it.each([
    ['examples/legacy', 'examples/legacy/a/curl.json', true],
    ['examples/legacy', 'examples/legacy-2/curl.json', false],
    ['examples/*/curl.json', 'examples/widget/curl.json', true],
    ['examples/*/curl.json', 'examples/a/b/curl.json', false],
    ['examples/**/curl.json', 'examples/curl.json', true],
    ['examples/**/curl.json', 'examples/a/b/curl.json', true],
    ['./content/draft?.mdx', 'content/drafts.mdx', true],
    ['content/a.mdx', 'content/a+mdx', false],
    ['**', 'anything/at/all', true],
  ])('%s against %s: %s', (pattern, file, matches) => {
    expect(compileFilePattern(pattern).test(file)).toBe(matches);
  });
});
