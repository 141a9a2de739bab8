/**
 * Builds the offline copy: the built site rewritten to open from disk
 * (file://) with no server and no network. HTML goes through offlinePage (offline-page.ts),
 * CSS url()s are made relative, module scripts become classic bundles, and
 * what cannot work offline is left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleClassicScripts } from './classic-scripts.ts';
import { CopyWriter } from './copy-writer.ts';
import { rewriteCssUrls } from './css-urls.ts';
import { BANNER_STYLESHEET, isExcluded, PAGEFIND_DIR } from './offline-files.ts';
import { type PageWorkerPool, rewritePagesInWorkers } from './page-workers.ts';
import { offlineUrl, siteFiles, type SiteLocation } from './site-urls.ts';
import { listFiles } from './list-files.ts';
import type { PageCacheLocation } from './page-cache.ts';
import type { DeflatedEntry } from './zip.ts';
import type { EarlyPages } from './early-rewrite.ts';

export { BANNER_STYLESHEET, isExcluded, PAGEFIND_DIR } from './offline-files.ts';
export { siteFiles } from './site-urls.ts';

/** Options for {@link makeOfflineCopy}. */
export interface OfflineCopyOptions {
  /** The built site, e.g. `dist`. */
  siteDir: string;
  /** Where the copy goes; files of an earlier copy that are no longer part of it are deleted. */
  outDir: string;
  site: SiteLocation;
  /** Keep canonical links to the hosted site (false when SITE_URL is only a local preview). */
  keepCanonical: boolean;
  /** The cache of page rewrites (page-cache.ts); none: every page is rewritten. */
  pageCache?: PageCacheLocation;
  /**
   * Make each page's zip entry on the page workers, for a zip of the copy made next (`deflatedPages`). Pages
   * are most of the copy's bytes; deflated there, two at a time while the pages are rewritten, the zip only
   * writes them out.
   */
  deflatePages?: boolean;
  /** Page workers started earlier (page-workers.ts); without, the copy starts its own. */
  workers?: PageWorkerPool;
  /** What the early rewrite of pages did (early-rewrite.ts), with `pageCache` (which holds its rewrites). */
  early?: EarlyPages;
}

/** What was written. */
export interface OfflineCopyResult {
  files: number;
  bytes: number;
  pages: number;
  /** Module scripts turned into classic scripts. */
  scripts: number;
  /** Pages taken from the page cache rather than rewritten. */
  reusedPages: number;
  /** The page cache's entries this copy read or wrote (the others can be pruned). */
  pageCacheUsed: string[];
  /** With `deflatePages`: each page's zip entry, by its path in the copy; empty otherwise. */
  deflatedPages: Map<string, DeflatedEntry>;
}

/** The banner's look, in the site's palette; it follows dark mode and is not printed. */
export const BANNER_CSS = `.offline-banner{padding:.4rem 1rem;background:#fff4d6;color:#3d2e00;border-bottom:1px solid #e0c36a;font-size:.9rem;text-align:center}
.offline-banner p{margin:0}
.offline-banner a{color:inherit}
@media (prefers-color-scheme:dark){.offline-banner{background:#3a3016;color:#f5e6b8;border-color:#6b5a26}}
@media print{.offline-banner{display:none}}
`;

/** How to open the copy, next to index.html. */
export const README_TEXT = `政策图谱 · 离线版

用法：解压后，双击本文件夹里的 index.html，即可在浏览器（Chrome、Edge、Firefox、Safari）中阅读，无需联网，也无需安装任何软件。
全部页面、条目链接、概念与部门页面、文件对比和站内搜索都可离线使用。

Policy Atlas, offline copy: unzip, then open index.html in a browser. No network or server needed.
`;

/** Writes the offline copy of `siteDir` to `outDir`. */
export async function makeOfflineCopy(options: OfflineCopyOptions): Promise<OfflineCopyResult> {
  const { siteDir, outDir, site } = options;
  if (!existsSync(path.join(siteDir, 'index.html'))) {
    throw new Error(`offline copy: ${siteDir}/index.html is missing, so ${siteDir}/ is not a built site; build it first (npm run build)`);
  }
  // pagefind/ is left out, and not even listed: Pagefind may still be writing it while the copy is made.
  const all = listFiles(siteDir, (folder) => folder === PAGEFIND_DIR);
  const files = siteFiles(all);
  const kept = all.filter((file) => !isExcluded(file));
  const out = new CopyWriter(outDir);

  // Pages are rewritten by worker threads (parse, rewrite, serialise: most of the step's
  // time), each writing its pages; this thread copies the other files meanwhile. Each
  // module script keeps its file name and gets classic content once all pages are done.
  const pageFiles = kept.filter((file) => file.endsWith('.html'));
  const rewritten = rewritePagesInWorkers(
    {
      siteDir,
      outDir,
      site,
      fileList: all,
      keepCanonical: options.keepCanonical,
      cache: options.pageCache,
      deflate: options.deflatePages ?? false,
      known: options.early && [...options.early.known].map(([file, { key, stamp }]) => ({ file, key, stamp })),
    },
    pageFiles,
    options.workers,
  );
  rewritten.catch(() => {}); // reported by the await below
  for (const file of kept) {
    const source = path.join(siteDir, file);
    if (file.endsWith('.html')) continue;
    if (file.endsWith('.css')) {
      out.write(
        file,
        rewriteCssUrls(readFileSync(source, 'utf8'), file, (url) => offlineUrl(url, file, site, files)),
      );
    } else {
      out.copy(file, source);
    }
  }
  const modules = new Set<string>();
  let reusedPages = 0;
  const pageCacheUsed: string[] = [];
  const deflatedPages = new Map<string, DeflatedEntry>();
  for (const result of await rewritten) {
    for (const [file, entry] of result.deflated) deflatedPages.set(file, entry);
    // A page reused from a rewrite made early has the bytes that rewrite was deflated from, if the digests agree.
    for (const [file, digest] of result.reusedDigests) {
      const entry = options.early?.deflated.get(file);
      if (options.deflatePages && entry?.sha === digest) deflatedPages.set(file, entry);
    }
    for (const [file, size] of result.sizes) out.record(file, size);
    for (const module of result.modules) modules.add(module);
    reusedPages += result.reused;
    pageCacheUsed.push(...result.cacheUsed);
  }
  const pages = pageFiles.length;
  for (const script of await bundleClassicScripts(siteDir, [...modules].sort(), site)) out.write(script.file, script.code);
  out.write(BANNER_STYLESHEET, BANNER_CSS);
  out.write('README.txt', README_TEXT);
  out.removeStale();
  return { files: out.written.size, bytes: out.bytes, pages, scripts: modules.size, reusedPages, pageCacheUsed, deflatedPages };
}
