import type { Config } from '../config/config.js';
import type { SiteIndex } from '../index/site-index.js';
import type { ExampleStore } from '../load/examples.js';

/** Everything a check or a render may consult about the whole site. */
export interface Site {
  config: Config;
  index: SiteIndex;
  examples: ExampleStore;
  /** Template file by name, the project's shadowing the built-in ones. */
  templates: Map<string, string>;
  /** Components that have a template. */
  components: Set<string>;
}
