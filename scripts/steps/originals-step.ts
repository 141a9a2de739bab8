/** Build step: publishes the original files into the open-data staging folder, as `data/originals/<name>`. */
import fs from 'node:fs';
import path from 'node:path';
import type { PublishedOriginal } from '../site/originals.ts';
import { type PublishedFileRecords, type PublishedFiles, writeOrLinkPublished } from '../contract/published-files.ts';
import { contentKey } from './cache.ts';

/** What the step wrote. */
export interface OriginalsReport {
  files: number;
  bytes: number;
  /** Files linked from the published site (the same bytes under the same name), not copied. */
  linked: number;
  /** The files by identity, for the next build once this one is published (scripts/contract/published-files.ts). */
  records: PublishedFileRecords;
}

/**
 * Puts each published original from `seedsDir` under `<staging>/`: a copy of the seed, never a link to it (a seed
 * edited in place must not change the published site), or, with `published`, a link to the published copy when
 * that holds the same bytes. Copying every original on every build was 1.5 s of a one-added build at 2,019
 * documents (2,005 files, 31 MB, each a new file).
 */
export function writeOriginals(staging: string, seedsDir: string, originals: Record<string, PublishedOriginal>, published?: PublishedFiles): OriginalsReport {
  const report: OriginalsReport = { files: 0, bytes: 0, linked: 0, records: {} };
  const folders = new Set<string>();
  for (const [file, original] of Object.entries(originals)) {
    if (!original.path) continue;
    const target = path.join(staging, original.path);
    const folder = path.dirname(target);
    if (!folders.has(folder)) fs.mkdirSync(folder, { recursive: true });
    folders.add(folder);
    const bytes = fs.readFileSync(path.join(seedsDir, file));
    const identity = contentKey('original', original.path, bytes);
    const { stamp, linked } = writeOrLinkPublished(target, identity, () => bytes, published);
    report.records[identity] = { rel: original.path, ...stamp };
    report.files++;
    report.bytes += stamp.size;
    if (linked) report.linked++;
  }
  return report;
}
