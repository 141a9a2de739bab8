/**
 * Benchmark of the offline copy, for `npm run bench`: rebuilds the copy of an
 * already built site in a temporary folder (dist-offline/ is left alone),
 * zips it, and reports sizes by top-level folder against the 3 MB goal.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { offlineCopyOptions, ZIP_FOLDER } from '../steps/offline-step.ts';
import { listFiles } from '../offline/list-files.ts';
import { makeOfflineCopy } from '../offline/offline-copy.ts';
import { zipFolder } from '../offline/zip.ts';

/** The goal for the zip of the seeds site. */
export const OFFLINE_ZIP_GOAL_BYTES = 3_000_000;

/** Figures of one run. */
export interface OfflineBench {
  pages: number;
  files: number;
  /** Bytes of the unzipped copy. */
  folderBytes: number;
  zipBytes: number;
  goalBytes: number;
  withinGoal: boolean;
  /** Seconds to write the copy and to zip it. */
  copySeconds: number;
  zipSeconds: number;
  /** Unzipped bytes per top-level folder or file, largest first ("docs", "search-index", …). */
  byFolder: Array<{ name: string; bytes: number }>;
}

/** Measures the offline copy of `siteDir` (default dist/, which must be built). */
export async function benchOffline(siteDir = 'dist'): Promise<OfflineBench> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'policy-atlas-offline-bench-'));
  try {
    let start = performance.now();
    const copy = await makeOfflineCopy(offlineCopyOptions(siteDir, outDir));
    const copySeconds = (performance.now() - start) / 1000;
    start = performance.now();
    const zipBytes = (await zipFolder(outDir, ZIP_FOLDER)).byteLength;
    const zipSeconds = (performance.now() - start) / 1000;
    const sizes = new Map<string, number>();
    let folderBytes = 0;
    for (const file of listFiles(outDir)) {
      const bytes = statSync(path.join(outDir, file)).size;
      folderBytes += bytes;
      const name = file.split('/')[0]!;
      sizes.set(name, (sizes.get(name) ?? 0) + bytes);
    }
    return {
      pages: copy.pages,
      files: copy.files,
      folderBytes,
      zipBytes,
      goalBytes: OFFLINE_ZIP_GOAL_BYTES,
      withinGoal: zipBytes < OFFLINE_ZIP_GOAL_BYTES,
      copySeconds,
      zipSeconds,
      byFolder: [...sizes].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** One line per figure, for the bench report. */
export function formatOfflineBench(bench: OfflineBench): string {
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
  return [
    `offline copy: ${bench.pages} pages, ${bench.files} files, ${mb(bench.folderBytes)} unzipped`,
    `offline zip: ${mb(bench.zipBytes)} (goal < ${mb(bench.goalBytes)}: ${bench.withinGoal ? 'met' : 'MISSED'})`,
    `offline time: copy ${bench.copySeconds.toFixed(2)} s, zip ${bench.zipSeconds.toFixed(2)} s`,
    `offline by folder: ${bench.byFolder
      .slice(0, 6)
      .map(({ name, bytes }) => `${name} ${mb(bytes)}`)
      .join(', ')}`,
  ].join('\n');
}

if (import.meta.main) console.log(formatOfflineBench(await benchOffline(process.argv[2])));
