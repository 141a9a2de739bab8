/** What the offline copy leaves out, and the files it adds, shared by the copy and its worker threads. */

/** Pagefind's folder in the site. */
export const PAGEFIND_DIR = 'pagefind';

/**
 * Site files that cannot work, or mean nothing, in a copy on disk: Pagefind
 * and the online search shards (module JS, fetch and WebAssembly are all
 * blocked for origin null; offline, search reads the classic scripts of search-index/ instead),
 * the zip of this very copy, crawler and host files, and the host's 404 page.
 * Also the open data downloads (everything under data/ but the compare view's
 * payloads in data/compare/ and the original files in data/originals/, which a
 * page offers for reading): data for reuse, not for reading, and the largest
 * files of a large site — at 2,000 documents concepts.json, tasks.csv and
 * documents.json are 14 to 20 MB each, over the copy's 5 MB limit per file,
 * and the per-document JSON files a third of the copy. Their links go to the
 * hosted site (or are removed when there is none).
 * And the Atom feeds (feeds/): a feed reader follows the hosted site, not a folder on disk.
 */
export function isExcluded(file: string): boolean {
  return (
    /^(?:pagefind|search-data|offline|feeds)\//.test(file) ||
    /^data\/(?!compare\/|originals\/)/.test(file) ||
    ['sitemap.xml', 'robots.txt', '404.html', '.nojekyll', '_headers', '_redirects'].includes(file)
  );
}

/** Site file of the banner stylesheet the rewrite links from every page. */
export const BANNER_STYLESHEET = 'offline.css';
