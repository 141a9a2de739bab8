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
import type { DeflatedEntry } from './zip.ts';
import type { FileStamp } from '../contract/file-stamp.ts';

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
  /** Also make each page's zip entry (zip.ts), while its bytes are at hand, on the worker. */
  deflate: boolean;
  /** Pages whose cache key is known while they keep their stamp (the early rewrite read them: early-rewrite.ts). */
  known?: Array<{ file: string; key: string; stamp: FileStamp }>;
}

/** What one worker did: sizes of the pages it wrote, and the module scripts they load. */
export interface PageJobResult {
  sizes: Array<[string, number]>;
  modules: string[];
  /** The cache entries it read or wrote. */
  cacheUsed: string[];
  /** Pages taken from the cache, not rewritten. */
  reused: number;
  /** With `deflate`: the zip entry of every page it rewrote (not of those reused from the page cache). */
  deflated: Array<[string, DeflatedEntry]>;
  /** Each page reused from the page cache, with the digest of its bytes. */
  reusedDigests: Array<[string, string]>;
}

/** Most worker threads to use. */
export const MAX_PAGE_WORKERS = 2;

/** What a worker thread gets: the job, every page, and the index of the next page no worker has taken yet. */
export interface PageWorkerData extends PageJob {
  pages: readonly string[];
  /** One Int32 in shared memory; a worker takes page `Atomics.add(next, 0, 1)` until the pages run out. */
  next: Int32Array;
}

/**
 * Page workers started before their job is known, so that loading their modules (about 0.17 s each, measured
 * on an idle machine) overlaps the end of Astro's build instead of following it. Idle, they do not keep the
 * process alive; each takes one job.
 */
export class PageWorkerPool {
  readonly #workers: Worker[];
  /** Workers that stopped before they were given a job (they are not handed out; the copy starts new ones). */
  readonly #stopped = new Set<Worker>();

  constructor(count = Math.max(1, Math.min(MAX_PAGE_WORKERS, os.availableParallelism()))) {
    this.#workers = Array.from({ length: count }, () => {
      const worker = new Worker(PAGE_WORKER);
      worker.unref();
      // Until it is handed out, a failure only takes it out of the pool.
      const stopped = () => this.#stopped.add(worker);
      worker.once('error', stopped);
      worker.once('exit', stopped);
      return worker;
    });
  }

  /** Hands the running workers out, each once; the pool is empty after. */
  take(): Worker[] {
    return this.#workers.splice(0).filter((worker) => !this.#stopped.has(worker));
  }

  /** Stops workers that were never given a job (a build that failed before its offline copy). */
  close(): void {
    for (const worker of this.take()) void worker.terminate();
  }
}

const PAGE_WORKER = new URL('./page-worker.ts', import.meta.url);

/**
 * Shares `pages` out among worker threads and resolves with what each did; rejects with the first failure.
 * Each worker takes the next page when it is done with one, rather than a fixed share, which can leave
 * one worker idle while the other still has pages. The old interleaved split gave one worker
 * every document page and the other every original-text page (they alternate in the sorted list); on 2,000
 * documents one worker then ran 14 s and the other 6 s. `pool`: workers started earlier, used instead of new ones.
 */
export function rewritePagesInWorkers(job: PageJob, pages: readonly string[], pool?: PageWorkerPool): Promise<PageJobResult[]> {
  const started = pool?.take() ?? [];
  if (pages.length === 0) {
    for (const worker of started) void worker.terminate();
    return Promise.resolve([]);
  }
  const count = started.length || Math.max(1, Math.min(MAX_PAGE_WORKERS, os.availableParallelism(), Math.ceil(pages.length / 50)));
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const workerData: PageWorkerData = { ...job, pages, next };
  return Promise.all(
    Array.from({ length: count }, (_, i) => {
      const worker = started[i] ?? new Worker(PAGE_WORKER, { workerData });
      return new Promise<PageJobResult>((resolve, reject) => {
        worker.once('message', (result: PageJobResult) => resolve(result));
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`offline copy: a page worker exited with code ${code}`));
        });
        if (started[i]) {
          worker.ref();
          worker.postMessage(workerData);
        }
      });
    }),
  );
}
