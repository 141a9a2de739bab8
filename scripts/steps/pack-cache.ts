/**
 * A step cache kept as one file, for steps with thousands of small entries: `.build/cache/<step>.pack` holds
 * every entry a build used, then an index of them, then the index's offset. A build reads the previous pack
 * whole, and writes a new one as it goes, with the entries it read and the entries it made; the new pack
 * replaces the old one (one rename) only when the step finishes, so it holds one build's worth, as the
 * StepCache's folders do after pruning, and a killed build leaves the previous pack as it was.
 *
 * Why not one file per entry (cache.ts): creating a file is what costs on this machine's file system while a
 * build deletes the previous one's trash. The compiled MDX pages (2,096 entries, 108 MB at 2,019 documents)
 * and the search postings (2,786 entries, 76 MB) as files made clean builds slower in three interleaved
 * pairs: Astro 106.9, 112.3 and 114.5 s before, 116.4, 123.1 and 132.1 s after, the search index step
 * 19.7, 22.2 and 17.5 s before, 23.3, 22.8 and 27.4 s after. As two packs, one pair: the whole build 148.6 s
 * before, 146.5 s after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_DIR } from './cache.ts';

/** The index at the end of a pack: each key's offset and length in the file. */
type PackIndex = Record<string, [number, number]>;

/** One step's cache in a pack file; see the module comment. */
export class PackCache {
  /** The cache folder, and the pack file in it. */
  readonly dir: string;
  readonly file: string;
  readonly #old: Buffer | null;
  readonly #index: PackIndex;
  readonly #partial: string;
  #fd: number | null = null;
  #written = 0;
  readonly #newIndex: PackIndex = {};
  hits = 0;
  misses = 0;

  /** `read`: false for a clean build, which still writes a new pack for the next build. */
  constructor(step: string, read: boolean, cacheDir = CACHE_DIR) {
    this.dir = cacheDir;
    this.file = path.join(cacheDir, `${step}.pack`);
    this.#partial = `${this.file}.${process.pid}.partial`;
    fs.mkdirSync(cacheDir, { recursive: true });
    // New packs of builds that were killed.
    for (const name of fs.readdirSync(cacheDir)) {
      if (name.startsWith(`${step}.pack.`) && name.endsWith('.partial')) fs.rmSync(path.join(cacheDir, name), { force: true });
    }
    const old = read ? readPack(this.file) : null;
    this.#old = old?.bytes ?? null;
    this.#index = old?.index ?? {};
  }

  /**
   * The entry of `key` from the previous pack (kept for the next build), or undefined; an entry `usable`
   * rejects (one that names a file no longer there, say) counts as missing and is not kept.
   */
  get(key: string, usable: (bytes: Buffer) => boolean = () => true): Buffer | undefined {
    const at = Object.hasOwn(this.#index, key) ? this.#index[key] : undefined;
    const bytes = at && this.#old ? this.#old.subarray(at[0], at[0] + at[1]) : undefined;
    if (!bytes || !usable(bytes)) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Two pages alike read the same entry: it goes into the new pack once.
    if (!Object.hasOwn(this.#newIndex, key)) this.set(key, bytes);
    return bytes;
  }

  /**
   * Adds `bytes` under `key` to the new pack; a key set again (an entry read, found unusable and made anew)
   * points at its last bytes.
   */
  set(key: string, bytes: string | Uint8Array): void {
    const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    this.#fd ??= fs.openSync(this.#partial, 'w');
    fs.writeSync(this.#fd, data, 0, data.byteLength, this.#written);
    this.#newIndex[key] = [this.#written, data.byteLength];
    this.#written += data.byteLength;
  }

  /**
   * Writes the index and puts the new pack, which holds only the entries this build read or made, in place
   * of the old one (no pack when there were none).
   */
  prune(): void {
    if (this.#fd === null) {
      fs.rmSync(this.file, { force: true });
      return;
    }
    const index = Buffer.from(JSON.stringify(this.#newIndex));
    const trailer = Buffer.alloc(8);
    trailer.writeDoubleLE(this.#written);
    fs.writeSync(this.#fd, index, 0, index.byteLength, this.#written);
    fs.writeSync(this.#fd, trailer, 0, 8, this.#written + index.byteLength);
    fs.closeSync(this.#fd);
    this.#fd = null;
    fs.renameSync(this.#partial, this.file);
  }

  /** "12 of 19 from the cache". */
  summary(): string {
    return `${this.hits} of ${this.hits + this.misses} from the cache`;
  }
}

/** The pack at `file` with its index, or null when there is none or it is not a whole pack. */
function readPack(file: string): { bytes: Buffer; index: PackIndex } | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  if (bytes.byteLength < 8) return null;
  const start = bytes.readDoubleLE(bytes.byteLength - 8);
  if (!Number.isInteger(start) || start < 0 || start > bytes.byteLength - 8) return null;
  try {
    const index = JSON.parse(bytes.toString('utf8', start, bytes.byteLength - 8)) as unknown;
    if (typeof index !== 'object' || index === null || Array.isArray(index)) return null;
    for (const at of Object.values(index)) {
      if (!Array.isArray(at) || at.length !== 2 || !at.every(Number.isInteger) || at[0] < 0 || at[1] < 0 || at[0] + at[1] > start) return null;
    }
    return { bytes, index: index as PackIndex };
  } catch {
    return null;
  }
}
