/** Worker thread of page-workers.ts: rewrites pages, taking the next one as long as there are any, and writes them into the copy. */
import { readFileSync, statSync } from 'node:fs';
import { hasStamp } from '../contract/file-stamp.ts';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { CopyWriter } from './copy-writer.ts';
import { OfflinePageCache } from './page-cache.ts';
import type { PageJobResult, PageWorkerData } from './page-workers.ts';
import { writeRewrittenPage } from './write-page.ts';
import { siteFiles } from './site-urls.ts';
import { deflateEntry } from './zip.ts';

/** Rewrites pages of `job` until none is left, then reports to the parent. */
function run(job: PageWorkerData): void {
  const files = siteFiles(job.fileList);
  const out = new CopyWriter(job.outDir);
  const cache = job.cache ? new OfflinePageCache(job.cache) : null;
  const modules = new Set<string>();
  const deflated: PageJobResult['deflated'] = [];
  const reusedDigests: PageJobResult['reusedDigests'] = [];
  const known = new Map(job.known?.map((page) => [page.file, page]));
  for (let i = Atomics.add(job.next, 0, 1); i < job.pages.length; i = Atomics.add(job.next, 0, 1)) {
    const file = job.pages[i];
    const source = path.join(job.siteDir, file);
    // Bytes, not text: most pages are reused from the cache, and their key hashes the bytes; decoding every
    // page (800 MB at 2,000 documents) only for the hash to encode it again cost both workers' time. A page the
    // early rewrite read is not read again while it is the same file (its stamp).
    const early = known.get(file);
    let bytes: Buffer | undefined;
    let key: string | undefined;
    if (cache && early && hasStamp(statSync(source, { throwIfNoEntry: false }), early.stamp)) key = early.key;
    else if (cache) key = cache.key(file, (bytes = readFileSync(source)));
    const reused = key === undefined ? null : cache!.reuse(key, files, path.join(job.outDir, file));
    if (reused) {
      out.record(file, reused.size);
      reusedDigests.push([file, reused.out]);
      for (const module of reused.modules) modules.add(module);
      // Not deflated here: a page the previous build rewrote alike is most likely in the previous zip too, whose
      // entry the zip copies (scripts/offline/zip.ts); without one, the zip deflates it.
      continue;
    }
    bytes ??= readFileSync(source);
    const context = { site: job.site, files, keepCanonical: job.keepCanonical };
    const page = writeRewrittenPage(file, bytes, context, out, job.outDir, cache && key !== undefined ? { cache, key } : undefined);
    if (job.deflate) deflated.push([file, deflateEntry(page.bytes)]);
    for (const module of page.modules) modules.add(module);
  }
  const sizes: Array<[string, number]> = [...out.written].map((file) => [file, out.sizeOf(file)]);
  const result: PageJobResult = { sizes, modules: [...modules], cacheUsed: cache?.used ?? [], reused: cache?.hits ?? 0, deflated, reusedDigests };
  parentPort!.postMessage(result);
}

// Started with its job, or started early (PageWorkerPool) and sent it once the site is built.
if (workerData) run(workerData as PageWorkerData);
else parentPort!.once('message', (job: PageWorkerData) => run(job));
