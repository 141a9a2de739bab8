/** Build step: publishes the original files into the open-data staging folder, as `data/originals/<name>`. */
import fs from 'node:fs';
import path from 'node:path';
import type { PublishedOriginal } from '../site/originals.ts';
import { emptyTally, type PublishedFiles, type PublishedTally, putPublished } from '../contract/published-files.ts';
import { contentKey } from './cache.ts';

/** What the step wrote (scripts/contract/published-files.ts). */
export type OriginalsReport = PublishedTally;

/**
 * Puts each published original from `seedsDir` under `<staging>/`: a copy of the seed, never a link to it (a seed
 * edited in place must not change the published site), or, with `published`, a link to the published copy when
 * that holds the same bytes. Copying every original on every build was 1.5 s of a one-added build at 2,019
 * documents (2,005 files, 31 MB, each a new file).
 */
export function writeOriginals(staging: string, seedsDir: string, originals: Record<string, PublishedOriginal>, published?: PublishedFiles): OriginalsReport {
  const report: OriginalsReport = emptyTally();
  const folders = new Set<string>();
  for (const [file, original] of Object.entries(originals)) {
    if (!original.path) continue;
    const folder = path.dirname(path.join(staging, original.path));
    if (!folders.has(folder)) fs.mkdirSync(folder, { recursive: true });
    folders.add(folder);
    const bytes = fs.readFileSync(path.join(seedsDir, file));
    putPublished(report, staging, original.path, contentKey('original', original.path, bytes), () => bytes, published);
  }
  return report;
}
