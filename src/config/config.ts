import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-error.js';
import { defaultLanguages, type Language } from './languages.js';

export type RuleSetting = 'error' | 'warn' | 'off';

/**
 * A known cross-language difference, that `languages` (all when null) may
 * lack: a key path (`keyPath`) or an entry (`id`), each a glob where `*`
 * stands for one segment and `**` for any.
 */
export type ParityIgnore = { keyPath: string; languages: string[] | null } | { id: string; languages: string[] | null };

/** The OpenAPI description the reference is held against (`openapi-drift`, `openapi-coverage`, `parity --openapi`). */
export interface OpenApiConfig {
  /** The OpenAPI 3.0 or 3.1 document (YAML or JSON), absolute. */
  document: string;
  /** The language whose entries are HTTP requests and payloads: `curl` unless configured. */
  language: string;
  /** Entry `id` → schema name in `components.schemas`, for entries whose id in PascalCase is not the schema's name. */
  schemas: Record<string, string>;
}

/** Rule settings for some files only: `files` are patterns relative to `base` (see `compileFilePattern`); later overrides win. */
export interface RuleOverride {
  base: string;
  files: string[];
  rules: Record<string, RuleSetting>;
}

/** The resolved configuration every stage reads; paths are absolute. */
export interface Config {
  cwd: string;
  /** The site's name, in every page title and header. */
  title: string;
  configFile: string | null;
  content: string;
  examples: string;
  out: string;
  /** The user's templates folder; the built-in ones fill every gap. */
  templates: string;
  languages: Language[];
  defaultLanguage: string;
  /** `/` or a prefix such as `/docs/`, always with both slashes. */
  basePath: string;
  /** Where the site is published (`https://docs.example.com`), without a trailing slash; null when unknown. */
  siteUrl: string | null;
  rules: Record<string, RuleSetting>;
  /** Settings of `rules` for some files (a legacy examples folder, generated pages). */
  overrides: RuleOverride[];
  /** Base URL of the rule pages (`<base><rule-id>.md`) that reports link to; null for the pages installed with polyref. */
  rulesDocsUrl: string | null;
  /**
   * `minShare`: a key path (or an entry) is expected of every language when
   * more than this share of the languages document it (0.5: a strict majority).
   */
  parity: { ignore: ParityIgnore[]; minShare: number };
  /** Regular expressions (as source text) for link URLs that point outside the site being checked. */
  ignoreLinks: string[];
  /** The folder of the parse cache (default `node_modules/.cache/polyref`); null when caching is off. */
  cache: string | null;
  /** null when the config names no OpenAPI document. */
  openapi: OpenApiConfig | null;
}

/** `"openapi.yaml"`, or the whole object. */
export type OpenApiInput = string | { document: string; language?: string; schemas?: Record<string, string> };

/** What may stand in `polyref.config.json`, and as flags on the command line. */
export interface ConfigInput {
  /** The JSON Schema editors check the file against; polyref ignores it. */
  $schema?: string;
  title?: string;
  content?: string;
  examples?: string;
  out?: string;
  templates?: string;
  languages?: Language[];
  defaultLanguage?: string;
  basePath?: string;
  siteUrl?: string;
  rules?: Record<string, RuleSetting>;
  rulesDocsUrl?: string;
  parity?: { ignore?: Array<({ keyPath: string } | { id: string }) & { languages?: string[] }>; minShare?: number };
  ignoreLinks?: string[];
  /** A folder for the parse cache, or `false` for none. */
  cache?: string | false;
  overrides?: Array<{ files: string | string[]; rules: Record<string, RuleSetting> }>;
  openapi?: OpenApiInput;
}

export const configFileName = 'polyref.config.json';

/** A key path documented by more than half of an entry's languages is expected of all of them. */
export const defaultMinShare = 0.5;

const knownKeys = new Set<keyof ConfigInput>([
  '$schema',
  'title',
  'content',
  'examples',
  'out',
  'templates',
  'languages',
  'defaultLanguage',
  'basePath',
  'siteUrl',
  'rules',
  'rulesDocsUrl',
  'parity',
  'ignoreLinks',
  'cache',
  'overrides',
  'openapi',
]);

