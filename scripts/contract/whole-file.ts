/**
 * Cache entries put in place whole, and left alone when they already hold the same bytes.
 *
 * Why the check: a clean build (`--clean`) reads no cache but writes every entry again, and most are the
 * bytes already there. Renaming a new file over an existing one is slow on ext4, which allocates and starts
 * writing the new file's blocks at once in that case (its replace-by-rename safeguard) and frees the old inode
 * (which makes later file creation slower: README, "Creating files"). A profile of a clean build at 2,019
 * documents put 10.5 s of the build's main thread, 6.1 s of the early offline rewrite and 1.8 s of each page
 * worker in such renames (the ingest, document page, open data and offline page caches); a first build, which
 * replaces nothing, spent 0.2 s in them.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';

/**
 * Puts `data` at `file`, written beside it first (`<file>.<tag>.partial`, then renamed, so a killed build never
 * leaves half an entry) unless `file` already holds exactly these bytes. `tag` keeps writers in different
 * processes or threads apart. Returns whether it wrote.
 */
export function putWholeFile(file: string, data: string | Uint8Array, tag: string = String(process.pid)): boolean {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  if (holdsBytes(file, bytes)) return false;
  const partial = `${file}.${tag}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  return true;
}

/** Whether `file` exists and holds exactly `bytes` (its size is looked at first). */
export function holdsBytes(file: string, bytes: Uint8Array): boolean {
  if (statSync(file, { throwIfNoEntry: false })?.size !== bytes.byteLength) return false;
  return readFileSync(file).equals(bytes);
}
