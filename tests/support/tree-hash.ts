/** Hashes of every file of a folder, to check two builds (or a folder before and after one) byte for byte. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** sha256 of every file under `root`, keyed by its `/`-separated relative path; empty when `root` is missing. */
export function hashTree(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  if (!fs.existsSync(root)) return hashes;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(root, full).split(path.sep).join('/'), sha256(full));
  }
  return hashes;
}

/** Relative paths whose hash differs, or that exist on one side only, sorted. */
export function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((file) => a.get(file) !== b.get(file)).sort();
}

/** The sha256 of a file, in hex. */
export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
