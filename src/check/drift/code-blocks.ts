import { samePage, type Located } from '../../index/site-index.js';
import type { Entry, ParsedPage } from '../../model/types.js';
import type { Site } from '../../model/site.js';

export interface ShownTab {
  /** The tab's `title` (`Request`, `Response`); null for a block's own `file`. */
  title: string | null;
  file: string;
  /** A tab that belongs to one language; null for every language. */
  language: string | null;
}

export interface ShownCodeBlock {
  referenceId: string;
  tabs: ShownTab[];
}

/**
 * The `CodeBlock`s of a page that name entries, with the examples they show,
 * as the render reads them: the block's `file`, else its `CodeBlockTab`
 * children (components are listed in document order, a block before its tabs).
 */
export function codeBlocksOf(page: ParsedPage): ShownCodeBlock[] {
  const blocks: Array<ShownCodeBlock & { hasFile: boolean }> = [];
  let current: (ShownCodeBlock & { hasFile: boolean }) | null = null;
  for (const component of page.components) {
    if (component.name === 'CodeBlock') {
      const referenceId = component.attributes.referenceId?.value;
      const file = component.attributes.file?.value;
      current = typeof referenceId === 'string' ? { referenceId, tabs: [], hasFile: typeof file === 'string' } : null;
      if (current && typeof file === 'string') current.tabs.push({ title: null, file, language: null });
      if (current) blocks.push(current);
    } else if (component.name === 'CodeBlockTab' && component.parent === 'CodeBlock' && current && !current.hasFile) {
      const { file, title, language } = component.attributes;
      if (typeof file?.value !== 'string') continue;
      current.tabs.push({
        title: typeof title?.value === 'string' ? title.value : null,
        file: file.value,
        language: typeof language?.value === 'string' ? language.value : null,
      });
    }
  }
  return blocks.map(({ referenceId, tabs }) => ({ referenceId, tabs }));
}

/** The entry with this id in this language that a block on `page` shows: the page's own first, else the first. */
export function shownEntry(site: Site, referenceId: string, language: string, page: ParsedPage): Located<Entry> | null {
  const candidates = (site.index.entriesById.get(referenceId) ?? []).filter((candidate) => candidate.value.language === language);
  return candidates.find((candidate) => samePage(candidate.page, page)) ?? candidates[0] ?? null;
}
