/**
 * A deterministic zip of a folder (fflate): entries in sorted order, one fixed
 * timestamp and no platform-dependent attributes, so the same folder always
 * gives the same bytes and two builds publish an identical download.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { byCodePoint, listFiles } from './list-files.ts';

/**
 * The entry timestamp, 2000-01-01 00:00. fflate writes DOS time from the
 * *local* date parts, so the date is built from local parts at zip time:
 * the bytes are the same in every time zone.
 */
export function zipMtime(): Date {
  return new Date(2000, 0, 1, 0, 0, 0);
}

// Formats that are already compressed: deflating them again only costs time.
const STORED = /\.(?:zip|gz|br|png|jpe?g|gif|webp|avif|woff2?|pagefind|pf_[a-z]+)$/i;

/** Zips the files of `dir` under the folder name `prefix` (so unzipping gives one folder). */
export function zipFolder(dir: string, prefix: string): Uint8Array {
  return zipFiles(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file))]), prefix);
}

/** Zips in-memory files (`[relative path, bytes]`) under `prefix/`, sorted, with {@link zipMtime}. */
export function zipFiles(files: ReadonlyArray<readonly [string, Uint8Array]>, prefix: string): Uint8Array {
  const entries: Zippable = {};
  const mtime = zipMtime();
  // A prefix keeps every key non-numeric, so object key order is insertion order.
  for (const [file, bytes] of [...files].sort(([a], [b]) => byCodePoint(a, b))) {
    entries[`${prefix}/${file}`] = [bytes, { level: STORED.test(file) ? 0 : 9, mtime, os: 3, attrs: 0o100644 << 16 }];
  }
  return zipSync(entries);
}
