import type { Config } from '../config/config.js';
import { buildSiteIndex } from '../index/site-index.js';
import { ExampleStore } from '../load/examples.js';
import { findSources } from '../load/find-sources.js';
import { loadPages, type LoadPagesOptions } from '../load/load-pages.js';
import { componentNames, findTemplates } from '../load/template-files.js';
import type { Site } from '../model/site.js';
import { ConfigError } from '../config/config-error.js';
import fs from 'node:fs';

export interface LoadOptions {
  /** Keep body trees for rendering. `check` never does. */
  keepTrees: boolean;
  /** Contents to use instead of the file on disk (staged content, an editor's buffer), by absolute path. */
  contents?: ReadonlyMap<string, Buffer>;
  /** Sources to leave out though the disk has them (pages a staged commit deletes), by absolute path. */
  without?: ReadonlySet<string>;
  /** `false` parses every page afresh, whatever `config.cache` says. */
  cache?: false;
  /** Worker pool settings, for tests and benchmarks. */
  pool?: LoadPagesOptions['pool'];
}

/** load → parse → index: every source under the content root, read and parsed once. */
export function loadSite(config: Config, options: LoadOptions): Site {
  if (!fs.existsSync(config.content) || !fs.statSync(config.content).isDirectory()) {
    throw new ConfigError(`Cannot find content folder \`${config.content}\``, 'pass `--content DIR` or set `content` in polyref.config.json');
  }
  const without = options.without;
  const sources = findSources(config.content).filter((source) => !without?.has(source.file));
  const pages = loadPages(sources, {
    keepTrees: options.keepTrees,
    contents: options.contents,
    cache: options.cache === false ? null : config.cache,
    pool: options.pool,
  });
  const templates = findTemplates(config.templates);
  return {
    config,
    index: buildSiteIndex(pages),
    examples: new ExampleStore(config.examples),
    templates,
    components: componentNames(templates),
  };
}

