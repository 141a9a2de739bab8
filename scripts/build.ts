/**
 * `npm run build`: Astro started → seeds/ → ingest → MDX pages (compare stage beside them, then relations) → Astro
 * renders (open data, feeds, Pagefind, the search index, then the offline pages beside it) → sitemap, offline
 * copy, all into .build/staging/, then published as dist/ and dist-offline/ (one rename each) once every step
 * succeeded.
 * A build that fails or is interrupted leaves the previous dist/ and dist-offline/ as they were.
 *
 * Astro runs in its own process, started before anything else, even before the rest of the build's code is
 * loaded (scripts/build-staged.ts; its imports took 0.4 s): Astro's own start-up, about 1.7 s before it reads
 * anything of ours, then overlaps the ingest and the MDX pages. Its content loaders wait for the MDX pages, its
 * pages for the site data and the compare stage's files (scripts/contract/pending-file.ts), which this build
 * writes anew.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { runAstroBuild } from './steps/astro-step.ts';
import { timed } from './steps/timed.ts';
import { startAstroRun } from './steps/astro-cache.ts';
import { clearPendingFiles, PENDING_FILES } from './steps/pending-files.ts';
import { OFFLINE_DIR, prepareStaging, publishStaged, SITE_DIR, STAGED_SITE, STAGING_DIR } from './steps/staging.ts';
import { stopBuild, stopOnSignals, type FailureNotice } from './steps/interrupt.ts';

// --clean: read no cache (each is written anew for the next build).
const { values: options } = parseArgs({ options: { clean: { type: 'boolean', default: false } } });

const notice: FailureNotice = { siteDir: SITE_DIR, hadSite: fs.existsSync(SITE_DIR), stagingDir: STAGING_DIR };
let published = false;
stopOnSignals(notice, () => published);
try {
  const trashCleared = prepareStaging();
  trashCleared.catch(() => {});
  clearPendingFiles();
  const rendered = startAstroRun(options.clean);
  const done = timed('astro', () => runAstroBuild(PENDING_FILES, options.clean));
  // Reported once, by the await in buildStaged, even if it fails while another step runs.
  done.catch(() => {});
  console.log(`build: astro started, writing ${STAGED_SITE}/`);
  const { buildStaged, pruneCaches, stepCaches } = await import('./build-staged.ts');
  const { readPublishedRecords, savePublishedRecords } = await import('./steps/published-records.ts');
  const caches = stepCaches(options.clean);
  const { records } = await buildStaged({ done, rendered }, trashCleared, caches, readPublishedRecords(options.clean));
  publishStaged();
  published = true;
  savePublishedRecords(records);
  pruneCaches(caches);
} catch (error) {
  await stopBuild(error, notice);
}
console.log(`build: done, published ${SITE_DIR}/ and ${OFFLINE_DIR}/. View the site with "npm run preview" (http://127.0.0.1:4321/).`);
