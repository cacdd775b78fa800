/**
 * `sitemap.xml` for search engines. Its URLs must be absolute, so it is only
 * written when the config names the `siteUrl` the site is published at.
 */
export function sitemapXml(siteUrl: string, hrefs: readonly string[]): string {
  const urls = [...new Set(hrefs)]
    .sort()
    .map((href) => `  <url><loc>${escapeXml(absoluteUrl(siteUrl, href))}</loc></url>\n`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}</urlset>\n`;
}

/** `https://docs.example.com` + `/docs/a` → `https://docs.example.com/docs/a`, each segment percent-encoded once. */
export function absoluteUrl(siteUrl: string, href: string): string {
  return new URL(encodeURI(decodeURIComponent(href)), `${siteUrl}/`).href;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
