/**
 * Writes the offline copy's files under its folder, remembering what it wrote
 * so that files of an earlier copy can be removed afterwards.
 */
import { mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from './list-files.ts';

/** Writes files under a folder, remembering what it wrote so files of an earlier copy can be removed. */
export class CopyWriter {
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
    if (!sameContent(target, bytes)) replaceFile(target, bytes);
    this.#sizes.set(file, bytes.byteLength);
  }

  copy(file: string, source: string): void {
    const target = this.#target(file);
    const bytes = readFileSync(source);
    if (!sameContent(target, bytes)) replaceFile(target, bytes);
    this.#sizes.set(file, bytes.byteLength);
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
