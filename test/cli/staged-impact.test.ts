/**
 * `check --staged` judges the commit, not just its files: a staged change
 * that breaks another page (a deletion, a rename, a renamed key) is
 * reported on that page, saying which change broke it. Each case runs the
 * real binary in a real temporary git repository holding a small site.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitOk, repositoryWith, runPolyrefInRepository } from '../helpers/git-repo.js';

const navigation = `---
title: Docs
links:
  - title: Widgets
    url: /widgets
    links:
      - title: Widget
        url: /widgets/widget
---
`;
const home = `---
title: Home
---

# Home

See [the widget](/widgets/widget#widget.name).
`;
const widgets = `---
title: Widgets
reference:
  python:
    - key: list_widgets
      id: list_widgets
      url: /widgets
      parameters:
        - key: group
          type: str
          description: (directory_group.name)
---

# Widgets

Read about the [widget](/widgets/widget).

<CodeBlock file="widget" referenceId="list_widgets" />
`;
const widget = `---
title: Widget
descriptions:
  directory_group:
    self: A group.
    name: The name of the group.
  widget:
    self: A widget.
    name: The name of the widget.
    legacy: Kept for old clients.
reference:
  python:
    - key: Widget
      id: widget
      url: /widgets/widget
      properties:
        - key: name
          type: str
          description: (widget.name)
        - key: group_name
          type: str
          description: (directory_group.name)
---

# Widget

<CodeBlock file="widget" referenceId="widget" />
`;

const site = {
  'polyref.config.json': JSON.stringify({ languages: [{ id: 'python', label: 'Python' }] }),
  'content/_navigation.mdx': navigation,
  'content/index.mdx': home,
  'content/widgets/index.mdx': widgets,
  'content/widgets/widget.mdx': widget,
  'examples/widget/python.py': 'widget = Widget()\n',
};

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function repository(): string {
  const created = repositoryWith(site);
  cleanups.push(created.cleanup);
  return created.dir;
}

interface Pinned {
  file: string;
  line: number;
  column: number;
  ruleId: string | null;
  message: string;
}

/** Every problem of a JSON report, pinned by file, line, column, rule and message. */
function pinned(stdout: string): Pinned[] {
  const report = JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; column: number; message: string }> }>;
  return report.flatMap((file) => file.messages.map(({ ruleId, line, column, message }) => ({ file: file.filePath, line, column, ruleId, message })));
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const absolute = path.join(dir, file);
  const before = fs.readFileSync(absolute, 'utf8');
  const after = change(before);
  expect(after, `the edit changes ${file}`).not.toBe(before);
  fs.writeFileSync(absolute, after);
}

