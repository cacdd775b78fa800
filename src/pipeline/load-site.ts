import type { Config } from '../config/config.js';
import { buildSiteIndex } from '../index/site-index.js';
import { ExampleStore } from '../load/examples.js';
import { findSources } from '../load/find-sources.js';
import { readSource } from '../load/read-source.js';
import { componentNames, findTemplates } from '../load/template-files.js';
import type { ParsedPage } from '../model/types.js';
import type { Site } from '../model/site.js';
import { emptyPage, parsePage } from '../parse/parse-page.js';
import { ConfigError } from '../config/config-error.js';
import fs from 'node:fs';

export interface LoadOptions {
  /** Keep body trees for rendering. `check` never does. */
  keepTrees: boolean;
  /** Contents to use instead of the file on disk (staged content, an editor's buffer), by absolute path. */
  contents?: ReadonlyMap<string, Buffer>;
}

/** load → parse → index: every source under the content root, read and parsed once. */
export function loadSite(config: Config, options: LoadOptions): Site {
  if (!fs.existsSync(config.content) || !fs.statSync(config.content).isDirectory()) {
    throw new ConfigError(`Cannot find content folder \`${config.content}\``, 'pass `--content DIR` or set `content` in polyref.config.json');
  }
  const pages: ParsedPage[] = [];
  for (const source of findSources(config.content)) {
    const given = options.contents?.get(source.file);
    const read = given ? ({ ok: true, bytes: given } as const) : readSource(source.file);
    if (read.ok) {
      pages.push(parsePage(source, read.bytes, { keepTree: options.keepTrees }));
    } else {
      pages.push({ ...emptyPage(source, ''), diagnostics: [read.diagnostic] });
    }
  }
  const templates = findTemplates(config.templates);
  return {
    config,
    index: buildSiteIndex(pages),
    examples: new ExampleStore(config.examples),
    templates,
    components: componentNames(templates),
  };
}