export interface LoadConfigOptions {
  cwd: string;
  /** `--config FILE`: must exist. Without it, `polyref.config.json` in `cwd` is used when present. */
  configFile?: string;
  /** Flags from the command line, which win over the file. */
  overrides?: ConfigInput;
  /** Rule ids that exist, to reject typos in `rules`. */
  ruleIds?: ReadonlySet<string>;
}

export function loadConfig(options: LoadConfigOptions): Config {
  const { cwd } = options;
  const explicit = options.configFile ? path.resolve(cwd, options.configFile) : null;
  const implicit = path.join(cwd, configFileName);
  const configFile = explicit ?? (fs.existsSync(implicit) ? implicit : null);
  const fromFile = configFile ? readConfigFile(configFile) : {};
  const base = configFile ? path.dirname(configFile) : cwd;

  const merged: ConfigInput = { ...fromFile };
  for (const [key, value] of Object.entries(options.overrides ?? {})) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  // Flags are relative to where the command runs, file values to the file.
  const dir = (key: 'content' | 'examples' | 'out' | 'templates', fallback: string): string => {
    const fromFlag = options.overrides?.[key];
    if (fromFlag !== undefined) return path.resolve(cwd, fromFlag);
    return path.resolve(base, fromFile[key] ?? fallback);
  };

  const languages = merged.languages ?? defaultLanguages.map((language) => ({ ...language }));
  const defaultLanguage = merged.defaultLanguage ?? languages[0]?.id;
  if (!defaultLanguage || !languages.some((language) => language.id === defaultLanguage)) {
    throw new ConfigError(
      `Unexpected \`defaultLanguage\` \`${String(defaultLanguage)}\`, expected one of the configured languages`,
      `use one of ${languages.map((language) => `\`${language.id}\``).join(', ')}`,
    );
  }
  const rules = merged.rules ?? {};
  const overrides = (merged.overrides ?? []).map((override) => ({
    base,
    files: typeof override.files === 'string' ? [override.files] : override.files,
    rules: override.rules,
  }));
  if (options.ruleIds) {
    for (const [where, settings] of [['`rules`', rules], ...overrides.map((override, index) => [`\`overrides[${index}].rules\``, override.rules] as const)] as const) {
      for (const id of Object.keys(settings)) {
        if (!options.ruleIds.has(id)) {
          throw new ConfigError(`Unknown rule \`${id}\` in ${where}`, 'run `polyref rules` to list them');
        }
      }
    }
  }
  const parityIgnore = (merged.parity?.ignore ?? []).map(
    (ignore): ParityIgnore => ('id' in ignore ? { id: ignore.id, languages: ignore.languages ?? null } : { keyPath: ignore.keyPath, languages: ignore.languages ?? null }),
  );
  for (const ignore of parityIgnore) {
    const unknown = ignore.languages?.find((id) => !languages.some((language) => language.id === id));
    if (unknown !== undefined) {
      throw new ConfigError(
        `Unexpected language \`${unknown}\` in \`parity.ignore\` for \`${'id' in ignore ? ignore.id : ignore.keyPath}\`, expected a configured language`,
        `use one of ${languages.map((language) => `\`${language.id}\``).join(', ')}`,
      );
    }
  }
  return {
    cwd,
    configFile,
    title: merged.title ?? 'API Reference',
    content: dir('content', 'content'),
    examples: dir('examples', 'examples'),
    out: dir('out', 'out'),
    templates: dir('templates', 'templates'),
    cache: cacheFolder(options.overrides?.cache, cwd, fromFile.cache, base),
    languages,
    defaultLanguage,
    basePath: normalizeBasePath(merged.basePath ?? '/'),
    siteUrl: merged.siteUrl === undefined ? null : normalizeSiteUrl(merged.siteUrl),
    rules,
    overrides,
    rulesDocsUrl: merged.rulesDocsUrl === undefined ? null : normalizeRulesDocsUrl(merged.rulesDocsUrl),
    parity: { ignore: parityIgnore, minShare: merged.parity?.minShare ?? defaultMinShare },
    ignoreLinks: merged.ignoreLinks ?? [],
    openapi: merged.openapi === undefined ? null : openApiConfig(merged.openapi, base, languages),
  };
}

/** The string shorthand names the document; the language must be one the site has. */
function openApiConfig(input: OpenApiInput, base: string, languages: Language[]): OpenApiConfig {
  const { document, language = 'curl', schemas = {} } = typeof input === 'string' ? { document: input } : input;
  if (!languages.some((candidate) => candidate.id === language)) {
    throw new ConfigError(
      `Unexpected \`openapi.language\` \`${language}\`, expected the configured language whose entries are HTTP requests`,
      `use one of ${languages.map((candidate) => `\`${candidate.id}\``).join(', ')}`,
    );
  }
  return { document: path.resolve(base, document), language, schemas: { ...schemas } };
}

function readConfigFile(file: string): ConfigInput {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`Cannot read config file \`${file}\``);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`Invalid JSON in \`${file}\`: ${(error as Error).message}`);
  }
  return validateConfigInput(json, file);
}

