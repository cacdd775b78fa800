import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, runPolyref } from '../helpers/run-cli.js';

const config = JSON.stringify({
  languages: [
    { id: 'curl', label: 'cURL' },
    { id: 'python', label: 'Python' },
    { id: 'go', label: 'Go' },
  ],
  parity: { ignore: [{ keyPath: '*.object', languages: ['python'] }] },
});

const widget = `---
title: Widget
descriptions:
  widget:
    self: A widget.
    object: Always \`widget\`.
    id: Id.
    color: Color.
reference:
  curl:
    - key: widget
      id: widget
      url: /widget
      properties:
        - key: object
          type: string
          description: (widget.object)
        - key: id
          type: string
          description: (widget.id)
        - key: color
          type: string
          description: (widget.color)
  python:
    - key: Widget
      id: widget
      url: /widget
      properties:
        - key: id
          type: str
          description: (widget.id)
---

# Widget

<CodeBlock referenceId="widget" />
`;

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function site(): string {
  const project = makeProject({ 'polyref.config.json': config, 'content/widget.mdx': widget });
  cleanups.push(project.cleanup);
  return project.dir;
}

describe('polyref parity', () => {
  it('prints the matrix as text, with a coverage figure per language', () => {
    const result = runPolyref(['parity'], site());
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'Parity of 1 entry across 3 languages: ✓ documented, – missing, exempt by parity.ignore, blank: no entry',
        '',
        'widget  content/widget.mdx',
        '  key path       curl    python  go',
        '  widget.object  ✓       exempt',
        '  widget.id      ✓       ✓',
        '  widget.color   ✓       –',
        '',
        'Coverage',
        '  curl    100.0%  (3 of 3 documented, 0 missing, 0 exempt)',
        '  python   50.0%  (1 of 2 documented, 1 missing, 1 exempt)',
        '  go         n/a  (0 of 0 documented, 0 missing, 0 exempt)',
        '',
      ].join('\n'),
    );
  });

  it('prints the matrix as Markdown', () => {
    const result = runPolyref(['parity', '--format', 'markdown'], site());
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        '# Language coverage',
        '',
        '| Language | Coverage | Documented | Missing | Exempt |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| cURL (`curl`) | 100.0% | 3 | 0 | 0 |',
        '| Python (`python`) | 50.0% | 1 | 1 | 1 |',
        '| Go (`go`) | n/a | 0 | 0 | 0 |',
        '',
        '✓ documented, – missing, *exempt* by `parity.ignore`, blank: the language has no such entry.',
        '',
        '## `widget`',
        '',
        'In `content/widget.mdx`.',
        '',
        '| Key path | cURL | Python | Go |',
        '| --- | :-: | :-: | :-: |',
        '| `widget.object` | ✓ | *exempt* |  |',
        '| `widget.id` | ✓ | ✓ |  |',
        '| `widget.color` | ✓ | – |  |',
        '',
      ].join('\n'),
    );
  });

  it('prints the matrix as JSON', () => {
    const result = runPolyref(['parity', '--format', 'json'], site());
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      languages: [
        { id: 'curl', label: 'cURL' },
        { id: 'python', label: 'Python' },
        { id: 'go', label: 'Go' },
      ],
      coverage: [
        { language: 'curl', label: 'cURL', documented: 3, missing: 0, exempt: 0, ratio: 1 },
        { language: 'python', label: 'Python', documented: 1, missing: 1, exempt: 1, ratio: 0.5 },
        { language: 'go', label: 'Go', documented: 0, missing: 0, exempt: 0, ratio: null },
      ],
      entries: [
        {
          id: 'widget',
          file: 'content/widget.mdx',
          rows: [
            { keyPath: 'widget.object', cells: { curl: 'documented', python: 'exempt', go: 'no-entry' } },
            { keyPath: 'widget.id', cells: { curl: 'documented', python: 'documented', go: 'no-entry' } },
            { keyPath: 'widget.color', cells: { curl: 'documented', python: 'missing', go: 'no-entry' } },
          ],
        },
      ],
    });
  });

  it('agrees with `check`, which warns about the one gap', () => {
    const result = runPolyref(['check', '--format', 'json'], site());
    expect(result.status).toBe(0);
    const messages = (JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; column: number }> }>)[0]!.messages;
    expect(messages.map(({ ruleId, line, column }) => [ruleId, line, column])).toEqual([['parity-gap', 25, 12]]);
  });

  it('rejects an unknown format as a usage error', () => {
    const result = runPolyref(['parity', '--format', 'html'], site());
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
  });
});
