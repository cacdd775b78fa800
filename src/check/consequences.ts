/**
 * A page with a syntax error gives the site nothing of the part that did not
 * parse: a broken frontmatter none of its descriptions, entries or links, a
 * broken body none of its headings and blocks. References into it then fail
 * on other pages, and on its own body. Those problems are kept, but marked
 * as what they may be, a consequence of the syntax error, and listed after
 * it: the root cause first, and only once.
 */
import path from 'node:path';
import { splitUrl } from '../index/link-paths.js';
import { syntaxRuleIds, unpackPlace, type PageFacts } from '../index/page-facts.js';
import type { Site } from '../model/site.js';
import type { ParsedPage, Place } from '../model/types.js';
import { forEachDescription, forEachItem } from '../model/walk.js';
import type { FileFindings } from '../report/to-vfiles.js';
import { withCause } from './causes.js';
import { sitePath } from './links.js';
import type { Finding } from './run-checks.js';


interface RootCause {
  page: ParsedPage;
  /** `content/x.mdx:11:6`, as the marks name it. */
  label: string;
  /** The unparsed frontmatter, whose names tell what the page would have given. */
  text: string | null;
  words: Set<string> | null;
}

/** What a finding is about, as far as a syntax error elsewhere could explain it. */
type Subject = { kind: 'names'; names: string[] } | { kind: 'link'; url: string } | { kind: 'listed'; url: string };

/**
 * Marks the findings that may follow from a syntax error (on any page of
 * the site) with ` (may follow from the syntax error in content/x.mdx:11:6)`,
 * lists them after the other findings of their file, and lists the files
 * that hold a syntax error first. Results without such findings are returned as they are.
 */
export function markConsequences(results: FileFindings[], site: Site): FileFindings[] {
  const roots = rootCauses(site);
  if (roots.length === 0) return results;
  const pages = new Map(site.index.pages.map((page) => [page.file, page]));
  let marked = false;
  const annotated = results.map((result) => {
    const page = pages.get(result.file);
    if (!page) return result;
    const own: Finding[] = [];
    const consequences: Finding[] = [];
    for (const finding of result.findings) {
      const subject = syntaxRuleIds.has(finding.ruleId) ? null : subjectOf(finding, page);
      const root = subject && roots.find((candidate) => follows(subject, page, candidate, site));
      if (root) consequences.push({ ...finding, message: withCause(finding.message, `may follow from the syntax error in ${root.label}`) });
      else own.push(finding);
    }
    if (consequences.length === 0) return result;
    marked = true;
    return { ...result, findings: [...own, ...consequences] };
  });
  if (!marked) return annotated;
  const rootFiles = new Set(roots.map((root) => root.page.file));
  return [...annotated.filter((result) => rootFiles.has(result.file)), ...annotated.filter((result) => !rootFiles.has(result.file))];
}

function rootCauses(site: Site): RootCause[] {
  const roots: RootCause[] = [];
  for (const page of site.index.pages) {
    const first = syntaxErrorsOf(page)
      .filter((diagnostic) => site.config.rules[diagnostic.ruleId] !== 'off')
      .sort((a, b) => a.place.line - b.place.line || a.place.column - b.place.column)[0];
    if (!first) continue;
    const file = path.relative(site.config.cwd, page.file).split(path.sep).join('/');
    roots.push({ page, label: `${file}:${first.place.line}:${first.place.column}`, text: page.unreadFrontmatter ?? null, words: null });
  }
  return roots;
}

/** A page's syntax errors: from its facts when the index holds a stand-in for it, so that no page is read for them. */
function syntaxErrorsOf(page: ParsedPage): Array<{ ruleId: string; place: Place }> {
  if ('facts' in page) return (page.facts as PageFacts).syntaxErrors.map(({ ruleId, place }) => ({ ruleId, place: unpackPlace(place) }));
  return page.diagnostics.filter((diagnostic) => syntaxRuleIds.has(diagnostic.ruleId));
}

function follows(subject: Subject, page: ParsedPage, root: RootCause, site: Site): boolean {
  if (subject.kind === 'names') {
    if (root.text === null) return false;
    root.words ??= new Set(root.text.match(/[\w$-]+/g) ?? []);
    return subject.names.every((name) => root.words!.has(name));
  }
  if (subject.kind === 'listed') return root.page.kind === 'navigation' && root.text !== null && root.text.includes(subject.url);
  // A link into a page that did not parse whole may name an anchor that page would have had.
  const { written } = splitUrl(subject.url);
  const target = written === '' ? page.url : written.startsWith('/') ? sitePath(written, site) : null;
  return target !== null && target === root.page.url;
}

/** The reference, key, id or link a finding stands at, found by its place in the page's model. */
function subjectOf(finding: Finding, page: ParsedPage): Subject | null {
  const at = (place: Place | undefined) => place !== undefined && place.line === finding.place.line && place.column === finding.place.column;
  const entries = Object.values(page.reference).flat();
  switch (finding.ruleId) {
    case 'unresolved-description':
    case 'description-without-self': {
      const found: string[] = [];
      for (const entry of entries) {
        forEachDescription(entry, (description) => {
          if (description.kind === 'reference' && at(description.place)) found.push(description.keyPath);
        });
      }
      return found.length > 0 ? { kind: 'names', names: found[0]!.split('.') } : null;
    }
    case 'unused-description': {
      const definition = page.descriptions.find((candidate) => at(candidate.place));
      return definition ? { kind: 'names', names: definition.keyPath.split('.') } : null;
    }
    case 'unresolved-item': {
      const found: string[][] = [];
      for (const entry of entries) {
        forEachItem(entry, (item) => {
          if (item.kind === 'item-reference' && at(item.place)) found.push(item.path);
        });
      }
      return found.length > 0 ? { kind: 'names', names: found[0]! } : null;
    }
    case 'unknown-reference-id': {
      const component = page.components.find((candidate) => at(candidate.attributes.referenceId?.place));
      return component ? { kind: 'names', names: [String(component.attributes.referenceId!.value)] } : null;
    }
    case 'broken-link':
    case 'entry-url-mismatch': {
      const link = page.links.find((candidate) => at(candidate.place));
      const url = link?.url ?? entries.find((entry) => at(entry.urlPlace))?.url;
      return url ? { kind: 'link', url } : null;
    }
    case 'broken-navigation-link': {
      const links = [...(page.navigation?.links ?? [])];
      for (const link of links) {
        if (at(link.place)) return { kind: 'link', url: link.url };
        links.push(...link.links);
      }
      return null;
    }
    case 'orphan-page':
      return { kind: 'listed', url: page.url };
    default:
      return null;
  }
}