describe('polyref check --staged judges the commit', () => {
  it('reports the pages a staged deletion breaks, on those pages, naming the deletion', () => {
    const dir = repository();
    gitOk(dir, ['rm', '-q', 'content/widgets/widget.mdx']);
    const result = runPolyrefInRepository(dir, ['check', '--staged', '--format', 'json']);
    const cause = '(broken by the deletion of content/widgets/widget.mdx)';
    expect(pinned(result.stdout)).toEqual([
      {
        file: 'content/_navigation.mdx',
        line: 8,
        column: 14,
        ruleId: 'broken-navigation-link',
        message: `Unexpected navigation link \`/widgets/widget\` to no page, expected the URL of a page (did you mean \`/widgets\`?) ${cause}`,
      },
      {
        file: 'content/index.mdx',
        line: 7,
        column: 5,
        ruleId: 'broken-link',
        message: `Unexpected link \`/widgets/widget#widget.name\` to no page, expected the URL of a page (did you mean \`/widgets#widget.name\`?) ${cause}`,
      },
      {
        file: 'content/widgets/index.mdx',
        line: 11,
        column: 24,
        ruleId: 'unresolved-description',
        message: `Unexpected unresolved description \`(directory_group.name)\`, expected a key in \`descriptions\` ${cause}`,
      },
      {
        file: 'content/widgets/index.mdx',
        line: 16,
        column: 16,
        ruleId: 'broken-link',
        message: `Unexpected link \`/widgets/widget\` to no page, expected the URL of a page (did you mean \`/widgets\`?) ${cause}`,
      },
    ]);
    expect(result.status).toBe(1);
  }, 60_000);

  it('reports a reference to a key the commit renames, on the page that still uses the old name', () => {
    const dir = repository();
    edit(dir, 'content/widgets/widget.mdx', (text) =>
      text.replace('    name: The name of the group.', '    display_name: The name of the group.').replace('(directory_group.name)', '(directory_group.display_name)'),
    );
    gitOk(dir, ['add', 'content/widgets/widget.mdx']);
    const result = runPolyrefInRepository(dir, ['check', '--staged', '--format', 'json']);
    expect(pinned(result.stdout).filter((problem) => problem.ruleId !== 'unused-description')).toEqual([
      {
        file: 'content/widgets/index.mdx',
        line: 11,
        column: 24,
        ruleId: 'unresolved-description',
        message:
          'Unexpected unresolved description `(directory_group.name)`, expected a key in `descriptions` (broken by the change to content/widgets/widget.mdx)',
      },
    ]);
    expect(result.status).toBe(1);
    // The hook's stylish output says the same, with the page it is on.
    const stylish = runPolyrefInRepository(dir, ['check', '--staged']);
    expect(stylish.stderr).toContain('content/widgets/index.mdx\n  11:24  error    Unexpected unresolved description `(directory_group.name)`');
    expect(stylish.status).toBe(1);
  }, 60_000);

  it('reports the links a staged `git mv` of a linked page breaks, naming the rename', () => {
    const dir = repository();
    gitOk(dir, ['mv', 'content/widgets/widget.mdx', 'content/widgets/gadget.mdx']);
    const result = runPolyrefInRepository(dir, ['check', '--staged', '--format', 'json']);
    const cause = '(broken by the rename of content/widgets/widget.mdx to content/widgets/gadget.mdx)';
    const problems = pinned(result.stdout);
    expect(problems.filter((problem) => problem.message.endsWith(cause)).map(({ file, line, column, ruleId }) => [file, line, column, ruleId])).toEqual([
      ['content/_navigation.mdx', 8, 14, 'broken-navigation-link'],
      ['content/index.mdx', 7, 5, 'broken-link'],
      ['content/widgets/index.mdx', 16, 16, 'broken-link'],
    ]);
    // The renamed page itself is checked whole under its new name: its own `url` and its place in the sidebar are stale.
    expect(problems.filter((problem) => problem.file === 'content/widgets/gadget.mdx').map(({ line, column, ruleId }) => [line, column, ruleId])).toEqual([
      [1, 1, 'orphan-page'],
      [10, 5, 'unused-description'],
      [15, 12, 'broken-link'],
    ]);
    expect(result.status).toBe(1);
  }, 60_000);

  it('reports nothing on pages a clean commit leaves as they were, even those with problems of their own', () => {
    const dir = repository();
    // widget.mdx has an unused description of its own; the commit touches another page.
    expect(runPolyrefInRepository(dir, ['check']).stderr).toContain('unused-description');
    edit(dir, 'content/widgets/index.mdx', (text) => text.replace('Read about the', 'Learn about the'));
    gitOk(dir, ['add', 'content/widgets/index.mdx']);
    const result = runPolyrefInRepository(dir, ['check', '--staged']);
    expect(result.stderr).toBe('✔ 1 file checked, no problems\n');
    expect(result.status).toBe(0);
  }, 60_000);

  it('marks what follows from a staged syntax error as such, after it', () => {
    const dir = repository();
    edit(dir, 'content/widgets/widget.mdx', (text) => text.replace('    name: The name of the group.', '   name: The name of the group.'));
    gitOk(dir, ['add', 'content/widgets/widget.mdx']);
    const result = runPolyrefInRepository(dir, ['check', '--staged', '--format', 'json']);
    const problems = pinned(result.stdout);
    expect(problems[0]).toEqual({
      file: 'content/widgets/widget.mdx',
      line: 6,
      column: 4,
      ruleId: 'frontmatter-syntax',
      message: 'Unexpected indentation of `name` (3 spaces), expected 4 like the other keys of this map',
    });
    const elsewhere = problems.filter((problem) => problem.file !== 'content/widgets/widget.mdx');
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const problem of elsewhere) expect(problem.message).toMatch(/ \(may follow from the syntax error in content\/widgets\/widget\.mdx:6:4\)$/);
    expect(result.status).toBe(1);
  }, 60_000);
});

