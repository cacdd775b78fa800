import type { Rule } from '../rule.js';
import { ambiguousItem } from './ambiguous-item.js';
import { brokenLink } from './broken-link.js';
import { brokenNavigationLink } from './broken-navigation-link.js';
import { conflictingDescription } from './conflicting-description.js';
import { descriptionWithoutSelf } from './description-without-self.js';
import { duplicateProperty } from './duplicate-property.js';
import { entryUrlMismatch } from './entry-url-mismatch.js';
import { exampleOutsideRoot } from './example-outside-root.js';
import { missingExample } from './missing-example.js';
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
  unusedSuppression,
  { id: 'template-error', severity: 'error', summary: 'A template must render a page without failing (build only).' },
  { id: 'internal-error', severity: 'error', summary: 'polyref itself failed on a file; the rest of the run goes on.' },
];

export const ruleIds: ReadonlySet<string> = new Set(rules.map((rule) => rule.id));
