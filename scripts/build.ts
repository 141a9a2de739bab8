/**
 * `npm run build`: seeds/ → ingest → MDX pages (compare stage beside them, then relations) → Astro (open data and feeds beside it)
 * → sitemap, search index, offline copy (Pagefind beside them), into dist/.
 * Each step is its own module under scripts/build/; this file only orders them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GENERATED, runIngest, seedsFolder } from './build/ingest-step.ts';
import { writeOriginals } from './build/originals-step.ts';
import { writeSite } from './build/site-step.ts';
import { runAstroBuild } from './build/astro-step.ts';
import { writeOpenData } from './build/open-data-step.ts';
import { FEEDS_DIR, writeFeeds } from './build/feeds-step.ts';
import { startPagefind } from './build/pagefind-step.ts';
import { writeHostingFiles } from './build/hosting-step.ts';
import { runOffline } from './build/offline-step.ts';
import { runSearchIndex } from './build/search-step.ts';
import { setAsidePreviousBuild } from './build/previous-build.ts';

const SITE_DIR = 'dist';
/** Where the open data is written while Astro builds (Astro empties dist/ first); moved into dist/ after. */
const OPEN_DATA_STAGING = path.join(GENERATED, 'open-data');

async function timed<T>(label: string, step: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await step();
  console.log(`build: ${label} in ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
}

const corpus = await timed('ingest', () => runIngest());
const site = await timed('MDX pages', () => writeSite(corpus));
// The previous dist/ is deleted in the background while Astro runs (which uses about 1.3 cores);
// Astro would otherwise delete it itself before building, while the build waits.
const previousBuild = setAsidePreviousBuild(SITE_DIR);
previousBuild.catch(() => {});
// Astro runs in its own process. The open data needs only the site data, so it is written meanwhile.
const astro = timed('astro', () => runAstroBuild());
// Failures are reported once, by the awaits below, even if they come while another step runs.
astro.catch(() => {});
const openData = await timed('open data', () => writeOpenData(OPEN_DATA_STAGING, site.documents));
const originals = writeOriginals(OPEN_DATA_STAGING, seedsFolder(), site.originals);
const feeds = await timed('feeds', () => writeFeeds(OPEN_DATA_STAGING, site.documents));
await astro;
moveOpenData(OPEN_DATA_STAGING, SITE_DIR);
console.log(`build: feeds: ${feeds.files} Atom feeds, ${(feeds.bytes / 1e3).toFixed(0)} kB under ${SITE_DIR}/${FEEDS_DIR}/ (written while Astro ran)`);
console.log(`build: open data: ${openData.files} files, ${(openData.bytes / 1e6).toFixed(2)} MB under ${SITE_DIR}/data/ (written while Astro ran), with ${originals.files} original files (${(originals.bytes / 1e6).toFixed(2)} MB)`);
// Pagefind (native, its own process) reads only the pages Astro wrote; it runs while the
// search index and the offline copy are made.
const pagefind = startPagefind(SITE_DIR);
pagefind.catch(() => {});
await timed('sitemap, robots.txt', () => writeHostingFiles(SITE_DIR));
const search = await timed('search index', () => runSearchIndex(SITE_DIR));
console.log(`build: search index of ${search.pages} pages, ${search.shards} shards (${(search.onlineBytes / 1e3).toFixed(0)} kB online, ${(search.offlineBytes / 1e3).toFixed(0)} kB search-index.js), client ${(search.clientBytes / 1e3).toFixed(1)} kB`);
const offline = await timed('offline copy', () => runOffline(SITE_DIR));
console.log(`build: offline copy in ${offline.dir}/ (${offline.files} files), zip ${(offline.zipBytes / 1e6).toFixed(2)} MB at ${offline.zip}`);
const { pages, seconds } = await timed('waiting for pagefind', () => pagefind);
await previousBuild;
console.log(`build: pagefind in ${seconds.toFixed(2)} s (alongside the sitemap, the search index and the offline copy)`);
console.log(`build: ${pages} pages indexed. View the site with "npm run preview" (http://127.0.0.1:4321/).`);

/** Moves `<staging>/data/` and `<staging>/feeds/` into `<siteDir>/` (one rename each: both are on the project's disk). */
function moveOpenData(staging: string, siteDir: string): void {
  for (const folder of ['data', FEEDS_DIR]) {
    const target = path.join(siteDir, folder);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(path.join(staging, folder), target);
  }
}
