/**
 * Rewrites the offline copy's pages on worker threads: parsing, rewriting and
 * serialising thousands of pages is most of the copy's time, and one thread
 * per core (two at most: the rest of the build runs beside it) shares it out.
 * Each worker writes its pages and reports their sizes and module scripts.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SiteLocation } from './site-urls.ts';
import type { PageCacheLocation } from './page-cache.ts';

/** What every worker gets. */
export interface PageJob {
  siteDir: string;
  outDir: string;
  site: SiteLocation;
  /** Every file of the site (the worker rebuilds the file index from it). */
  fileList: string[];
  keepCanonical: boolean;
  /** The cache of page rewrites (page-cache.ts); none: every page is rewritten. */
  cache?: PageCacheLocation;
}

/** What one worker did: sizes of the pages it wrote, and the module scripts they load. */
export interface PageJobResult {
  sizes: Array<[string, number]>;
  modules: string[];
  /** The cache entries it read or wrote. */
  cacheUsed: string[];
  /** Pages taken from the cache, not rewritten. */
  reused: number;
}

/** Most worker threads to use. */
export const MAX_PAGE_WORKERS = 2;

/** Splits `pages` among worker threads and resolves with what each did; rejects with the first failure. */
export function rewritePagesInWorkers(job: PageJob, pages: readonly string[]): Promise<PageJobResult[]> {
  const count = Math.max(1, Math.min(MAX_PAGE_WORKERS, os.availableParallelism(), Math.ceil(pages.length / 50)));
  if (pages.length === 0) return Promise.resolve([]);
  // Interleaved, so that each worker gets a share of every folder (documents, departments…).
  const shares = Array.from({ length: count }, (_, w) => pages.filter((_, i) => i % count === w));
  return Promise.all(
    shares.map(
      (share) =>
        new Promise<PageJobResult>((resolve, reject) => {
          const worker = new Worker(new URL('./page-worker.ts', import.meta.url), { workerData: { ...job, pages: share } });
          worker.once('message', (result: PageJobResult) => resolve(result));
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`offline copy: a page worker exited with code ${code}`));
          });
        }),
    ),
  );
}
