/**
 * Child process of the build (scripts/steps/early-offline.ts): rewrites the offline copy's pages as Astro writes
 * them (early-rewrite.ts). It looks for new pages every POLL_MS, takes each once it has been left alone for
 * SETTLE_MS, reports what it did in batches, and on `stop` reports the rest and exits. The build runs it only
 * when a core is idle (runWhenIdle in scripts/steps/early-offline.ts).
 */
import { type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { EarlyRewriter, type EarlyJob, type EarlyPage } from './early-rewrite.ts';
import { listFiles } from './list-files.ts';
import { isExcluded, PAGEFIND_DIR } from './offline-files.ts';
import { siteFiles } from './site-urls.ts';

/** How often the site is looked at for new pages. */
const POLL_MS = 1000;
/** How long a page must have been left alone before it is read (Astro writes each page in one call). */
const SETTLE_MS = 250;
/** Pages reported at once. */
const BATCH = 64;

/** Messages from the build. */
export type EarlyCommand = { type: 'start'; job: EarlyJob } | { type: 'stop' };
/** Messages to the build. */
export type EarlyReport = { type: 'pages'; pages: EarlyPage[] } | { type: 'done' };

let stopping = false;
/** Ends the wait between two looks at the site (set while waiting). */
let wake = (): void => {};

/** The site's files as far as they are written, without Pagefind's (written beside, moved in later). */
function listSite(siteDir: string): string[] {
  try {
    return listFiles(siteDir, (folder) => folder === PAGEFIND_DIR);
  } catch {
    return []; // Astro has not made its folder yet.
  }
}

async function run(job: EarlyJob): Promise<void> {
  const rewriter = new EarlyRewriter(job);
  // Pages taken, or whose rewrite failed against the index of its time: each is looked at once.
  const done = new Set<string>();
  let batch: EarlyPage[] = [];
  const flush = () => {
    if (batch.length) send({ type: 'pages', pages: batch });
    batch = [];
  };
  while (!stopping) {
    const names = listSite(job.siteDir);
    const files = siteFiles(names);
    for (const file of names) {
      if (stopping) break;
      if (done.has(file) || !file.endsWith('.html') || isExcluded(file)) continue;
      let stat: Stats;
      try {
        stat = statSync(path.join(job.siteDir, file));
      } catch {
        continue;
      }
      if (!stat.isFile() || Date.now() - stat.mtimeMs < SETTLE_MS) continue;
      let page: ReturnType<EarlyRewriter['take']>;
      try {
        page = rewriter.take(file, stat, files);
      } catch {
        page = null; // E.g. the page was replaced meanwhile: the copy after Astro takes it as it is then.
      }
      if (page !== 'unfinished') done.add(file);
      if (page && page !== 'unfinished') {
        batch.push(page);
        if (batch.length >= BATCH) flush();
      }
      // Lets a `stop` in: the build waits for this process once Astro is done.
      await new Promise(setImmediate);
    }
    flush();
    if (!stopping)
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, POLL_MS);
      });
  }
  flush();
  send({ type: 'done' });
  process.disconnect?.();
}

function send(report: EarlyReport): void {
  process.send?.(report);
}

process.on('message', (command: EarlyCommand) => {
  if (command.type === 'start') {
    run(command.job).catch((error: unknown) => {
      console.error(`offline copy: the early rewrite of pages stopped: ${error instanceof Error ? error.message : String(error)}`);
      send({ type: 'done' });
      process.disconnect?.();
    });
  } else {
    stopping = true;
    wake();
  }
});
