/**
 * Records of the published site's search index files (scripts/search/write-index.ts), its open data files with
 * the original files and the feeds (scripts/steps/open-data-step.ts, originals-step.ts, feeds-step.ts) and its
 * offline zip (scripts/offline/zip.ts), kept between builds in .build/cache/published/, so the next build links
 * the files whose bytes are unchanged from dist/ and copies unchanged zip entries from the published zip, instead
 * of making them again. Saved only once a build is published: the records then describe exactly the published
 * files; a build that fails or is killed leaves the previous ones, which still describe the site it left in place
 * (and each record is checked against the file's stamp before it is used: scripts/contract/file-stamp.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { IndexFileRecords, PublishedIndex } from '../search/write-index.ts';
import type { PublishedFileRecords, PublishedFiles } from '../contract/published-files.ts';
import type { ZipRecords } from '../offline/zip.ts';
import { FileStampSchema } from '../contract/file-stamp.ts';
import { putWholeFile } from '../contract/whole-file.ts';
import { CACHE_DIR } from './cache.ts';
import { SITE_DIR } from './staging.ts';
import { OFFLINE_ZIP } from './offline-step.ts';

const RECORDS_DIR = path.join(CACHE_DIR, 'published');
const INDEX_FILE = 'search-index.json';
const ZIP_FILE = 'zip.json';
const OPEN_DATA_FILE = 'open-data.json';

/** Records of published files by identity (the search index's; the open data's with the originals' and the feeds'). */
const PublishedFileRecordsSchema = z.record(z.string(), FileStampSchema.extend({ rel: z.string() }));
const ZipRecordsSchema = FileStampSchema.extend({
  file: z.string(),
  deflater: z.string(),
  entries: z.array(z.object({ sha: z.string(), crc: z.number(), size: z.number(), stored: z.boolean(), offset: z.number(), length: z.number() })),
});

/** What a build may reuse of the published site. */
export interface PublishedRecords {
  index?: PublishedIndex;
  openData?: PublishedFiles;
  zip?: ZipRecords;
}

/** What a build leaves to save once it is published. */
export interface StagedRecords {
  index: IndexFileRecords;
  openData: PublishedFileRecords;
  zip: ZipRecords;
}

/** The published site's records, none for a clean build or where they are missing or unreadable. */
export function readPublishedRecords(clean: boolean, root = '.'): PublishedRecords {
  if (clean) return {};
  const records = readJson(path.join(root, RECORDS_DIR, INDEX_FILE), PublishedFileRecordsSchema);
  const openData = readJson(path.join(root, RECORDS_DIR, OPEN_DATA_FILE), PublishedFileRecordsSchema);
  const zip = readJson(path.join(root, RECORDS_DIR, ZIP_FILE), ZipRecordsSchema);
  return {
    index: records && { siteDir: path.join(root, SITE_DIR), records },
    openData: openData && { siteDir: path.join(root, SITE_DIR), records: openData },
    zip: zip && { ...zip, file: path.join(root, zip.file) },
  };
}

/** Saves the records of the site just published (each written beside, then renamed); the zip's as where it is published. */
export function savePublishedRecords(staged: StagedRecords, root = '.'): void {
  fs.mkdirSync(path.join(root, RECORDS_DIR), { recursive: true });
  putWholeFile(path.join(root, RECORDS_DIR, INDEX_FILE), JSON.stringify(staged.index));
  putWholeFile(path.join(root, RECORDS_DIR, OPEN_DATA_FILE), JSON.stringify(staged.openData));
  putWholeFile(path.join(root, RECORDS_DIR, ZIP_FILE), JSON.stringify({ ...staged.zip, file: path.join(SITE_DIR, OFFLINE_ZIP) }));
}

function readJson<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
