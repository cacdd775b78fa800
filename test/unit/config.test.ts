import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/config/config-error.js';
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
