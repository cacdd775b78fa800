import type { Rule } from '../rule.js';
import { ambiguousItem } from './ambiguous-item.js';
import { brokenLink } from './broken-link.js';
import { brokenNavigationLink } from './broken-navigation-link.js';
import { conflictingDescription } from './conflicting-description.js';
import { descriptionWithoutSelf } from './description-without-self.js';
import { duplicateProperty } from './duplicate-property.js';
import { entryUrlMismatch } from './entry-url-mismatch.js';
import { exampleDrift } from './example-drift.js';
import { exampleOutsideRoot } from './example-outside-root.js';
import { missingDescription } from './missing-description.js';
import { missingExample } from './missing-example.js';
import { openApiCoverage } from './openapi-coverage.js';
import { openApiDrift } from './openapi-drift.js';
import { orphanPage } from './orphan-page.js';
import { parityGap } from './parity-gap.js';
import { parseRules } from './parse-rules.js';
import { remoteExample } from './remote-example.js';
import { unknownComponent } from './unknown-component.js';
import { unknownExampleLanguage } from './unknown-example-language.js';
import { unknownField } from './unknown-field.js';
import { unknownLanguage } from './unknown-language.js';
import { unknownReferenceId } from './unknown-reference-id.js';
import { unresolvedDescription } from './unresolved-description.js';
import { unresolvedItem } from './unresolved-item.js';
import { unusedDescription } from './unused-description.js';
import { unusedSuppression } from './unused-suppression.js';

/** Every rule polyref knows, parse-stage problems first. */
export const rules: readonly Rule[] = [
  ...parseRules,
  unknownLanguage,
  duplicateProperty,
  missingDescription,
  unknownField,
  unresolvedDescription,
  descriptionWithoutSelf,
  conflictingDescription,
  unusedDescription,
  unresolvedItem,
  ambiguousItem,
  unknownComponent,
  unknownReferenceId,
  exampleOutsideRoot,
  missingExample,
  unknownExampleLanguage,
  remoteExample,
  brokenNavigationLink,
  orphanPage,
  brokenLink,
  entryUrlMismatch,
  parityGap,
  exampleDrift,
  openApiDrift,
  openApiCoverage,
  unusedSuppression,
  { id: 'template-error', severity: 'error', summary: 'A template must render a page without failing (build only).' },
  { id: 'internal-error', severity: 'error', summary: 'polyref itself failed on a file; the rest of the run goes on.' },
];

export const ruleIds: ReadonlySet<string> = new Set(rules.map((rule) => rule.id));

/** The rules that read the configured OpenAPI document: without one of them on, it is never loaded. */
export const openApiRuleIds: ReadonlySet<string> = new Set([openApiDrift.id, openApiCoverage.id]);

/** Rules that only `check` runs, over the whole site (see `Rule.checkSite`). */
export const siteRuleIds: ReadonlySet<string> = new Set(rules.filter((rule) => rule.checkSite).map((rule) => rule.id));
