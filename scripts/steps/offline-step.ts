/**
 * Build step 5: the offline copy (<site>-offline/, e.g. dist-offline/) and its
 * zip, published in the site at offline/policy-atlas-offline.zip.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { makeOfflineCopy, type OfflineCopyOptions, type OfflineCopyResult } from '../offline/offline-copy.ts';
import { type ZipRecords, zipFolderToFile } from '../offline/zip.ts';
import type { PageWorkerPool } from '../offline/page-workers.ts';
import { siteConfig } from '../urls/config.ts';
import { codeFingerprint, contentKey, type StepCache } from './cache.ts';
import type { PageCacheLocation } from '../offline/page-cache.ts';
import { type EarlyPages, type EarlyRun, startEarlyPages } from './early-offline.ts';

/** Where the zip is published inside the site (the home page links here). */
export const OFFLINE_ZIP = 'offline/policy-atlas-offline.zip';

/** Folder name inside the zip: unzipping gives one folder with index.html in it. */
export const ZIP_FOLDER = 'policy-atlas-offline';

/** Outcome of the step: the copy and the zip's size in bytes. */
export interface OfflineStepResult extends Omit<OfflineCopyResult, 'deflatedPages'> {
  dir: string;
  zip: string;
  zipBytes: number;
  /** Zip entries whose data was taken from the previous zip. */
  reusedZipEntries: number;
  /** The zip's records, for the next build once it is published (scripts/offline/zip.ts). */
  zipRecords: ZipRecords;
}

// Origins that only exist on the build machine: a canonical link there helps no one reading offline.
const LOCAL_ORIGIN = /^https?:\/\/(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)(?::\d+)?$/i;

/** The copy's options for SITE_URL: canonical links kept only when the origin is a real host. */
export function offlineCopyOptions(siteDir: string, outDir: string): OfflineCopyOptions {
  const { origin, base } = siteConfig();
  return { siteDir, outDir, site: { origin, base }, keepCanonical: !LOCAL_ORIGIN.test(origin) };
}

/** Where the copy's page rewrites are cached (scripts/offline/page-cache.ts), for the copy made with `options`. */
export function pageCacheLocation(pageCache: StepCache, options: Pick<OfflineCopyOptions, 'site' | 'keepCanonical'>): PageCacheLocation {
  const salt = contentKey(codeFingerprint(['scripts/offline']), JSON.stringify([options.site, options.keepCanonical]));
  return { dir: pageCache.dir, read: pageCache.reads, salt };
}

/**
 * The early rewrite of the copy's pages into `offlineDir` while Astro writes `siteDir` (early-offline.ts), into
 * the same page cache as the copy.
 */
export function startEarlyOffline(siteDir: string, offlineDir: string, pageCache: StepCache): EarlyRun {
  const options = offlineCopyOptions(siteDir, offlineDir);
  return startEarlyPages({ ...options, cache: pageCacheLocation(pageCache, options) });
}

/**
 * Writes `<siteDir>-offline/` and `<siteDir>/offline/policy-atlas-offline.zip`. With `pageCache`, pages whose
 * rewrite is cached and still holds are not rewritten (scripts/offline/page-cache.ts); the entries this copy
 * used are marked in it, so pruning keeps them. With `previousZip`, the records of the published zip, unchanged
 * entries' data is copied from it rather than deflated again. `workers`: page workers started earlier; `early`:
 * what the early rewrite of pages did (its cache entries, made in this build, are read even in a clean one).
 */
export async function runOffline(
  siteDir: string,
  offlineDir = `${siteDir.replace(/[\\/]+$/, '')}-offline`,
  pageCache?: StepCache,
  previousZip?: ZipRecords,
  workers?: PageWorkerPool,
  early?: EarlyPages,
): Promise<OfflineStepResult> {
  const options: OfflineCopyOptions = { ...offlineCopyOptions(siteDir, offlineDir), deflatePages: true, workers };
  if (pageCache) {
    options.pageCache = { ...pageCacheLocation(pageCache, options), fresh: early?.stored };
    options.early = early;
  }
  const { deflatedPages, ...copy } = await makeOfflineCopy(options);
  pageCache?.keep(copy.pageCacheUsed);
  const zip = path.join(siteDir, OFFLINE_ZIP);
  mkdirSync(path.dirname(zip), { recursive: true });
  // Streamed to the file (scripts/offline/zip.ts): of the copy, only the pages' deflated entries are held in memory
  // (made by the page workers for the pages they rewrote; on the seeds 1.4 of the zip's 2.4 MB), the other files
  // are read a few at a time, their data taken from the previous zip when their bytes are unchanged.
  const written = await zipFolderToFile(offlineDir, ZIP_FOLDER, zip, deflatedPages, previousZip);
  return { ...copy, dir: offlineDir, zip, zipBytes: written.bytes, reusedZipEntries: written.reused, zipRecords: written.records };
}
