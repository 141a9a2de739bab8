/**
 * Builds the offline copy: the built site rewritten to open from disk
 * (file://) with no server and no network. HTML goes through rehypeOffline,
 * CSS url()s are made relative, module scripts become classic bundles, and
 * what cannot work offline is left out.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { parseHtml } from '../lib/parse-html.ts';
import { bundleClassicScripts } from './classic-scripts.ts';
import { rewriteCssUrls } from './css-urls.ts';
import { rehypeOffline } from './rehype-offline.ts';
import { offlineUrl, type SiteFiles, type SiteLocation } from './site-urls.ts';
import { listFiles } from './list-files.ts';

/** Options for {@link makeOfflineCopy}. */
export interface OfflineCopyOptions {
  /** The built site, e.g. `dist`. */
  siteDir: string;
  /** Where the copy goes; files of an earlier copy that are no longer part of it are deleted. */
  outDir: string;
  site: SiteLocation;
  /** Keep canonical links to the hosted site (false when SITE_URL is only a local preview). */
  keepCanonical: boolean;
}

/** What was written. */
export interface OfflineCopyResult {
  files: number;
  bytes: number;
  pages: number;
  /** Module scripts turned into classic scripts. */
  scripts: number;
}

/** Pagefind's folder in the site. */
export const PAGEFIND_DIR = 'pagefind';

/**
 * Site files that cannot work, or mean nothing, in a copy on disk: Pagefind
 * and the online search shards (module JS, fetch and WebAssembly are all
 * blocked for origin null; offline, search reads search-index.js instead),
 * the zip of this very copy, crawler and host files, and the host's 404 page.
 * Also the per-document JSON downloads (data/docs/): open data for reuse, not
 * for reading, and a third of the copy in a large corpus; the copy's
 * "下载数据" buttons go to the hosted site. documents.json and tasks.csv stay.
 */
export function isExcluded(file: string): boolean {
  return /^(?:pagefind|search-data|offline|data\/docs)\//.test(file) || ['sitemap.xml', 'robots.txt', '404.html', '.nojekyll', '_headers', '_redirects'].includes(file);
}

// Written the way Astro writes pages (<!DOCTYPE html>, `popover` without ="") so the copy passes the same HTML checks.
const SERIALISE = { upperDoctype: true, collapseEmptyAttributes: true } as const;

/** Site file of the banner stylesheet the rewrite links from every page. */
export const BANNER_STYLESHEET = 'offline.css';

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

  // One page at a time (parse, rewrite, write) keeps memory flat. Each module
  // script keeps its file name and gets classic content once all pages are done.
  const modules = new Set<string>();
  const classicScript = (file: string, page: string): string => {
    if (!files.files.has(file)) {
      throw new Error(`offline copy: ${page} loads the module script ${file}, which is not a file of the site; fix its <script src> (paths.ts gives site URLs)`);
    }
    modules.add(file);
    return file;
  };
  let pages = 0;
  for (const file of kept) {
    const source = path.join(siteDir, file);
    if (file.endsWith('.html')) {
      const tree = parseHtml(readFileSync(source, 'utf8'));
      rehypeOffline({ file, site, files, classicScript, isExcluded, keepCanonical: options.keepCanonical, bannerStylesheet: BANNER_STYLESHEET })(tree);
      out.write(file, toHtml(tree, SERIALISE));
      pages++;
    } else if (file.endsWith('.css')) {
      out.write(file, rewriteCssUrls(readFileSync(source, 'utf8'), file, (url) => offlineUrl(url, file, site, files)));
    } else {
      out.copy(file, source);
    }
  }
  for (const script of await bundleClassicScripts(siteDir, [...modules].sort(), site)) out.write(script.file, script.code);
  out.write(BANNER_STYLESHEET, BANNER_CSS);
  out.write('README.txt', README_TEXT);
  out.removeStale();
  return { files: out.written.size, bytes: out.bytes, pages, scripts: modules.size };
}

/** Writes files under a folder, remembering what it wrote so files of an earlier copy can be removed. */
class CopyWriter {
  readonly #sizes = new Map<string, number>();
  readonly #root: string;
  readonly #folders = new Set<string>();

  constructor(root: string) {
    this.#root = root;
  }

  write(file: string, data: string): void {
    const target = this.#target(file);
    const bytes = Buffer.from(data);
    // Rebuilds change few files; comparing is much cheaper than rewriting on slow (overlay) file systems.
    if (!sameContent(target, bytes)) writeFileSync(target, bytes);
    this.#sizes.set(file, bytes.byteLength);
  }

  copy(file: string, source: string): void {
    copyFileSync(source, this.#target(file));
    this.#sizes.set(file, statSync(source).size);
  }

  /** Files written so far (a file written twice counts once, at its last size). */
  get written(): ReadonlySet<string> {
    return new Set(this.#sizes.keys());
  }

  get bytes(): number {
    let total = 0;
    for (const size of this.#sizes.values()) total += size;
    return total;
  }

  /** Deletes files of an earlier copy that this one did not write. */
  removeStale(): void {
    removeStale(this.#root, this.written);
  }

  #target(file: string): string {
    const target = path.join(this.#root, file);
    const folder = path.dirname(target);
    if (!this.#folders.has(folder)) mkdirSync(folder, { recursive: true });
    this.#folders.add(folder);
    return target;
  }
}

function sameContent(file: string, bytes: Buffer): boolean {
  try {
    return statSync(file).size === bytes.byteLength && readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}

/**
 * Deletes files of an earlier copy that this one did not write (and folders
 * left empty). Files are overwritten in place rather than the folder being
 * emptied first: deleting hundreds of files costs more than the copy itself.
 */
function removeStale(outDir: string, written: ReadonlySet<string>): void {
  for (const file of listFiles(outDir)) {
    if (written.has(file)) continue;
    rmSync(path.join(outDir, file));
    for (let dir = path.dirname(file); dir !== '.'; dir = path.dirname(dir)) {
      if (readdirSync(path.join(outDir, dir)).length > 0) break;
      rmdirSync(path.join(outDir, dir));
    }
  }
}

/** The file and folder index of a site's file list. */
export function siteFiles(list: readonly string[]): SiteFiles {
  const dirs = new Set<string>(['']);
  for (const file of list) {
    for (let at = file.indexOf('/'); at !== -1; at = file.indexOf('/', at + 1)) dirs.add(file.slice(0, at));
  }
  return { files: new Set(list), dirs };
}
