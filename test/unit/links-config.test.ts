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

describe('`ignoreLinks` in polyref.config.json', () => {
  it('keeps the patterns as written, none by default', () => {
    expect(load('{}').ignoreLinks).toEqual([]);
    expect(load('{ "ignoreLinks": ["^/guides/", "\\\\.pdf$"] }').ignoreLinks).toEqual(['^/guides/', '\\.pdf$']);
  });

  it.each([
    ['{ "ignoreLinks": "^/guides/" }', '`ignoreLinks` must be a list of regular expressions'],
    ['{ "ignoreLinks": [""] }', '`ignoreLinks[0]` must be a non-empty string'],
    ['{ "ignoreLinks": ["^/a", 3] }', '`ignoreLinks[1]` must be a non-empty string'],
    ['{ "ignoreLinks": ["^/guides/("] }', '`ignoreLinks[0]` `^/guides/(` is not a valid regular expression'],
  ])('rejects %s', (json, message) => {
    expect(() => load(json)).toThrowError(ConfigError);
    expect(() => load(json)).toThrowError(message);
  });
});
