/** How a written URL names a path of the site, shared by the index (navigation targets) and the link checks. */

export interface SplitUrl {
  /** The path as written, before `?` and `#`. */
  written: string;
  /** After `#`, as written; null without one. */
  fragment: string | null;
}

export function splitUrl(url: string): SplitUrl {
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const question = beforeHash.indexOf('?');
  return {
    written: question === -1 ? beforeHash : beforeHash.slice(0, question),
    fragment: hash === -1 ? null : url.slice(hash + 1),
  };
}

/** `/a/b/` → `/a/b`, percent-escapes decoded as a server would. */
export function normalizePath(written: string): string {
  const decoded = decode(written, decodeURI);
  return decoded.length > 1 ? decoded.replace(/\/+$/, '') || '/' : decoded;
}

/** The path a root-relative link (`/a/b/?lang=go#x`) names, as written (`/a/b`); null for any other link. */
export function rootRelativePath(url: string): string | null {
  if (!url.startsWith('/') || url.startsWith('//')) return null;
  return normalizePath(splitUrl(url).written);
}

export function decode(text: string, decoder: (text: string) => string): string {
  try {
    return decoder(text);
  } catch {
    return text;
  }
}
