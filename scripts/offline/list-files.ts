/** Lists the files of a built site in a stable order. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file under `dir`, `/`-separated and relative, in code-point order (the same on every machine).
 * Folders for which `skipFolder` (given the relative folder path) is true are not entered.
 */
export function listFiles(dir: string, skipFolder: (folder: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const file = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skipFolder(file)) walk(file);
      } else if (entry.isFile()) out.push(file);
    }
  };
  walk('');
  return out.sort(byCodePoint);
}

/** Compares strings by code point, unlike localeCompare (which depends on the machine's locale). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