export function validateConfigInput(json: unknown, source: string): ConfigInput {
  const fail = (message: string, hint?: string): never => {
    throw new ConfigError(`${source}: ${message}`, hint);
  };
  if (!isRecord(json)) return fail('expected an object');
  for (const key of Object.keys(json)) {
    if (!knownKeys.has(key as keyof ConfigInput)) {
      fail(`unknown key \`${key}\``, `known keys are ${[...knownKeys].map((k) => `\`${k}\``).join(', ')}`);
    }
  }
  for (const key of ['$schema', 'title', 'content', 'examples', 'out', 'templates', 'defaultLanguage', 'basePath', 'siteUrl', 'rulesDocsUrl'] as const) {
    if (key in json && (typeof json[key] !== 'string' || json[key] === '')) {
      fail(`\`${key}\` must be a non-empty string`);
    }
  }
  if ('languages' in json) {
    const languages = json.languages;
    if (!Array.isArray(languages) || languages.length === 0) {
      fail('`languages` must be a non-empty list of `{ "id", "label" }`');
    }
    const seen = new Set<string>();
    for (const [index, language] of (languages as unknown[]).entries()) {
      if (
        !isRecord(language) ||
        typeof language.id !== 'string' ||
        !/^[a-z][a-z0-9_-]*$/i.test(language.id) ||
        typeof language.label !== 'string' ||
        Object.keys(language).some((key) => key !== 'id' && key !== 'label')
      ) {
        fail(`\`languages[${index}]\` must be \`{ "id": "python", "label": "Python" }\``);
      }
      const id = (language as Language).id;
      if (seen.has(id)) fail(`language \`${id}\` is listed twice`);
      seen.add(id);
    }
  }
  if ('rules' in json) {
    if (!isRecord(json.rules)) fail('`rules` must map rule ids to `"error"`, `"warn"` or `"off"`');
    for (const [id, setting] of Object.entries(json.rules as Record<string, unknown>)) {
      if (setting !== 'error' && setting !== 'warn' && setting !== 'off') {
        fail(`rule \`${id}\` must be \`"error"\`, \`"warn"\` or \`"off"\``);
      }
    }
  }
  if ('parity' in json) validateParity(json.parity, fail);
  if ('ignoreLinks' in json) validateIgnoreLinks(json.ignoreLinks, fail);
  if ('overrides' in json) validateOverrides(json.overrides, fail);
  if ('openapi' in json) validateOpenApi(json.openapi, fail);
  if ('cache' in json && json.cache !== false && (typeof json.cache !== 'string' || json.cache === '')) {
    fail('`cache` must be a folder or `false`', 'for example `"node_modules/.cache/polyref"`');
  }
  return json as ConfigInput;
}

