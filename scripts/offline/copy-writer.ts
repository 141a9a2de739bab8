/**
 * Writes the offline copy's files under its folder, remembering what it wrote
 * so that files of an earlier copy can be removed afterwards.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmdirSync, rmSync, type Stats, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from './list-files.ts';
import { holdsBytes } from '../contract/whole-file.ts';

/** Writes files under a folder, remembering what it wrote so files of an earlier copy can be removed. */
export class CopyWriter {
  readonly #sizes = new Map<string, number>();
  readonly #root: string;
  readonly #folders = new Set<string>();

  constructor(root: string) {
    this.#root = root;
  }

  write(file: string, data: string | Buffer): void {
    const target = this.#target(file);
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    // Rebuilds change few files; comparing is much cheaper than rewriting on slow (overlay) file systems.
    if (!holdsBytes(target, bytes)) replaceFile(target, bytes);
    this.#sizes.set(file, bytes.byteLength);
  }

  /**
   * Puts `source` in the copy as a hard link to it: the same bytes, none written. Both are files this
   * build wrote anew, and neither is written into afterwards (replaceFile unlinks first). On 2,000
   * documents (about 300 MB of open data and search index besides the pages), two interleaved runs
   * each: the copy took 11.0 and 10.6 s instead of 12.9 and 13.2 s, system time 3.1 s instead of 5.9–10.3 s.
   * Falls back to copying where the two folders are on different file systems.
   */
  copy(file: string, source: string): void {
    const target = this.#target(file);
    const from = statSync(source);
    let to: Stats | undefined;
    try {
      to = statSync(target);
    } catch {}
    if (!to || to.ino !== from.ino || to.dev !== from.dev) {
      rmSync(target, { force: true });
      linkOrCopy(source, target);
    }
    this.#sizes.set(file, from.size);
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

  /** Bytes written for `file` (0 when it was not written). */
  sizeOf(file: string): number {
    return this.#sizes.get(file) ?? 0;
  }

  /** Counts a file another writer (a worker thread) wrote under the same folder. */
  record(file: string, size: number): void {
    this.#sizes.set(file, size);
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

/**
 * Writes `bytes` as a new file at `target`, unlinking what was there first rather than writing into it:
 * the copy may start as hard links to the published copy (scripts/steps/staging.ts), which must not change.
 */
function replaceFile(target: string, bytes: Buffer): void {
  rmSync(target, { force: true });
  writeFileSync(target, bytes);
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

/**
 * Makes `target` a hard link to `source`, or a copy where a link cannot be made (the two on different file
 * systems, or one without hard links). Only for files nothing writes into afterwards: a link shares the bytes.
 */
export function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}
