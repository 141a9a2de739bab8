/**
 * Caches of the build's own steps, keyed by content hash, under .build/cache/<step>/ (git-ignored).
 * A key covers the input's bytes and a fingerprint of what the step's output depends on besides:
 * its code, the curated data it reads and the installed dependencies (package-lock.json), so a
 * changed parser, glossary or dependency misses the cache by construction. `npm run build -- --clean`
 * reads no cache (and writes fresh ones). After a build, entries it did not use are removed, so a
 * cache holds one build's worth of entries.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { BUILD_DIR } from './staging.ts';
import { putWholeFile } from '../contract/whole-file.ts';

/** Where the caches live. */
export const CACHE_DIR = path.join(BUILD_DIR, 'cache');

/** The sha256 of `parts`, each length-prefixed so that no two different lists hash alike. */
export function contentKey(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = crypto.createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    hash.update(`${bytes.byteLength}:`).update(bytes);
  }
  return hash.digest('hex');
}

/**
 * A fingerprint of every file under `roots` (files or folders; path and bytes), of package-lock.json
 * (the exact dependency versions) and of the Node version, relative to `projectDir`.
 */
export function codeFingerprint(roots: readonly string[], projectDir = '.'): string {
  const parts: Array<string | Uint8Array> = [process.version];
  for (const root of [...roots, 'package-lock.json']) {
    for (const file of filesUnder(path.join(projectDir, root))) parts.push(path.relative(projectDir, file), fs.readFileSync(file));
  }
  return contentKey(...parts);
}

/** Every file under `root` (itself when it is a file), sorted; none when it does not exist. */
function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  if (fs.statSync(root).isFile()) return [root];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** One step's cache: entries by key, read only when the build may use caches. */
export class StepCache {
  readonly dir: string;
  readonly #read: boolean;
  readonly #used = new Set<string>();
  hits = 0;
  misses = 0;

  /** `read`: false for a clean build, which still writes every entry for the next build. */
  constructor(step: string, read: boolean, cacheDir = CACHE_DIR) {
    this.dir = path.join(cacheDir, step);
    this.#read = read;
    fs.mkdirSync(this.dir, { recursive: true });
  }

  /** The entry of `key`, or undefined (a miss, or a clean build). */
  get(key: string): Buffer | undefined {
    const file = path.join(this.dir, key);
    if (this.#read && fs.existsSync(file)) {
      this.#used.add(key);
      this.hits++;
      return fs.readFileSync(file);
    }
    this.misses++;
    return undefined;
  }

  /**
   * The entry of `key` read as JSON through `schema`, or undefined: a miss, a clean build, or an entry that is
   * not what the schema says (written by other code, or cut), which the caller then makes anew.
   */
  getJson<S extends z.ZodType>(key: string, schema: S): z.infer<S> | undefined {
    const bytes = this.get(key);
    if (!bytes) return undefined;
    try {
      const parsed = schema.safeParse(JSON.parse(bytes.toString('utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Stores `bytes` under `key` (written beside, then renamed: a killed build never leaves half an entry); an
   * entry that already holds these bytes, as most do in a clean build, is left as it is (whole-file.ts).
   */
  set(key: string, bytes: string | Uint8Array): void {
    putWholeFile(path.join(this.dir, key), bytes);
    this.#used.add(key);
  }

  /** Whether entries are read (false for a clean build). */
  get reads(): boolean {
    return this.#read;
  }

  /** Marks entries another instance of this cache used (a worker thread's), so that pruning keeps them. */
  keep(keys: Iterable<string>): void {
    for (const key of keys) this.#used.add(key);
  }

  /** Removes every entry this build neither read nor wrote. */
  prune(): void {
    for (const name of fs.readdirSync(this.dir)) if (!this.#used.has(name)) fs.rmSync(path.join(this.dir, name), { force: true });
  }

  /** "12 of 19 from the cache". */
  summary(): string {
    return `${this.hits} of ${this.hits + this.misses} from the cache`;
  }
}
