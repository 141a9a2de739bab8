/** Lists the files of a built site in a stable order. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, `/`-separated and relative, in code-point order (the same on every machine). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort(byCodePoint);
}

/** Compares strings by code point, unlike localeCompare (which depends on the machine's locale). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
