import type { Config, RuleSetting } from './config.js';
import { compileFilePattern, patternPath } from './file-patterns.js';

interface CompiledOverride {
  base: string;
  patterns: RegExp[];
  rules: Record<string, RuleSetting>;
}

const compiled = new WeakMap<Config, CompiledOverride[]>();

/**
 * The rule settings of one file: `rules`, then every override whose
 * `files` match it, later ones winning. The same object as `config.rules`
 * when no override applies, so a site without overrides pays nothing.
 */
export function ruleSettingsFor(config: Config, file: string): Record<string, RuleSetting> {
  if (config.overrides.length === 0) return config.rules;
  let settings = config.rules;
  for (const override of overridesOf(config)) {
    const relative = patternPath(override.base, file);
    if (!override.patterns.some((pattern) => pattern.test(relative))) continue;
    settings = { ...settings, ...override.rules };
  }
  return settings;
}

/** False only when the rule is `off` for every file: then it need not run at all. */
export function ruleMayReport(config: Config, ruleId: string): boolean {
  return config.rules[ruleId] !== 'off' || config.overrides.some((override) => override.rules[ruleId] !== undefined && override.rules[ruleId] !== 'off');
}

function overridesOf(config: Config): CompiledOverride[] {
  let list = compiled.get(config);
  if (!list) {
    list = config.overrides.map((override) => ({ base: override.base, patterns: override.files.map(compileFilePattern), rules: override.rules }));
    compiled.set(config, list);
  }
  return list;
}
