/**
 * A cache of the offline copy's page rewrites, so that a build in which few pages changed does not tokenize
 * and rewrite every page again (at 2,000 documents the site's pages are about 800 MB of HTML). An entry is
 * keyed by the page's path and bytes and by what every rewrite depends on (the copy's code, the site's
 * address, whether canonical links are kept), and holds the digest of the page it was rewritten to, the
 * module scripts the page loads and the answers the site's file index gave it (the file each looked-up site
 * path resolved to). It is used only when the new index gives the same answers and still holds those
 * scripts, and when the staged copy of the page (a hard link to the published one) is still the file the
 * rewrite was written to (its stamp) or has exactly that digest; otherwise the page is rewritten. So a
 * reused page is byte for byte what rewriting it would give.
 */
import crypto from 'node:crypto';
import { existsSync, readFileSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { fileFor, type SiteFiles } from './site-urls.ts';
import { digestOf } from '../contract/digest.ts';
import { FileStampSchema, hasStamp, stampOf } from '../contract/file-stamp.ts';
import { putWholeFile } from '../contract/whole-file.ts';

/** One entry: what a page was rewritten to, and what of the site's file index the rewrite read. */
const PageEntrySchema = z.object({
  /** sha256 of the offline page. */
  out: z.string(),
  modules: z.array(z.string()),
  /** [site path, the file it resolved to]. */
  asked: z.array(z.tuple([z.string(), z.string()])),
  /**
   * The stamp of the offline page as written. The staged page is a hard link to the published one, and a
   * published file is replaced, never written into (scripts/contract/file-stamp.ts): while it has this stamp,
   * it holds the rewrite, without reading and hashing it (800 MB of pages at 2,000 documents).
   */
  stamp: FileStampSchema.optional(),
});
type PageEntry = z.infer<typeof PageEntrySchema>;

/**
 * Where the cache is and whether it is read, as a worker thread gets it. The build step owns the folder
 * (a StepCache of scripts/steps/cache.ts, which prunes what no thread used); this module only reads and
 * writes its entries, one file per key, written beside and renamed like the StepCache's.
 */
export interface PageCacheLocation {
  dir: string;
  /** False for a clean build, which still writes every entry. */
  read: boolean;
  /** A digest of what every page's rewrite depends on besides the page (code, site address, options). */
  salt: string;
  /** Entries this build stored before its copy (early-rewrite.ts): read even when `read` is false. */
  fresh?: readonly string[];
}

/** The page cache as one thread uses it; `used` are the keys it read or wrote (for pruning). */
export class OfflinePageCache {
  readonly #location: PageCacheLocation;
  readonly #fresh: ReadonlySet<string>;
  readonly used: string[] = [];
  hits = 0;

  constructor(location: PageCacheLocation) {
    this.#location = location;
    this.#fresh = new Set(location.fresh);
  }

  /** Whether an entry of `key` is there to be read. */
  has(key: string): boolean {
    return (this.#location.read || this.#fresh.has(key)) && existsSync(path.join(this.#location.dir, key));
  }

  /** The key of page `file` with bytes `html` (each part length-prefixed, so no two lists hash alike). */
  key(file: string, html: Uint8Array): string {
    const hash = crypto.createHash('sha256');
    for (const part of [this.#location.salt, file]) hash.update(`${Buffer.byteLength(part)}:`).update(part);
    return hash.update(`${html.byteLength}:`).update(html).digest('hex');
  }

  /**
   * The module scripts, size and digest of page `key` when its cached rewrite holds against `files` and the file
   * at `staged` is that rewrite; null when the page must be rewritten.
   */
  reuse(key: string, files: SiteFiles, staged: string): { modules: string[]; size: number; out: string } | null {
    const file = path.join(this.#location.dir, key);
    if (!this.has(key)) return null;
    const entry = PageEntrySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!entry.success) return null;
    const { out, modules, asked } = entry.data;
    if (!modules.every((m) => files.files.has(m)) || !asked.every(([sitePath, file]) => fileFor(sitePath, files) === file)) return null;
    let stat: Stats;
    try {
      stat = statSync(staged);
      if (!(entry.data.stamp && hasStamp(stat, entry.data.stamp)) && digestOf(readFileSync(staged)) !== out) return null;
    } catch {
      return null;
    }
    this.used.push(key);
    this.hits++;
    return { modules, size: stat.size, out };
  }

  /**
   * Records the rewrite of page `key`: its text, module scripts and the site paths it looked up in `files`;
   * `written` is the offline page the rewrite was written to.
   */
  store(key: string, html: string, modules: readonly string[], asked: ReadonlySet<string>, files: SiteFiles, written: string): void {
    const entry: PageEntry = {
      out: digestOf(html),
      modules: [...modules],
      asked: [...asked].sort().map((p) => [p, fileFor(p, files)]),
      stamp: stampOf(statSync(written)),
    };
    // Unchanged pages give the same entry as the last build's (their offline page was not rewritten, so its stamp
    // held): putWholeFile then leaves it in place.
    putWholeFile(path.join(this.#location.dir, key), JSON.stringify(entry), `${process.pid}.${process.hrtime.bigint()}`);
    this.used.push(key);
  }
}
