/**
 * The offline copy's pages rewritten while Astro is still rendering the site, one page at a time as each is
 * written, so that the copy made after Astro (offline-copy.ts) finds most of them done. A clean build at
 * 2,000 documents spent 25–42 s after Astro rewriting 4,943 pages, while during the last half minute of
 * Astro's render one of the machine's two cores was idle.
 *
 * What is done early is never trusted as such: each rewrite goes into the page cache (page-cache.ts), keyed
 * by the page's bytes and holding the answers the site's file index gave it, and the copy after Astro reuses
 * it only as it reuses any cached rewrite: when the page's bytes, the final file index's answers and the
 * written offline page are still what they were. A page read while Astro was still writing it, or rewritten
 * against a file index that has since changed its answer, is rewritten again; the copy is the same either way.
 */
import { readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { CopyWriter } from './copy-writer.ts';
import { OfflinePageCache, type PageCacheLocation } from './page-cache.ts';
import { writeRewrittenPage } from './write-page.ts';
import type { SiteFiles, SiteLocation } from './site-urls.ts';
import { deflateEntry, type DeflatedEntry } from './zip.ts';
import { type FileStamp, stampOf } from '../contract/file-stamp.ts';

/** What the early rewrite needs: the site as Astro writes it, the offline copy to write into, and the page cache. */
export interface EarlyJob {
  siteDir: string;
  outDir: string;
  site: SiteLocation;
  keepCanonical: boolean;
  cache: PageCacheLocation;
}

/** One page the early rewrite took: its cache key as of the page's stamp, and what it did with it. */
export interface EarlyPage {
  file: string;
  /** The stamp of the site's page when it was read: while the page still has it, `key` is its key. */
  stamp: FileStamp;
  key: string;
  /** Whether it was rewritten (and its rewrite stored in the cache) rather than found in the cache already. */
  rewritten: boolean;
  /** The zip entry of the rewritten page. */
  deflated?: DeflatedEntry;
}

/** What the early rewrite did, for the copy after Astro (offline-copy.ts). */
export interface EarlyPages {
  /** Each page it read: the stamp it had and its cache key then. */
  known: Map<string, { key: string; stamp: FileStamp }>;
  /** Cache entries it stored (the copy reads them even in a clean build). */
  stored: string[];
  /** The zip entries of the pages it rewrote, by page. */
  deflated: Map<string, DeflatedEntry>;
}

// An HTML page as Astro writes it ends with its closing tag: a page read while it is being written does not.
const FINISHED_PAGE = /<\/html>\s*$/i;

/** Whether `bytes` look like a whole page (only the end is looked at). */
export function isFinishedPage(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.byteLength - 64));
  return FINISHED_PAGE.test(tail.toString('latin1'));
}

/** Rewrites the pages it is given into the offline copy and the page cache. */
export class EarlyRewriter {
  readonly #job: EarlyJob;
  readonly #cache: OfflinePageCache;
  readonly #out: CopyWriter;

  constructor(job: EarlyJob) {
    this.#job = job;
    this.#cache = new OfflinePageCache(job.cache);
    this.#out = new CopyWriter(job.outDir);
  }

  /**
   * Takes page `file` (with `stat`, its Stats) against `files`, the site's file index as far as it is written:
   * 'unfinished' when the page is not whole yet, null when its rewrite fails against this index (the copy after
   * Astro does both). A page the cache already holds a rewrite of (from an earlier build) is only keyed.
   */
  take(file: string, stat: Stats, files: SiteFiles): EarlyPage | 'unfinished' | null {
    const bytes = readFileSync(path.join(this.#job.siteDir, file));
    if (bytes.byteLength !== stat.size || !isFinishedPage(bytes)) return 'unfinished';
    const key = this.#cache.key(file, bytes);
    const stamp = stampOf(stat);
    if (this.#cache.has(key)) return { file, stamp, key, rewritten: false };
    let page: { bytes: Buffer };
    try {
      const context = { site: this.#job.site, files, keepCanonical: this.#job.keepCanonical };
      page = writeRewrittenPage(file, bytes, context, this.#out, this.#job.outDir, { cache: this.#cache, key });
    } catch {
      // E.g. a module script not written yet: the copy after Astro rewrites the page, and reports what is wrong.
      return null;
    }
    return { file, stamp, key, rewritten: true, deflated: deflateEntry(page.bytes) };
  }
}
