/**
 * Result links. The index stores paths relative to the site root
 * ("docs/x/#item_3"); online they become root-relative URLs, offline (file://)
 * they must name the file itself, because a folder URL does not open its
 * index.html from disk.
 */

/** The href for a site-relative path, given the site root URL (ending in "/"). */
export function resultHref(root: string, relative: string, offline: boolean): string {
  const hashAt = relative.indexOf('#');
  const path = hashAt < 0 ? relative : relative.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : relative.slice(hashAt);
  if (offline) {
    const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
    return new URL(file, root).href + hash;
  }
  return new URL(path, root).pathname + hash;
}

/** The site root from the URL of the search script, which lives at <root>search/search.js. */
export function siteRootFromScript(scriptUrl: string): string {
  return new URL('../', scriptUrl).href;
}
