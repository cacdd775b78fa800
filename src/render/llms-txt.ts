import type { NavigationLink } from '../model/types.js';
import { markdownUrl } from './page.js';
import { withBasePath } from './sanitize.js';
import { absoluteUrl } from './sitemap.js';

export interface PageSummary {
  url: string;
  title: string;
  /** The first sentences of the page, plain text. */
  summary: string;
}

export interface LlmsTxtInput {
  title: string;
  basePath: string;
  siteUrl: string | null;
  /** The home page's summary, quoted under the title. */
  intro: string;
  /** The sidebar of the whole site: top-level items become sections. */
  tree: NavigationLink[];
  pages: ReadonlyMap<string, PageSummary>;
}

/**
 * `llms.txt` (llmstxt.org): the site's title, a summary, and one section per
 * top-level part of the navigation, each listing the Markdown copies of its
 * pages. Pages the navigation leaves out are listed under "Other pages".
 */
export function llmsTxt(input: LlmsTxtInput): string {
  const lines = [`# ${oneLine(input.title)}`, ''];
  if (input.intro) lines.push(`> ${oneLine(input.intro)}`, '');
  const listed = new Set<string>();
  const item = (url: string): string | null => {
    const page = input.pages.get(url);
    if (!page || listed.has(url)) return null;
    listed.add(url);
    const href = withBasePath(markdownUrl(url), input.basePath);
    const target = input.siteUrl ? absoluteUrl(input.siteUrl, href) : href;
    return `- [${escapeLinkText(page.title)}](${target})${page.summary ? `: ${oneLine(page.summary)}` : ''}`;
  };
  const flatten = (links: NavigationLink[]): string[] =>
    links.flatMap((link) => [item(bareUrl(link.url)), ...flatten(link.links)].filter((line): line is string => line !== null));

  const home = item('/');
  const loose: string[] = home ? [home] : [];
  for (const link of input.tree) {
    if (link.links.length === 0) {
      const line = item(bareUrl(link.url));
      if (line) loose.push(line);
      continue;
    }
    const section = flatten([link]);
    if (section.length > 0) lines.push(`## ${oneLine(link.title)}`, '', ...section, '');
  }
  const rest = [...input.pages.keys()].sort().map(item).filter((line): line is string => line !== null);
  if (loose.length + rest.length > 0) lines.push('## Other pages', '', ...loose, ...rest, '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function bareUrl(url: string): string {
  const bare = url.replace(/[?#].*$/, '');
  return bare.length > 1 ? bare.replace(/\/$/, '') : bare;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeLinkText(text: string): string {
  return oneLine(text).replace(/([\\[\]])/g, '\\$1');
}
