/**
 * The records of the published search index (scripts/search/write-index.ts, IndexFileRecords), kept between
 * builds in .build/cache/search-index/, so the next build links the index files whose bytes are unchanged
 * from dist/ instead of making and writing them again. Saved only once a build is published: the records
 * then describe exactly the published files; a build that fails or is killed leaves the previous ones, which
 * still describe the site it left in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { IndexFileRecords, PublishedIndex } from '../search/write-index.ts';
import { CACHE_DIR } from './cache.ts';
import { SITE_DIR } from './staging.ts';

const RECORDS_FILE = path.join(CACHE_DIR, 'search-index', 'published.json');

const RecordsSchema = z.record(z.string(), z.object({ rel: z.string(), ino: z.number(), size: z.number(), mtimeMs: z.number() }));

/** The published index and its records, or undefined for a clean build or when there are none (or they are unreadable). */
export function publishedIndex(clean: boolean, root = '.'): PublishedIndex | undefined {
  const file = path.join(root, RECORDS_FILE);
  if (clean || !fs.existsSync(file)) return undefined;
  try {
    const records = RecordsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return records.success ? { siteDir: path.join(root, SITE_DIR), records: records.data } : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the records of the index just published (written beside, then renamed). */
export function savePublishedIndex(records: IndexFileRecords, root = '.'): void {
  const file = path.join(root, RECORDS_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, JSON.stringify(records));
  fs.renameSync(partial, file);
}
