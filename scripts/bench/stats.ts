/** Small figures helpers for the benchmark: medians, growth rates, sizes and units. */
import fs from 'node:fs';
import path from 'node:path';

/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * How much a time grows each time the input doubles, from two measurements:
 * (t2 / t1) ^ (1 / log2(n2 / n1)). Linear growth gives 2.0.
 */
export function growthPerDoubling(n1: number, t1: number, n2: number, t2: number): number {
  if (n1 <= 0 || n2 <= n1 || t1 <= 0) throw new Error(`growth needs 0 < n1 < n2 and t1 > 0 (got ${n1}, ${n2}, ${t1})`);
  return (t2 / t1) ** (1 / Math.log2(n2 / n1));
}

/** Bytes and file count of every file under `dir` whose name passes `keep` (0 when `dir` does not exist). */
export function folderSize(dir: string, keep: (name: string) => boolean = () => true): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!fs.existsSync(dir)) return { bytes, files };
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !keep(entry.name)) continue;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}

/** "12.3 KB" (1 KB = 1024 bytes, as browsers' devtools count). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** "4.56 MB" (1 MB = 10^6 bytes, as disk sizes are usually given). */
export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

/** "12.3 s". */
export function seconds(s: number): string {
  return `${s.toFixed(1)} s`;
}

/** "met" or "MISSED", for goal columns. */
export function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}
