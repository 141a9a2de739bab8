/**
 * Build step 5: the site's own search index (see scripts/search/build-index.ts
 * for why it is not Pagefind's) and the search page's client script.
 */
import path from 'node:path';
import { collectPages } from '../search/collect.ts';
import { buildIndex } from '../search/build-index.ts';
import { writeIndex } from '../search/write-index.ts';
import { bundleSearchClient } from '../search/bundle-client.ts';
import { versionClientReferences } from '../search/version-client.ts';

/** What the step wrote, for the build log. */
export interface SearchStepReport {
  pages: number;
  shards: number;
  /** Bytes of the gzip files fetched online (all of them; a query fetches a few). */
  onlineBytes: number;
  /** Bytes of search-index.js (the offline copy's index). */
  offlineBytes: number;
  clientBytes: number;
}

/** Indexes the built pages in siteDir and writes the index and search/search.js into it. */
export async function runSearchIndex(siteDir: string): Promise<SearchStepReport> {
  const pages = collectPages(siteDir);
  const index = buildIndex(pages);
  const written = writeIndex(siteDir, index);
  const clientBytes = await bundleSearchClient(path.join(siteDir, 'search', 'search.js'));
  // The search page is the one page that loads the client.
  versionClientReferences(siteDir, 'search/search.js', ['search/index.html']);
  return { pages: pages.length, shards: index.meta.shardCount, onlineBytes: written.online, offlineBytes: written.offline, clientBytes };
}
