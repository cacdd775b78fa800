import type { Config } from '../config/config.js';
import type { SiteIndex } from '../index/site-index.js';
import type { ExampleStore } from '../load/examples.js';
import type { OpenApiDocument } from '../load/openapi.js';

/** Everything a check or a render may consult about the whole site. */
export interface Site {
  config: Config;
  index: SiteIndex;
  examples: ExampleStore;
  /** Template file by name, the project's shadowing the built-in ones. */
  templates: Map<string, string>;
  /** Components that have a template. */
  components: Set<string>;
  /** The configured OpenAPI document, dereferenced; loaded by `check` only, and only when the config names one. */
  openapi?: OpenApiDocument;
}
