import { titleOf } from '../index/page-titles.js';
import type { NavigationLink, ParsedPage } from '../model/types.js';
import { renderBody, type BodyHtml } from './body.js';
import { withBasePath } from './sanitize.js';
import { navigationView, type NavigationView } from './views/navigation-view.js';
import type { RenderContext } from './views/render-context.js';

/** The view every page template receives. */
export function siteView(context: Pick<RenderContext, 'site'>) {
  const { config } = context.site;
  const asset = (name: string) => withBasePath(`/assets/${name}`, config.basePath);
  return {
    title: config.title,
    basePath: config.basePath,
    home: withBasePath('/', config.basePath),
    languages: config.languages.map((language) => ({ ...language, isDefault: language.id === config.defaultLanguage })),
    defaultLanguage: config.defaultLanguage,
    assets: { css: asset('polyref.css'), js: asset('polyref.js'), search: asset('search.js') },
    searchIndex: withBasePath('/search-index.json', config.basePath),
  };
}

export interface RenderedPage {
  html: string;
  /** Headings of the body with the ids they got, for the search index. */
  headings: BodyHtml['headings'];
}

/** One page to a complete HTML document: body, then page template, then layout. */
export function renderPage(page: ParsedPage, context: RenderContext, folderTree: NavigationLink[]): RenderedPage {
  const body = page.tree ? renderBody(page.tree, context) : { html: '', headings: [] };
  const title = titleOf(context.site.index, page.url);
  const { basePath } = context.site.config;
  const view = {
    site: siteView(context),
    page: {
      title,
      url: page.url,
      href: withBasePath(page.url, basePath),
      markdownHref: withBasePath(markdownUrl(page.url), basePath),
      // A body that opens with its own `# Title` needs no second one.
      showTitle: !body.headings.some((heading) => heading.depth === 1),
      headings: body.headings.filter((heading) => heading.depth === 2 || heading.depth === 3),
      data: page.data,
    },
    navigation: navigationView(page, context.site.index, basePath, folderTree),
    bodyHtml: body.html,
  };
  const content = context.templates.render('page', view);
  return { html: context.templates.render('layout', { ...view, contentHtml: content }), headings: body.headings };
}

/** A page polyref makes itself (the list of pages, the 404 page): its template inside the layout. */
export function renderGeneratedPage(
  template: 'index' | '404' | 'coverage',
  title: string,
  url: string,
  navigation: NavigationView,
  context: Pick<RenderContext, 'site' | 'templates'>,
  extra: Record<string, unknown> = {},
): string {
  const view = {
    site: siteView(context),
    page: { title, url, href: withBasePath(url, context.site.config.basePath), markdownHref: null, showTitle: true, headings: [], data: {} },
    navigation,
    ...extra,
  };
  return context.templates.render('layout', { ...view, contentHtml: context.templates.render(template, view) });
}

/** `/reference/x` → `/reference/x/index.md`, the Markdown copy written beside the page. */
export function markdownUrl(url: string): string {
  return url === '/' ? '/index.md' : `${url}/index.md`;
}
