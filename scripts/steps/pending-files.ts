/**
 * The generated files Astro waits for while the build writes them (scripts/contract/pending-file.ts),
 * named in a module that loads nothing else: the build starts Astro before it loads its other steps.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PAGES_READY_FILE } from '../contract/pending-file.ts';

/** Where the build writes what Astro and the later steps read. */
export const GENERATED = 'content/generated';
/** The site data the pages read (src/lib/site-data.ts); written by the site step. */
export const SITE_DATA_FILE = path.join(GENERATED, 'site.json');
/** What the compare pages read (src/lib/compare-data.ts); written by the compare stage. */
export const COMPARE_FILE = path.join(GENERATED, 'compare.json');
/** The relations data, read by src/lib/relations-data.ts and the open data and feed steps; written by the relations stage. */
export const RELATIONS_FILE = path.join(GENERATED, 'relations.json');

/** What Astro may start before: the MDX pages, then the site data and the compare and relations stages' files. */
export const PENDING_FILES = [PAGES_READY_FILE, SITE_DATA_FILE, COMPARE_FILE, RELATIONS_FILE] as const;

/** Removes the pending files the previous build left, before Astro starts: it waits for this build's. */
export function clearPendingFiles(): void {
  for (const file of PENDING_FILES) fs.rmSync(file, { force: true });
}
