import type { ParsedPage } from '../model/types.js';
import type { NavigationLink } from '../model/types.js';
import { renderBody } from './body.js';
import { withBasePath } from './sanitize.js';
import { navigationView } from './views/navigation-view.js';
import type { RenderContext } from './views/render-context.js';

/** The view every page template receives. */
export function siteView(context: Pick<RenderContext, 'site'>) {
  const { config } = context.site;
  return {
    title: config.title,
    basePath: config.basePath,
    home: withBasePath('/', config.basePath),
    languages: config.languages.map((language) => ({ ...language, isDefault: language.id === config.defaultLanguage })),
    defaultLanguage: config.defaultLanguage,
    assets: {
      css: withBasePath('/assets/polyref.css', config.basePath),
      js: withBasePath('/assets/polyref.js', config.basePath),
    },
  };
}

/** One page to a complete HTML document: body, then page template, then layout. */
export function renderPage(page: ParsedPage, context: RenderContext, folderTree: NavigationLink[]): string {
  const body = page.tree ? renderBody(page.tree, context) : { html: '', headings: [] };
  const title = page.title ?? page.url;
  const view = {
    site: siteView(context),
    page: {
      title,
      url: page.url,
      href: withBasePath(page.url, context.site.config.basePath),
      // A body that opens with its own `# Title` needs no second one.
      showTitle: !body.headings.some((heading) => heading.depth === 1),
      headings: body.headings.filter((heading) => heading.depth === 2 || heading.depth === 3),
      data: page.data,
    },
    navigation: navigationView(page, context.site.index, context.site.config.basePath, folderTree),
    bodyHtml: body.html,
  };
  const content = context.templates.render('page', view);
  return context.templates.render('layout', { ...view, contentHtml: content });
}
