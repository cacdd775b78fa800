import fs from 'node:fs';
import path from 'node:path';
import type { Code, Heading, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/check/rules/index.js';
import { loadConfig } from '../../src/config/config.js';
import { runCheck } from '../../src/pipeline/check.js';
import { makeProject, repoRoot } from '../helpers/run-cli.js';

const docsFolder = path.join(repoRoot, 'docs/rules');
const pageNames = fs.readdirSync(docsFolder).filter((name) => name.endsWith('.md'));
const ruleIds = rules.map((rule) => rule.id);

/** Rules whose examples cannot be page text that `check` runs on: bytes that are not UTF-8, sizes, permissions, `build`, polyref's own bugs. */
const illustratedOnly = new Set(['file-encoding', 'file-too-large', 'file-unreadable', 'template-error', 'internal-error']);
const sectionsInOrder = ['Why it matters', 'Bad', 'Good', 'Configure or suppress'];

interface RuleDoc {
  source: string;
  tree: Root;
  sections: Map<string, RootContent[]>;
}

function readDoc(id: string): RuleDoc {
  const source = fs.readFileSync(path.join(docsFolder, `${id}.md`), 'utf8');
  const tree = unified().use(remarkParse).parse(source);
  const sections = new Map<string, RootContent[]>();
  let current: RootContent[] | null = null;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) sections.set(textOf(node), (current = []));
    else current?.push(node);
  }
  return { source, tree, sections };
}

function textOf(node: Heading): string {
  return node.children.map((child) => ('value' in child ? child.value : '')).join('');
}

/** Code blocks with `title="path"` are the files of the example's project. */
function projectFiles(nodes: RootContent[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const node of nodes) {
    const title = node.type === 'code' ? /title="([^"]+)"/.exec(node.meta ?? '')?.[1] : undefined;
    if (title) files[title] = (node as Code).value === '' ? '' : `${(node as Code).value}\n`;
  }
  return files;
}

/** Every problem of the example project, in any file, as the docs print them: `file:line:column  message`. */
async function check(files: Record<string, string>): Promise<Array<{ ruleId: string; severity: string; line: string }>> {
  const project = makeProject({ 'content/.keep': '', ...files });
  try {
    const config = loadConfig({ cwd: project.dir });
    const results = await runCheck(config, { paths: [] });
    return results.flatMap(({ file, findings }) =>
      findings.map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        line: `${path.relative(project.dir, file).split(path.sep).join('/')}:${finding.place.line}:${finding.place.column}  ${finding.message}`,
      })),
    );
  } finally {
    project.cleanup();
  }
}

describe('rule documentation', () => {
  it('has a page in docs/rules/ for every rule', () => {
    const missing = ruleIds.filter((id) => !pageNames.includes(`${id}.md`));
    expect(missing, `rules without a page (write docs/rules/<id>.md, see docs/rules/unresolved-description.md): ${missing.join(', ')}`).toEqual([]);
  });

  it('has a rule for every page in docs/rules/', () => {
    const orphans = pageNames.filter((name) => !ruleIds.includes(name.replace(/\.md$/, '')));
    expect(orphans, `pages for rules that do not exist: ${orphans.join(', ')}`).toEqual([]);
  });

  for (const rule of rules.filter((candidate) => pageNames.includes(`${candidate.id}.md`))) {
    describe(`docs/rules/${rule.id}.md`, () => {
      const doc = readDoc(rule.id);

      it('names the rule, its summary and its default severity, then explains, shows and configures it', () => {
        const [title, summary] = doc.tree.children;
        expect(title?.type === 'heading' && title.depth === 1 ? textOf(title) : null).toBe(rule.id);
        expect(doc.source.slice(summary?.position?.start.offset, summary?.position?.end.offset)).toBe(rule.summary);
        expect(doc.source).toContain(`- **Default severity:** \`${rule.severity}\`\n`);
        expect([...doc.sections.keys()]).toEqual(sectionsInOrder);
        for (const section of ['Bad', 'Good']) {
          expect(doc.sections.get(section)!.some((node) => node.type === 'code'), `a code example under ## ${section}`).toBe(true);
        }
      });

      const bad = projectFiles(doc.sections.get('Bad') ?? []);
      const good = projectFiles(doc.sections.get('Good') ?? []);
      if (illustratedOnly.has(rule.id)) {
        it('illustrates, without project files, what cannot be checked from page text', () => {
          expect(Object.keys(bad)).toEqual([]);
        });
        return;
      }

      it('has a bad example that polyref reports exactly as the page says', async () => {
        expect(Object.keys(bad).length, 'code blocks with title="content/…" under ## Bad').toBeGreaterThan(0);
        const reported = (await check(bad)).filter((finding) => finding.ruleId === rule.id).map((finding) => finding.line);
        const printed = doc.sections
          .get('Bad')!
          .filter((node): node is Code => node.type === 'code' && node.lang === 'text')
          .flatMap((node) => node.value.split('\n'));
        expect(reported.length, `${rule.id} reported on the bad example`).toBeGreaterThan(0);
        expect(printed, 'the ```text block under ## Bad, one `file:line:column  message` line per problem').toEqual(reported);
      });

      it('has a good example without this problem or any error', async () => {
        const problems = (await check(good)).filter((finding) => finding.ruleId === rule.id || finding.severity === 'error');
        expect(problems.map((finding) => finding.line)).toEqual([]);
      });
    });
  }
});
