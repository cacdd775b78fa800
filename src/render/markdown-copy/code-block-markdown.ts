import type { RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Site } from '../../model/site.js';
import type { ParsedPage } from '../../model/types.js';
import type { CodeBlockContent } from '../code-block-content.js';
import { resolveEntry, unwrapped, type ResolvedEntry, type ResolvedItem } from '../../resolve/resolved-entry.js';
import { withBasePath } from '../sanitize.js';
import { copyDescription } from './descriptions.js';
import { caption, codeCell, codeHeading, labels, linkedCodeCell, paragraph, text, textCell, textHeading, type Depth } from './shared-nodes.js';

/**
 * A `CodeBlock` in the Markdown copy: its title, then per language a heading,
 * the examples as fenced code, and each entry with its tables. `depth` is
 * that of the heading the block stands under.
 */
export function codeBlockMarkdown(content: CodeBlockContent, page: ParsedPage, site: Site, depth: number): RootContent[] {
  const out: RootContent[] = [];
  const languageDepth = Math.min(depth + 1, 6) as Depth;
  if (content.title) out.push(paragraph([{ type: 'strong', children: [text(content.title)] }]));
  for (const { language, examples, entries } of content.languages) {
    out.push(textHeading(languageDepth, language.label));
    for (const example of examples) {
      if (example.title) out.push(paragraph([{ type: 'emphasis', children: [text(example.title)] }]));
      if (example.code !== null) out.push({ type: 'code', lang: example.extension, meta: null, value: example.code });
      if (example.link) out.push(paragraph([{ type: 'link', url: example.link, children: [text(example.link)] }]));
    }
    for (const located of entries) {
      out.push(...entryMarkdown(resolveEntry(located, page, site.index), Math.min(languageDepth + 1, 6) as Depth, site));
    }
  }
  return out;
}

function entryMarkdown(entry: ResolvedEntry, depth: Depth, site: Site): RootContent[] {
  const out: RootContent[] = [codeHeading(depth, entry.title)];
  const badges = [entry.type, ...entry.flags].filter((label): label is string => label !== null);
  if (badges.length > 0) out.push(labels(badges));
  if (entry.description) out.push(...copyDescription(entry.description.markdown, site.config.basePath).blocks);
  for (const [name, items] of [['Properties', entry.properties], ['Parameters', entry.parameters], ['Returns', entry.returns]] as const) {
    if (!items || items.length === 0) continue;
    out.push(caption(name));
    out.push(itemTable(items, name === 'Parameters', site));
  }
  return out;
}

/** One row per item, children after their parent with a dotted name (`emails.primary`). */
function itemTable(items: ResolvedItem[], isParameters: boolean, site: Site): Table {
  const { basePath } = site.config;
  const rows: TableRow[] = [row(['Name', 'Type', isParameters ? 'Required' : 'Optional', 'Description'].map(textCell))];
  const walk = (list: ResolvedItem[], prefix: string): void => {
    for (const item of unwrapped(list)) {
      const name = `${prefix}${item.name}`;
      const marker = isParameters ? (item.optional ? 'no' : 'yes') : item.optional ? 'yes' : '';
      rows.push(
        row([
          item.kind === 'entry' && item.url ? linkedCodeCell(withBasePath(item.url, basePath), name) : codeCell(name),
          item.type ? codeCell(item.type) : textCell(''),
          textCell(marker),
          item.description ? copyDescription(item.description.markdown, basePath).cell : textCell(''),
        ]),
      );
      walk(item.properties, `${name}.`);
    }
  };
  walk(items, '');
  return { type: 'table', align: [null, null, null, null], children: rows };
}

function row(cells: TableCell[]): TableRow {
  return { type: 'tableRow', children: cells };
}
