import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type ConfigInput } from '../../src/config/config.js';
import { findTemplates } from '../../src/load/template-files.js';
import type { Site } from '../../src/model/site.js';
import { loadSite } from '../../src/pipeline/load-site.js';
import { coverageFiles, siteCoverageSections } from '../../src/render/coverage.js';
import { Templates } from '../../src/render/templates.js';
import { makeProject } from '../helpers/run-cli.js';
import { checkFiles } from '../helpers/site.js';

const languages = [
  { id: 'curl', label: 'cURL' },
  { id: 'python', label: 'Python' },
  { id: 'go', label: 'Go' },
];

const widget = `---
title: Widget <b>
descriptions:
  widget:
    self: A widget.
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
        - key: Ctx
          type: context.Context
          description: (go.context)
        - key: ID
          type: string
          description: (widget.id)
        - key: Color
          type: string
          description: (widget.color)
---

# Widget
`;

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function siteOf(files: Record<string, string>, config: ConfigInput = {}): Site {
  const project = makeProject(files);
  cleanups.push(project.cleanup);
  return loadSite(loadConfig({ cwd: project.dir, overrides: { languages, ...config } }), { keepTrees: false });
}

describe('the coverage page', () => {
  it('is written to coverage/index.html inside the layout, one table per entry and a figure per language', () => {
    const site = siteOf({ 'content/widget.mdx': widget }, { basePath: '/docs/' });
    const files = coverageFiles(site, new Templates(findTemplates(null)), siteCoverageSections(site));
    expect(files.map((file) => file.path)).toEqual(['coverage/index.html']);
    const html = files[0]!.content;
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<h1>Language coverage</h1>');
    expect(html).toContain('<tr><th scope="row">cURL</th><td>100.0%</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>');
    expect(html).toContain(
      '<tr><th scope="row">Python</th><td class="parity-missing">50.0%</td><td>1</td><td class="parity-missing">1</td><td>0</td><td>0</td><td>0</td></tr>',
    );
    expect(html).toContain('<tr><th scope="row">Go</th><td>100.0%</td><td>2</td><td>0</td><td>0</td><td>1</td><td>0</td></tr>');
    expect(html).toContain('<section class="coverage-entry" id="widget">');
    // The page title is text, escaped; the link to the entry's page carries the base path.
    expect(html).toContain('Documented on <a href="/docs/widget">Widget &lt;b&gt;</a>.');
    const row = (keyPath: string) => new RegExp(`<tr[^>]*><th scope="row"><code>${keyPath.replace('.', '\\.')}</code></th>(.*?)</tr>`).exec(html)?.[1];
    const states = (cells: string | undefined) => [...(cells ?? '').matchAll(/class="parity-([a-z-]+)"/g)].map((match) => match[1]);
    expect(states(row('widget.id'))).toEqual(['documented', 'documented', 'documented']);
    expect(states(row('widget.color'))).toEqual(['documented', 'missing', 'documented']);
    // A key path only Go documents is shown, set apart, and is no gap of the others.
    expect(html).toContain('<tr class="parity-unshared"><th scope="row"><code>go.context</code></th>');
    expect(states(row('go.context'))).toEqual(['absent', 'absent', 'documented']);
  });

  it('names the languages that lack an entry most languages have', () => {
    const site = siteOf({ 'content/widget.mdx': widget }, { languages: [...languages, { id: 'java', label: 'Java' }, { id: 'ruby', label: 'Ruby' }] });
    const html = coverageFiles(site, new Templates(findTemplates(null)), siteCoverageSections(site))[0]!.content;
    expect(html).toContain('<p class="parity-missing-entry">No entry in Java and Ruby, which most languages have.</p>');
    expect(html).toContain('<tr><th scope="row">Java</th><td>n/a</td><td>0</td><td>0</td><td>0</td><td>0</td><td class="parity-missing">1</td></tr>');
  });

  it('gives way to a page of the content at /coverage', () => {
    const site = siteOf({ 'content/widget.mdx': widget, 'content/coverage.mdx': '# Our coverage\n' });
    expect(coverageFiles(site, new Templates(findTemplates(null)), siteCoverageSections(site))).toEqual([]);
  });

  it('has an anchor per entry that links may name', () => {
    const page = (fragment: string) => `---\ntitle: L\n---\n\n[x](/coverage#${fragment})\n`;
    const ok = checkFiles({ 'content/widget.mdx': widget, 'content/l.mdx': page('widget') }, { languages });
    expect(ok['l.mdx']!.filter((finding) => finding.ruleId === 'broken-link')).toEqual([]);
    const broken = checkFiles({ 'content/widget.mdx': widget, 'content/l.mdx': page('widgit') }, { languages });
    expect(broken['l.mdx']!.filter((finding) => finding.ruleId === 'broken-link').map((finding) => finding.message)).toEqual([
      'Unexpected link `/coverage#widgit` to no anchor `#widgit` on `/coverage`, expected a heading, entry or property anchor of that page (did you mean `/coverage#widget`?)',
    ]);
  });
});
