/**
 * The build's steps after Astro's start (scripts/build.ts starts Astro, then loads this module): ingest → MDX
 * pages (compare stage beside them, then relations) → while Astro renders, the open data, feeds, Pagefind and
 * the search index (the last two from the document model), then the offline copy's pages as Astro writes them,
 * on an idle core → sitemap, offline copy, all into .build/staging/.
 * Each step is its own module under scripts/steps/; this file only orders them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runIngest, seedsFolder } from './steps/ingest-step.ts';
import { writeOriginals } from './steps/originals-step.ts';
import { writeSite } from './steps/site-step.ts';
import { writeOpenData } from './steps/open-data-step.ts';
import { COMPARE_CLIENT_DIR } from './steps/compare-step.ts';
import { FEEDS_DIR, writeFeeds } from './steps/feeds-step.ts';
import { addToPagefind, type PagefindResult } from './steps/pagefind-step.ts';
import { writeHostingFiles } from './steps/hosting-step.ts';
import { runOffline, startEarlyOffline } from './steps/offline-step.ts';
import { PageWorkerPool } from './offline/page-workers.ts';
import { publishSearchIndex, SearchSources, writeSearchIndex } from './steps/search-step.ts';
import type { IndexFileRecords } from './search/write-index.ts';
import type { PublishedFileRecords } from './contract/published-files.ts';
import type { PublishedRecords, StagedRecords } from './steps/published-records.ts';
import { linkPublished, OFFLINE_DIR, SITE_DIR, STAGED_OFFLINE, STAGED_PARTS, STAGED_SITE, TRASH_DIR } from './steps/staging.ts';
import { StepCache } from './steps/cache.ts';
import { PackCache } from './steps/pack-cache.ts';
import { timed } from './steps/timed.ts';
import { finishAstroRun, readRenderRecord, type RenderRecord, unchangedPages } from './steps/astro-cache.ts';

/** Where the open data is written while Astro builds (Astro empties its outDir first); moved into the staged site after. */
const OPEN_DATA_STAGING = path.join(STAGED_PARTS, 'open-data');
/** Where the search index and Pagefind's bundle are written while Astro builds; moved into the staged site after. */
const SEARCH_STAGING = path.join(STAGED_PARTS, 'search');

/** The caches of the build's own steps (scripts/steps/cache.ts); `--clean` reads none (each is written anew). */
export type StepCaches = Record<'ingest' | 'documentPages' | 'openData' | 'offlinePages', StepCache> & { searchPostings: PackCache };

/** The caches of a build, read unless `clean`. */
export function stepCaches(clean: boolean): StepCaches {
  return {
    ingest: new StepCache('ingest', !clean),
    documentPages: new StepCache('document-pages', !clean),
    openData: new StepCache('open-data', !clean),
    searchPostings: new PackCache('search-postings', !clean),
    offlinePages: new StepCache('offline-pages', !clean),
  };
}

/** Prunes each cache of the entries this build did not use; a cache that cannot be pruned only keeps a few entries too many. */
export function pruneCaches(caches: StepCaches): void {
  for (const cache of Object.values(caches)) {
    try {
      cache.prune();
    } catch (error) {
      console.warn(`build: could not prune ${cache.dir}: ${(error as Error).message}`);
    }
  }
}

/** Marks a promise's failure as handled here; it is reported where the promise is awaited. Module-level, so it holds no step's data. */
const ignore = (): void => {};

/** What the steps that read the document model leave running or report, once they are done with it. */
interface ModelSteps {
  pagefind: Promise<PagefindResult>;
  /** The search index files written, for the next build once this one is published. */
  indexRecords: IndexFileRecords;
  /** The documents' open data files, the originals and the feeds written, likewise. */
  openDataRecords: PublishedFileRecords;
  /** Lines for the build log, printed once Astro is done. */
  report: string[];
}

/** Astro's run, which build.ts started before loading this module. */
export interface AstroRun {
  /** Resolves when Astro has written the staged site. */
  done: Promise<void>;
  /** Astro's record of the pages it rendered, as the previous build left it (scripts/steps/astro-cache.ts). */
  rendered: RenderRecord | null;
}