function validateParity(parity: unknown, fail: (message: string, hint?: string) => never): void {
  const example = '`{ "keyPath": "*.object", "languages": ["curl"] }` or `{ "id": "*", "languages": ["json"] }`';
  if (!isRecord(parity) || Object.keys(parity).some((key) => key !== 'ignore' && key !== 'minShare')) {
    fail('`parity` must be `{ "ignore": [...], "minShare": 0.5 }`', `each exemption is ${example}`);
  }
  const minShare = (parity as Record<string, unknown>).minShare;
  if (minShare !== undefined && (typeof minShare !== 'number' || !(minShare >= 0 && minShare <= 1))) {
    fail('`parity.minShare` must be a fraction from 0 to 1', 'for example `0.5` (the default: a strict majority) or `0` (every difference is a gap)');
  }
  const ignore = (parity as Record<string, unknown>).ignore;
  if (ignore === undefined) return;
  if (!Array.isArray(ignore)) fail('`parity.ignore` must be a list', `each exemption is ${example}`);
  for (const [index, item] of (ignore as unknown[]).entries()) {
    const what = `\`parity.ignore[${index}]\``;
    if (!isRecord(item) || Object.keys(item).some((key) => key !== 'keyPath' && key !== 'id' && key !== 'languages') || 'keyPath' in item === 'id' in item) {
      fail(`${what} must be ${example}`);
    }
    const { keyPath, id, languages } = item as Record<string, unknown>;
    const glob = /^[^\s.]+(?:\.[^\s.]+)*$/;
    if (keyPath !== undefined && (typeof keyPath !== 'string' || !glob.test(keyPath))) {
      fail(`${what}.keyPath must be a key path of \`descriptions\` (segments joined by dots), such as \`*.object\`, with \`*\` for one segment and \`**\` for any`);
    }
    if (id !== undefined && (typeof id !== 'string' || !glob.test(id))) {
      fail(`${what}.id must be an entry id such as \`list_*\`, with \`*\` for any part of it`);
    }
    if (languages !== undefined && (!Array.isArray(languages) || languages.length === 0 || languages.some((id) => typeof id !== 'string'))) {
      fail(`${what}.languages must be a non-empty list of language ids, or left out for every language`);
    }
  }
}

function validateOverrides(overrides: unknown, fail: (message: string, hint?: string) => never): void {
  const example = '`{ "files": ["examples/legacy/**"], "rules": { "example-drift": "off" } }`';
  if (!Array.isArray(overrides)) fail('`overrides` must be a list', `each override is ${example}`);
  for (const [index, override] of (overrides as unknown[]).entries()) {
    const what = `\`overrides[${index}]\``;
    if (!isRecord(override) || Object.keys(override).some((key) => key !== 'files' && key !== 'rules')) fail(`${what} must be ${example}`);
    const { files, rules } = override as Record<string, unknown>;
    const patterns = typeof files === 'string' ? [files] : files;
    if (!Array.isArray(patterns) || patterns.length === 0 || patterns.some((pattern) => typeof pattern !== 'string' || pattern === '' || path.isAbsolute(pattern) || pattern.split('/').includes('..'))) {
      fail(`${what}.files must be a non-empty list of file patterns relative to the config file`, 'for example `["examples/legacy/**", "content/drafts/*.mdx"]`');
    }
    if (!isRecord(rules) || Object.keys(rules).length === 0) fail(`${what}.rules must map rule ids to \`"error"\`, \`"warn"\` or \`"off"\``, `each override is ${example}`);
    for (const [id, setting] of Object.entries(rules as Record<string, unknown>)) {
      if (setting !== 'error' && setting !== 'warn' && setting !== 'off') fail(`rule \`${id}\` in ${what}.rules must be \`"error"\`, \`"warn"\` or \`"off"\``);
    }
  }
}

