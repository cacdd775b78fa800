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
  go:
    context: The context of the call.
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
  go:
    - key: Widget
      id: widget
      url: /widget
      properties:
        - key: ID
          type: string
          description: (widget.id)
        - key: Color
          type: string
          description: (widget.color)
        - key: Ctx
          type: context.Context
          description: (go.context)
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
        'Parity of 1 entry across 3 languages: ✓ documented, ≈ documented under another description, – missing, exempt by parity.ignore, · not documented by most languages either (not a gap), blank: no entry',
        '',
        'widget  content/widget.mdx',
        '  key path       curl    python  go',
        '  widget.object  ✓       exempt  ·',
        '  widget.id      ✓       ✓       ✓',
        '  widget.color   ✓       –       ✓',
        '  go.context     ·       ·       ✓',
        '',
        'Coverage',
        '  curl    100.0%  (2 of 2 documented, 0 missing, 0 exempt, 1 not shared, 0 missing entries)',
        '  python   50.0%  (1 of 2 documented, 1 missing, 1 exempt, 0 not shared, 0 missing entries)',
        '  go      100.0%  (2 of 2 documented, 0 missing, 0 exempt, 1 not shared, 0 missing entries)',
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
        '| Language | Coverage | Documented | Missing | Exempt | Not shared | Missing entries |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        '| cURL (`curl`) | 100.0% | 2 | 0 | 0 | 1 | 0 |',
        '| Python (`python`) | 50.0% | 1 | 1 | 1 | 0 | 0 |',
        '| Go (`go`) | 100.0% | 2 | 0 | 0 | 1 | 0 |',
        '',
        '✓ documented, ≈ documented under another description, – missing, *exempt* by `parity.ignore`, · not documented by most languages either (not a gap), blank: the language has no such entry.',
        '',
        '## `widget`',
        '',
        'In `content/widget.mdx`.',
        '',
        '| Key path | cURL | Python | Go |',
        '| --- | :-: | :-: | :-: |',
        '| `widget.object` | ✓ | *exempt* | · |',
        '| `widget.id` | ✓ | ✓ | ✓ |',
        '| `widget.color` | ✓ | – | ✓ |',
        '| `go.context` | · | · | ✓ |',
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
        { language: 'curl', label: 'cURL', documented: 2, missing: 0, exempt: 0, unshared: 1, missingEntries: 0, ratio: 1 },
        { language: 'python', label: 'Python', documented: 1, missing: 1, exempt: 1, unshared: 0, missingEntries: 0, ratio: 0.5 },
        { language: 'go', label: 'Go', documented: 2, missing: 0, exempt: 0, unshared: 1, missingEntries: 0, ratio: 1 },
      ],
      entries: [
        {
          id: 'widget',
          file: 'content/widget.mdx',
          missingLanguages: [],
          rows: [
            { keyPath: 'widget.object', shared: false, cells: { curl: 'documented', python: 'exempt', go: 'absent' } },
            { keyPath: 'widget.id', shared: true, cells: { curl: 'documented', python: 'documented', go: 'documented' } },
            { keyPath: 'widget.color', shared: true, cells: { curl: 'documented', python: 'missing', go: 'documented' } },
            { keyPath: 'go.context', shared: false, cells: { curl: 'absent', python: 'absent', go: 'documented' } },
          ],
        },
      ],
    });
  });

  it('agrees with `check`, which warns about the one gap', () => {
    const result = runPolyref(['check', '--format', 'json'], site());
    expect(result.status).toBe(0);
    const messages = (JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; column: number }> }>)[0]!.messages;
    expect(messages.map(({ ruleId, line, column }) => [ruleId, line, column])).toEqual([['parity-gap', 27, 12]]);
  });

  it('rejects an unknown format as a usage error', () => {
    const result = runPolyref(['parity', '--format', 'html'], site());
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
  });
});