/**
 * The steps that read the document model: ingest, the MDX pages, then, while Astro renders, Pagefind's
 * records, the open data, the feeds and the search index. The model (corpus, site data, search
 * sources) lives only in this function, so it can be collected once they are done, before the offline
 * copy and its zip: at 5,000 documents it is over 2 GB of this process's memory.
 */
async function stageFromModel(caches: StepCaches, published: PublishedRecords): Promise<ModelSteps> {
  const corpus = await timed('ingest', () => runIngest(undefined, undefined, caches.ingest));
  // The search index and Pagefind read each document's final MDX tree as the site step writes it.
  const search = new SearchSources();
  const { data: site, concepts, compared: comparing, writeSiteData } = await timed('MDX pages', () => writeSite(corpus, search, caches.documentPages));
  comparing.catch(ignore);
  await timed('site data', writeSiteData);
  // The search records, the open data and the feeds read the relations stage's output.
  const compared = await timed('waiting for the compare stage', () => comparing);
  const standings = () => compared.relations.standing;
  // Pagefind's service (native, its own process) indexes records made from the model while Astro
  // renders; it is sent every record first, then writes its bundle while this process goes on.
  const pagefindIndexed = await timed('pagefind records', () => addToPagefind(search.pages(site, standings)));
  const pagefind = pagefindIndexed.write(path.join(SEARCH_STAGING, 'pagefind'));
  pagefind.catch(ignore);
  const sources = { concepts, compared, compareClientDir: COMPARE_CLIENT_DIR };
  const openData = await timed('open data', () => writeOpenData(OPEN_DATA_STAGING, site.documents, sources, published.openData, caches.openData));
  const originals = writeOriginals(OPEN_DATA_STAGING, seedsFolder(), site.originals, published.openData);
  const feeds = await timed('feeds', () => writeFeeds(OPEN_DATA_STAGING, site.documents, concepts, compared.relations, published.openData));
  const searchIndex = await timed('search index', () =>
    writeSearchIndex(SEARCH_STAGING, search.pages(site, standings), search.concepts, published.index, caches.searchPostings),
  );
  const reused = published.index
    ? `, ${searchIndex.reused} of ${searchIndex.onlineFiles + searchIndex.offlineFiles} files linked from the published index`
    : '';
  console.log(
    `build: search index of ${searchIndex.pages} pages, ${searchIndex.shards} shards (${(searchIndex.online / 1e6).toFixed(2)} MB online in ${searchIndex.onlineFiles} files; ` +
      `offline ${(searchIndex.offline / 1e6).toFixed(2)} MB in ${searchIndex.offlineFiles} files, largest ${(searchIndex.largestOffline / 1e3).toFixed(0)} kB; written while Astro ran${reused}; ` +
      `pages' postings ${caches.searchPostings.summary()})`,
  );
  // Plain strings: a closure made here would keep the whole model alive (closures share this scope).
  const report = [
    `build: feeds: ${feeds.files} Atom feeds, ${(feeds.bytes / 1e3).toFixed(0)} kB under ${SITE_DIR}/${FEEDS_DIR}/ (written while Astro ran${feeds.linked ? `; ${feeds.linked} linked from the published site` : ''})`,
    `build: open data: ${openData.files} files, ${(openData.bytes / 1e6).toFixed(2)} MB under ${SITE_DIR}/data/ (written while Astro ran${openData.linked ? `; ${openData.linked} documents' files linked from the published site` : ''}), with ${originals.files} original files (${(originals.bytes / 1e6).toFixed(2)} MB${originals.linked ? `, ${originals.linked} linked from the published site` : ''})`,
  ];
  // The originals and the feeds are published beside the open data, and recorded with it.
  const openDataRecords = { ...openData.records, ...originals.records, ...feeds.records };
  return { pagefind, report, indexRecords: searchIndex.records, openDataRecords };
}

