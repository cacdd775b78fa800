import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Each rule has a page `docs/rules/<id>.md`, shipped in the polyref package.
 * Reports link to the page of the polyref that made them, never to a path
 * of the site being checked, which has no such folder.
 */
const installedDocsFolder = new URL('../../docs/rules/', import.meta.url);
const ruleIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The link reports give for a rule: under `rulesDocsUrl` when configured (a
 * stable https address for CI logs and code scanning), else the `file:` URL
 * of the page installed with polyref. Both are absolute, as SARIF's
 * `helpUri` must be.
 */
export function ruleDocsLink(ruleId: string, rulesDocsUrl: string | null | undefined): string {
  return new URL(`${ruleId}.md`, rulesDocsUrl ?? installedDocsFolder).href;
}

/** The folder of rule pages installed with polyref, as a path people can open. */
export function installedRuleDocsFolder(): string {
  return fileURLToPath(installedDocsFolder);
}

/** The markdown of a rule's page as installed with polyref, or null when it has none. */
export function ruleDocsMarkdown(ruleId: string): string | null {
  if (!ruleIdPattern.test(ruleId)) return null;
  try {
    return fs.readFileSync(new URL(`${ruleId}.md`, installedDocsFolder), 'utf8');
  } catch {
    return null;
  }
}
