/** Worker thread of page-workers.ts: rewrites its share of the pages and writes them into the copy. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { CopyWriter } from './copy-writer.ts';
import { OfflinePageCache } from './page-cache.ts';
import type { PageJob, PageJobResult } from './page-workers.ts';
import { rewritePage } from './rewrite-page.ts';
import { siteFiles } from './site-urls.ts';

const job = workerData as PageJob & { pages: string[] };
const files = siteFiles(job.fileList);
const out = new CopyWriter(job.outDir);
const cache = job.cache ? new OfflinePageCache(job.cache) : null;
const modules = new Set<string>();
for (const file of job.pages) {
  const html = readFileSync(path.join(job.siteDir, file), 'utf8');
  const key = cache?.key(file, html);
  const reused = key === undefined ? null : cache!.reuse(key, files, path.join(job.outDir, file));
  if (reused) {
    out.record(file, reused.size);
    for (const module of reused.modules) modules.add(module);
    continue;
  }
  // The page's own view of the file index records the site paths it looks up, for the cache.
  const asked = new Set<string>();
  const page = rewritePage(file, html, { site: job.site, files: { ...files, asked }, keepCanonical: job.keepCanonical });
  out.write(file, page.html);
  if (key !== undefined) cache!.store(key, page.html, page.modules, asked, files);
  for (const module of page.modules) modules.add(module);
}
const sizes: Array<[string, number]> = [...out.written].map((file) => [file, out.sizeOf(file)]);
const result: PageJobResult = { sizes, modules: [...modules], cacheUsed: cache?.used ?? [], reused: cache?.hits ?? 0 };
parentPort!.postMessage(result);