describe('polyref check --staged with a baseline', () => {
  it('leaves the baselined problems of a page reported only for what the commit broke on it', () => {
    const dir = repository();
    expect(runPolyrefInRepository(dir, ['check', '--update-baseline']).stderr).toBe('polyref: wrote 1 problem to .polyref-baseline.json\n');
    // The sidebar loses the widget page: the page gets a problem of the commit's, beside its baselined unused description.
    edit(dir, 'content/_navigation.mdx', (text) => text.replace('    links:\n      - title: Widget\n        url: /widgets/widget\n', ''));
    gitOk(dir, ['add', 'content/_navigation.mdx']);
    const result = runPolyrefInRepository(dir, ['check', '--staged', '--format', 'json']);
    expect(pinned(result.stdout).map(({ file, ruleId }) => [file, ruleId])).toEqual([['content/widgets/widget.mdx', 'orphan-page']]);
    expect(result.stderr).not.toContain('baselined');
    runPolyrefInRepository(dir, ['check', '--staged', '--update-baseline']);
    const entries = JSON.parse(fs.readFileSync(path.join(dir, '.polyref-baseline.json'), 'utf8')) as unknown;
    expect(JSON.stringify(entries)).toContain('unused-description');
    expect(JSON.stringify(entries)).toContain('orphan-page');
  }, 60_000);
});

describe('polyref check with paths judges the given files against what HEAD holds of them', () => {
  it('reports what an edit to a given file breaks elsewhere, as a hook that passes paths runs it', () => {
    const dir = repository();
    edit(dir, 'content/widgets/widget.mdx', (text) => text.replace('    name: The name of the group.', '    display_name: The name of the group.'));
    const result = runPolyrefInRepository(dir, ['check', 'content/widgets/widget.mdx', '--format', 'json']);
    const problems = pinned(result.stdout);
    expect(problems.filter((problem) => problem.file === 'content/widgets/index.mdx')).toEqual([
      {
        file: 'content/widgets/index.mdx',
        line: 11,
        column: 24,
        ruleId: 'unresolved-description',
        message:
          'Unexpected unresolved description `(directory_group.name)`, expected a key in `descriptions` (broken by the change to content/widgets/widget.mdx)',
      },
    ]);
    expect(result.status).toBe(1);
  }, 60_000);

  it('reports only the given file when it is as HEAD holds it', () => {
    const dir = repository();
    const result = runPolyrefInRepository(dir, ['check', 'content/widgets/index.mdx', '--format', 'json']);
    expect((JSON.parse(result.stdout) as Array<{ filePath: string }>).map((file) => file.filePath)).toEqual(['content/widgets/index.mdx']);
    expect(result.status).toBe(0);
  }, 60_000);
});

describe('polyref check --staged --fix', () => {
  const typo = (text: string) => text.replace('description: (widget.name)', 'description: (widget.nmae)');

  it('fixes the staged text and stages the fix, so that a second run has nothing to say', () => {
    const dir = repository();
    edit(dir, 'content/widgets/widget.mdx', typo);
    gitOk(dir, ['add', 'content/widgets/widget.mdx']);
    const first = runPolyrefInRepository(dir, ['check', '--staged', '--fix']);
    expect(first.stderr).toContain('fixed content/widgets/widget.mdx:19:24 (widget.nmae) → (widget.name)\n');
    expect(first.stderr).toContain('polyref: staged the fixed page, so that the commit holds the fixes\n');
    expect(first.status).toBe(0);
    expect(gitOk(dir, ['show', ':content/widgets/widget.mdx'])).toContain('description: (widget.name)');
    expect(gitOk(dir, ['diff', '--name-only'])).toBe('');
    const second = runPolyrefInRepository(dir, ['check', '--staged', '--fix']);
    expect(second.stderr).not.toContain('fixed');
    expect(second.stderr).not.toContain('not fixing');
    expect(second.status).toBe(0);
  }, 60_000);

  it('leaves a page with unstaged changes alone and says what to do, which then works', () => {
    const dir = repository();
    edit(dir, 'content/widgets/widget.mdx', typo);
    gitOk(dir, ['add', 'content/widgets/widget.mdx']);
    edit(dir, 'content/widgets/widget.mdx', (text) => text.replace('# Widget', '# The widget'));
    const refused = runPolyrefInRepository(dir, ['check', '--staged', '--fix']);
    expect(refused.stderr).toContain(
      'polyref: not fixing content/widgets/widget.mdx: the working tree holds changes to it that are not staged, and the fixes are for the staged text; stage them (git add content/widgets/widget.mdx) or set them aside (git stash --keep-index), then run again\n',
    );
    expect(refused.status).toBe(1);
    gitOk(dir, ['add', 'content/widgets/widget.mdx']);
    const fixed = runPolyrefInRepository(dir, ['check', '--staged', '--fix']);
    expect(fixed.stderr).toContain('fixed content/widgets/widget.mdx:19:24');
    expect(fixed.stderr).not.toContain('not fixing');
    expect(fixed.status).toBe(0);
  }, 60_000);
});
