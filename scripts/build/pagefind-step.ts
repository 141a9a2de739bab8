/**
 * Build step 4: Pagefind indexes the built pages, for the search page's opt-in
 * extended search (src/scripts/search/extended.ts). Only data-pagefind-body
 * content is indexed; titles come from data-pagefind-meta="title" (badges are
 * data-pagefind-ignore), sections from the task headings' ids, and the filters
 * from data-pagefind-filter — the same attributes the exact index reads.
 */
import * as pagefind from 'pagefind';

/**
 * The pages that carry data-pagefind-body (document, concept and department pages). Pagefind
 * would skip the others anyway, but only after reading and parsing them: the original-text
 * pages alone are as large as the document pages.
 */
export const INDEXED_PAGES_GLOB = '{docs,concepts,departments}/*/index.html';

/** Indexes `siteDir` and writes the index to `siteDir/pagefind`. */
export async function runPagefind(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: siteDir, glob: INDEXED_PAGES_GLOB });
  if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  return { pages: added.page_count };
}
