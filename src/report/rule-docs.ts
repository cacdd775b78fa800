import fs from 'node:fs';

/**
 * Each rule has a page `docs/rules/<id>.md` in the polyref repository and
 * package. Reports link to it under the configured `rulesDocsUrl`, or by this
 * repository-relative path when none is configured.
 */
export const rulesDocsBase = 'docs/rules/';

const docsFolder = new URL('../../docs/rules/', import.meta.url);
const ruleIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function ruleDocsPath(ruleId: string): string {
  return `${rulesDocsBase}${ruleId}.md`;
}

/** The link reports give for a rule: absolute under `rulesDocsUrl`, else repository-relative. */
export function ruleDocsLink(ruleId: string, rulesDocsUrl: string | null | undefined): string {
  return rulesDocsUrl ? `${rulesDocsUrl}${ruleId}.md` : ruleDocsPath(ruleId);
}

/** The markdown of a rule's page as installed with polyref, or null when it has none. */
export function ruleDocsMarkdown(ruleId: string): string | null {
  if (!ruleIdPattern.test(ruleId)) return null;
  try {
    return fs.readFileSync(new URL(`${ruleId}.md`, docsFolder), 'utf8');
  } catch {
    return null;
  }
}