function validateOpenApi(openapi: unknown, fail: (message: string, hint?: string) => never): void {
  const example = '`"openapi.yaml"` or `{ "document": "openapi.yaml", "language": "curl", "schemas": { "user_profile": "UserProfile" } }`';
  if (typeof openapi !== 'string' && !isRecord(openapi)) fail(`\`openapi\` must be ${example}`);
  const { document, language, schemas } = typeof openapi === 'string' ? { document: openapi } : (openapi as Record<string, unknown>);
  if (isRecord(openapi)) {
    const unknown = Object.keys(openapi).find((key) => key !== 'document' && key !== 'language' && key !== 'schemas');
    if (unknown !== undefined) fail(`unknown key \`openapi.${unknown}\``, 'known keys are `document`, `language`, `schemas`');
  }
  if (typeof document !== 'string' || document === '') fail('`openapi.document` must be the path of an OpenAPI 3.0 or 3.1 document', `for example ${example}`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(document as string)) {
    fail(`Unexpected OpenAPI document \`${document as string}\`, expected a local file`, 'polyref never fetches it: save the document in the project and name its path');
  }
  if (language !== undefined && (typeof language !== 'string' || language === '')) fail('`openapi.language` must be a language id such as `"curl"`');
  if (schemas !== undefined) {
    if (!isRecord(schemas)) fail('`openapi.schemas` must map entry ids to schema names', 'for example `{ "user_profile": "UserProfile" }`');
    for (const [id, name] of Object.entries(schemas as Record<string, unknown>)) {
      if (typeof name !== 'string' || name === '') fail(`\`openapi.schemas.${id}\` must be the name of a schema in \`components.schemas\``);
    }
  }
}

/**
 * The parse cache folder: a flag (relative to where the command runs) wins
 * over the file (relative to the file); tools keep theirs in
 * `node_modules/.cache` by default.
 */
function cacheFolder(flag: string | false | undefined, cwd: string, fromFile: string | false | undefined, base: string): string | null {
  if (flag !== undefined) return flag === false ? null : path.resolve(cwd, flag);
  if (fromFile !== undefined) return fromFile === false ? null : path.resolve(base, fromFile);
  return path.join(base, 'node_modules', '.cache', 'polyref');
}

function validateIgnoreLinks(ignoreLinks: unknown, fail: (message: string, hint?: string) => never): void {
  if (!Array.isArray(ignoreLinks)) fail('`ignoreLinks` must be a list of regular expressions', 'for example `["^/guides/"]`');
  for (const [index, pattern] of (ignoreLinks as unknown[]).entries()) {
    if (typeof pattern !== 'string' || pattern === '') fail(`\`ignoreLinks[${index}]\` must be a non-empty string`);
    try {
      new RegExp(pattern as string);
    } catch (error) {
      fail(
        `\`ignoreLinks[${index}]\` \`${pattern as string}\` is not a valid regular expression: ${(error as Error).message}`,
        'escape special characters such as `(`, `[` and `?` with `\\`',
      );
    }
  }
}

/** `https://docs.example.com/` → `https://docs.example.com`: absolute URLs in `sitemap.xml` and `llms.txt` start with it. */
function normalizeSiteUrl(siteUrl: string): string {
  let url: URL | null = null;
  try {
    url = new URL(siteUrl);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.pathname !== '/') {
    throw new ConfigError(
      `Unexpected \`siteUrl\` \`${siteUrl}\`, expected the origin the site is published at, such as \`https://docs.example.com\``,
      'put a path prefix in `basePath`',
    );
  }
  return url.origin;
}

/** Reports (SARIF `helpUri`) need an absolute URL: `https://example.com/polyref/docs/rules/`, with its slash. */
function normalizeRulesDocsUrl(rulesDocsUrl: string): string {
  let url: URL | null = null;
  try {
    url = new URL(rulesDocsUrl);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new ConfigError(
      `Unexpected \`rulesDocsUrl\` \`${rulesDocsUrl}\`, expected an absolute http(s) URL of the folder of rule pages`,
      'for example `https://github.com/acme/polyref/blob/main/docs/rules/`',
    );
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/^\/+|\/+$/g, '');
  if (/[?#\\\s]/.test(trimmed) || trimmed.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new ConfigError(`Unexpected \`basePath\` \`${basePath}\`, expected a URL path such as \`/docs/\``);
  }
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
