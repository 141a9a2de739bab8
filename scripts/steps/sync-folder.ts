/**
 * Writes a folder of generated files so that it ends up holding exactly `files`, touching only what
 * changed: a file whose bytes are the same keeps its modification time (Astro's content store and
 * Vite then see it as unchanged), and files no longer generated are removed.
 */
import fs from 'node:fs';
import path from 'node:path';

/** What {@link syncFolder} did. */
export interface SyncResult {
  written: number;
  unchanged: number;
  removed: number;
}

/**
 * Makes `dir` hold exactly `files` (name → text), writing only files whose content differs. With
 * `namedByContent` each name holds a digest of its text, so a file of that name and size already there is
 * taken as the same without reading it (comparing the 4,800 texts of 2,019 documents' site data read 170 MB).
 */
export function syncFolder(dir: string, files: Iterable<readonly [name: string, text: string]>, namedByContent = false): SyncResult {
  fs.mkdirSync(dir, { recursive: true });
  const before = new Set(fs.readdirSync(dir));
  const result: SyncResult = { written: 0, unchanged: 0, removed: 0 };
  for (const [name, text] of files) {
    const file = path.join(dir, name);
    if (before.delete(name) && (namedByContent ? sameSize(file, text) : sameBytes(file, Buffer.from(text)))) result.unchanged++;
    else {
      fs.writeFileSync(file, text);
      result.written++;
    }
  }
  for (const stale of before) {
    fs.rmSync(path.join(dir, stale), { recursive: true, force: true });
    result.removed++;
  }
  return result;
}

/** True when `file` is a file holding exactly `bytes` (its size is compared first). */
function sameBytes(file: string, bytes: Buffer): boolean {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() && stat.size === bytes.byteLength && fs.readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}

/** True when `file` is a file of as many bytes as `text` in UTF-8. */
function sameSize(file: string, text: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.size === Buffer.byteLength(text);
}
