/**
 * One page of the offline copy rewritten and written, and its rewrite stored in the page cache: what the page
 * workers (page-worker.ts) do for a page the cache cannot give them, and the early rewrite (early-rewrite.ts)
 * for a page Astro has just written.
 */
import path from 'node:path';
import type { CopyWriter } from './copy-writer.ts';
import type { OfflinePageCache } from './page-cache.ts';
import { type PageRewriteContext, rewritePage } from './rewrite-page.ts';

/** Rewrites page `file` (`bytes`, as the site has it) into `out` under `outDir`; with `cached`, stores the rewrite under its key. */
export function writeRewrittenPage(
  file: string,
  bytes: Buffer,
  context: PageRewriteContext,
  out: CopyWriter,
  outDir: string,
  cached?: { cache: OfflinePageCache; key: string },
): { bytes: Buffer; modules: string[] } {
  // The page's own view of the file index records the site paths it looks up, for the cache.
  const asked = new Set<string>();
  const page = rewritePage(file, bytes.toString('utf8'), { ...context, files: { ...context.files, asked } });
  const rewritten = Buffer.from(page.html);
  out.write(file, rewritten);
  cached?.cache.store(cached.key, page.html, page.modules, asked, context.files, path.join(outDir, file));
  return { bytes: rewritten, modules: page.modules };
}
