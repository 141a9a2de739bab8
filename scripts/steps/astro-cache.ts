/**
 * Astro's incremental build record (astro.config.mjs, `experimental.incrementalBuild`): which pages Astro
 * rendered last time, with their cacheKey (src/lib/page-keys.ts), the hash of their route's code and of the
 * MDX entries they rendered. Astro keeps it with copies of the pages in its cacheDir. A clean build removes
 * the record, so Astro renders every page (and records them anew for the next build); after a build, the
 * two records say how many keyed pages were unchanged, and so copied rather than rendered.
 *
 * Astro overwrites a page's copy as soon as it renders it, but writes the record only at the end of a
 * build that succeeded: after a failed or killed build, the old record could name a copy that now holds
 * another key's page (a later build whose data went back to the old key would copy it). So each Astro run
 * leaves a mark that only its success removes, and a build that finds the mark forgets the record.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Astro's cacheDir (its default; astro.config.mjs does not move it) and the record in it. */
export const ASTRO_CACHE_DIR = path.join('node_modules', '.astro');
const RECORD_FILE = 'incremental-build.json';
/** Present while Astro runs (see the module comment). */
const RUNNING_MARK = 'policy-atlas-astro-running';

/** The part of Astro's record this module reads (Astro writes more; unknown keys are kept out). */
const RenderRecordSchema = z.object({
  configHash: z.string(),
  lockfileHash: z.string(),
  routes: z.record(
    z.string(),
    z.object({
      dependencyHash: z.string(),
      paths: z.record(z.string(), z.object({ cacheKey: z.string(), contentHashes: z.record(z.string(), z.string()).optional() })),
    }),
  ),
});
/** The pages Astro recorded, by route component and path. */
export type RenderRecord = z.infer<typeof RenderRecordSchema>;

/** The record of the last build, or null when there is none (or Astro changed its format). */
export function readRenderRecord(root = '.'): RenderRecord | null {
  const file = path.join(root, ASTRO_CACHE_DIR, RECORD_FILE);
  if (!fs.existsSync(file)) return null;
  const parsed = RenderRecordSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : null;
}

/** Removes the record, so the next Astro build renders every page (`--clean`); the copies are overwritten. */
export function forgetRenderedPages(root = '.'): void {
  fs.rmSync(path.join(root, ASTRO_CACHE_DIR, RECORD_FILE), { force: true });
}

/**
 * Call before Astro runs: forgets the record when `clean` or when the previous run did not finish (its
 * mark is still there), then marks this run. Returns the record Astro will read (null: it renders every page).
 */
export function startAstroRun(clean: boolean, root = '.'): RenderRecord | null {
  const mark = path.join(root, ASTRO_CACHE_DIR, RUNNING_MARK);
  if (clean || fs.existsSync(mark)) forgetRenderedPages(root);
  fs.mkdirSync(path.dirname(mark), { recursive: true });
  fs.writeFileSync(mark, `${process.pid}\n`);
  return readRenderRecord(root);
}

/** Call when Astro succeeded: its record and copies agree again. */
export function finishAstroRun(root = '.'): void {
  fs.rmSync(path.join(root, ASTRO_CACHE_DIR, RUNNING_MARK), { force: true });
}

/** How many keyed pages the build recorded, and how many of them it could copy (same key, code and entries). */
export function unchangedPages(before: RenderRecord | null, after: RenderRecord | null): { keyed: number; unchanged: number } {
  let keyed = 0;
  let unchanged = 0;
  // A changed config or lockfile makes Astro ignore the whole previous record.
  const usable = before?.configHash === after?.configHash && before?.lockfileHash === after?.lockfileHash;
  for (const [route, entry] of Object.entries(after?.routes ?? {})) {
    const previous = before?.routes[route];
    for (const [pathname, page] of Object.entries(entry.paths)) {
      keyed++;
      const old = previous?.paths[pathname];
      if (usable && previous?.dependencyHash === entry.dependencyHash && old?.cacheKey === page.cacheKey && sameHashes(old.contentHashes, page.contentHashes)) {
        unchanged++;
      }
    }
  }
  return { keyed, unchanged };
}

function sameHashes(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}
