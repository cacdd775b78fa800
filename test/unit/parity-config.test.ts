import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/config/config-error.js';
import { makeProject } from '../helpers/run-cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function load(json: string) {
  const project = makeProject({ 'polyref.config.json': json });
  cleanups.push(project.cleanup);
  return loadConfig({ cwd: project.dir, configFile: path.join(project.dir, 'polyref.config.json') });
}

describe('`parity` in polyref.config.json', () => {
  it('defaults to no exemptions, and to a strict majority for what is expected of every language', () => {
    expect(load('{}').parity).toEqual({ ignore: [], minShare: 0.5 });
  });

  it('reads `minShare`, a fraction from 0 to 1', () => {
    expect(load('{ "parity": { "minShare": 0 } }').parity).toEqual({ ignore: [], minShare: 0 });
    expect(load('{ "parity": { "minShare": 0.75, "ignore": [] } }').parity.minShare).toBe(0.75);
  });

  it('reads exemptions of key paths and of entries, for every language when none are named', () => {
    const config = load('{ "parity": { "ignore": [{ "keyPath": "directory_group.object", "languages": ["curl", "python"] }, { "keyPath": "*.object" }, { "id": "*", "languages": ["go"] }] } }');
    expect(config.parity.ignore).toEqual([
      { keyPath: 'directory_group.object', languages: ['curl', 'python'] },
      { keyPath: '*.object', languages: null },
      { id: '*', languages: ['go'] },
    ]);
  });

  it.each([
    ['{ "parity": [] }', '`parity` must be `{ "ignore": [...], "minShare": 0.5 }`'],
    ['{ "parity": { "exempt": [] } }', '`parity` must be `{ "ignore": [...], "minShare": 0.5 }`'],
    ['{ "parity": { "minShare": "most" } }', '`parity.minShare` must be a fraction from 0 to 1'],
    ['{ "parity": { "minShare": 1.5 } }', '`parity.minShare` must be a fraction from 0 to 1'],
    ['{ "parity": { "minShare": -0.1 } }', '`parity.minShare` must be a fraction from 0 to 1'],
    ['{ "parity": { "ignore": {} } }', '`parity.ignore` must be a list'],
    ['{ "parity": { "ignore": [{ "path": "a.b" }] } }', '`parity.ignore[0]` must be'],
    ['{ "parity": { "ignore": [{ "keyPath": "a.b", "id": "a" }] } }', '`parity.ignore[0]` must be'],
    ['{ "parity": { "ignore": [{ "languages": ["curl"] }] } }', '`parity.ignore[0]` must be'],
    ['{ "parity": { "ignore": [{ "id": "a b" }] } }', '`parity.ignore[0]`.id must be an entry id'],
    ['{ "parity": { "ignore": [{ "keyPath": "a..b" }] } }', '`parity.ignore[0]`.keyPath must be a key path'],
    ['{ "parity": { "ignore": [{ "keyPath": "a b" }] } }', '`parity.ignore[0]`.keyPath must be a key path'],
    ['{ "parity": { "ignore": [{ "keyPath": "a", "languages": [] }] } }', '`parity.ignore[0]`.languages must be a non-empty list'],
    ['{ "parity": { "ignore": [{ "keyPath": "a", "languages": "curl" }] } }', '`parity.ignore[0]`.languages must be a non-empty list'],
    ['{ "parity": { "ignore": [{ "keyPath": "a", "languages": ["cobol"] }] } }', 'Unexpected language `cobol` in `parity.ignore` for `a`'],
  ])('rejects %s', (json, message) => {
    expect(() => load(json)).toThrowError(ConfigError);
    expect(() => load(json)).toThrowError(message);
  });
});
