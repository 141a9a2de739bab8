/** Worker thread of page-workers.ts: rewrites its share of the pages and writes them into the copy. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { CopyWriter } from './copy-writer.ts';
import type { PageJob, PageJobResult } from './page-workers.ts';
import { rewritePage } from './rewrite-page.ts';
import { siteFiles } from './site-urls.ts';

const job = workerData as PageJob & { pages: string[] };
const context = { site: job.site, files: siteFiles(job.fileList), keepCanonical: job.keepCanonical };
const out = new CopyWriter(job.outDir);
const modules = new Set<string>();
for (const file of job.pages) {
  const page = rewritePage(file, readFileSync(path.join(job.siteDir, file), 'utf8'), context);
  out.write(file, page.html);
  for (const module of page.modules) modules.add(module);
}
const sizes: Array<[string, number]> = [...out.written].map((file) => [file, out.sizeOf(file)]);
const result: PageJobResult = { sizes, modules: [...modules] };
parentPort!.postMessage(result);
