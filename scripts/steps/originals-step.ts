/** Build step: copies the original files into the open-data staging folder, as `data/originals/<name>`. */
import fs from 'node:fs';
import path from 'node:path';
import type { PublishedOriginal } from '../site/originals.ts';

/** Copies each published original from `seedsDir` under `<staging>/`; returns files and bytes written. */
export function writeOriginals(staging: string, seedsDir: string, originals: Record<string, PublishedOriginal>): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const [file, original] of Object.entries(originals)) {
    if (!original.path) continue;
    const target = path.join(staging, original.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(seedsDir, file), target);
    files++;
    bytes += original.byteLength;
  }
  return { files, bytes };
}
