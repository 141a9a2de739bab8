/** What the offline copy leaves out, and the files it adds, shared by the copy and its worker threads. */

/** Pagefind's folder in the site. */
export const PAGEFIND_DIR = 'pagefind';

/**
 * Site files that cannot work, or mean nothing, in a copy on disk: Pagefind
 * and the online search shards (module JS, fetch and WebAssembly are all
 * blocked for origin null; offline, search reads the classic scripts of search-index/ instead),
 * the zip of this very copy, crawler and host files, and the host's 404 page.
 * Also the per-document JSON downloads (data/docs/): open data for reuse, not
 * for reading, and a third of the copy in a large corpus; the copy's
 * "下载数据" buttons go to the hosted site. documents.json and tasks.csv stay.
 */
export function isExcluded(file: string): boolean {
  return /^(?:pagefind|search-data|offline|data\/docs)\//.test(file) || ['sitemap.xml', 'robots.txt', '404.html', '.nojekyll', '_headers', '_redirects'].includes(file);
}

/** Site file of the banner stylesheet the rewrite links from every page. */
export const BANNER_STYLESHEET = 'offline.css';