/**
 * Every step but Astro's start, writing under .build/staging/; resolves when the staged site and offline copy are
 * complete. `astro` is the run build.ts started, `trashCleared` what prepareStaging returned, `published` the
 * records of the published search index and zip, whose unchanged files and entries are reused (scripts/steps/published-records.ts).
 */
export async function buildStaged(astro: AstroRun, trashCleared: Promise<void>, caches: StepCaches, published: PublishedRecords = {}): Promise<StagedBuild> {
  const { pagefind, report, indexRecords, openDataRecords } = await stageFromModel(caches, published);
  // The offline copy is updated in place, file by file, starting from links to the published one. What the
  // staged copy held besides goes into the trash: what the previous build replaced must be deleted first (it
  // is deleted while this build runs, and must be gone before the trash takes more). Then its pages are
  // rewritten as Astro writes them (scripts/steps/early-offline.ts), until Astro is done.
  await trashCleared;
  const setAside = path.join(TRASH_DIR, `offline-staging-${process.pid}-${Date.now()}`);
  await timed('offline copy staged', () => linkPublished(OFFLINE_DIR, STAGED_OFFLINE, setAside));
  const early = startEarlyOffline(STAGED_SITE, STAGED_OFFLINE, caches.offlinePages);
  // The offline copy's page workers load their modules while Astro finishes (page-workers.ts).
  const workers = new PageWorkerPool();
  try {
    await astro.done;
  } catch (error) {
    workers.close();
    throw error;
  }
  finishAstroRun();
  const { keyed, unchanged } = unchangedPages(astro.rendered, readRenderRecord());
  console.log(`build: astro: ${unchanged} of ${keyed} keyed pages unchanged since the previous build (copied from its cache, not rendered)`);
  moveOpenData(OPEN_DATA_STAGING, STAGED_SITE);
  for (const line of report) console.log(line);
  const clientBytes = await publishSearchIndex(SEARCH_STAGING, STAGED_SITE);
  console.log(`build: search client ${(clientBytes / 1e3).toFixed(1)} kB`);
  const { pages, seconds } = await timed('waiting for pagefind', () => pagefind);
  movePagefind(path.join(SEARCH_STAGING, 'pagefind'), STAGED_SITE);
  console.log(`build: pagefind: ${pages} documents in ${seconds.toFixed(2)} s from the start of its records (alongside Astro)`);
  await timed('sitemap, robots.txt', () => writeHostingFiles(STAGED_SITE));
  const earlyPages = await early.finish();
  console.log(
    `build: offline copy: ${earlyPages.stored.length} pages rewritten while Astro ran, ${earlyPages.known.size - earlyPages.stored.length} more read`,
  );
  const offline = await timed('offline copy', () => runOffline(STAGED_SITE, STAGED_OFFLINE, caches.offlinePages, published.zip, workers, earlyPages));
  const reusedEntries = published.zip ? `, ${offline.reusedZipEntries} of ${offline.zipRecords.entries.length} entries from the published zip` : '';
  console.log(
    `build: offline copy in ${OFFLINE_DIR}/ (${offline.files} files, ${offline.reusedPages} of ${offline.pages} pages as the previous build rewrote them), zip ${(offline.zipBytes / 1e6).toFixed(2)} MB at ${SITE_DIR}/${path.relative(STAGED_SITE, offline.zip)}${reusedEntries}`,
  );
  return { records: { index: indexRecords, openData: openDataRecords, zip: offline.zipRecords } };
}

/** What the caller keeps for after publishing. */
export interface StagedBuild {
  /** The records of the staged search index and zip; save them (published-records.ts) once the site is published. */
  records: StagedRecords;
}

/** Moves Pagefind's bundle from `staging` to `<siteDir>/pagefind/` (one rename). */
function movePagefind(staging: string, siteDir: string): void {
  const target = path.join(siteDir, 'pagefind');
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(staging, target);
}

/** Moves `<staging>/data/` and `<staging>/feeds/` into `<siteDir>/` (one rename each: both are on the project's disk). */
function moveOpenData(staging: string, siteDir: string): void {
  for (const folder of ['data', FEEDS_DIR]) {
    const target = path.join(siteDir, folder);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(path.join(staging, folder), target);
  }
}
