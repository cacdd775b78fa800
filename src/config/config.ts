import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-error.js';
import { defaultLanguages, type Language } from './languages.js';

export type RuleSetting = 'error' | 'warn' | 'off';

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
  rules: Record<string, RuleSetting>;
}

/** What may stand in `polyref.config.json`, and as flags on the command line. */
export interface ConfigInput {
  title?: string;
  content?: string;
  examples?: string;
  out?: string;
  templates?: string;
  languages?: Language[];
  defaultLanguage?: string;
  basePath?: string;
  rules?: Record<string, RuleSetting>;
}

export const configFileName = 'polyref.config.json';

const knownKeys = new Set<keyof ConfigInput>([
  'title',
  'content',
  'examples',
  'out',
  'templates',
  'languages',
  'defaultLanguage',
  'basePath',
  'rules',
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
  if (options.ruleIds) {
    for (const id of Object.keys(rules)) {
      if (!options.ruleIds.has(id)) {
        throw new ConfigError(`Unknown rule \`${id}\` in \`rules\``, 'run `polyref rules` to list them');
      }
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
    languages,
    defaultLanguage,
    basePath: normalizeBasePath(merged.basePath ?? '/'),
    rules,
  };
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
  for (const key of ['title', 'content', 'examples', 'out', 'templates', 'defaultLanguage', 'basePath'] as const) {
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
  return json as ConfigInput;
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
