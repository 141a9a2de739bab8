/**
 * Files of the published site a build may link instead of writing again. A build records each file it
 * writes under an identity (a digest of what its bytes are made from) with its site-relative path and stamp
 * (scripts/contract/file-stamp.ts); once that build is published, the next one links the published file of the
 * same identity into its staging folder, while that file still has the recorded stamp. A link allocates no
 * inode and writes no bytes, and the file is never written into afterwards (published files are replaced,
 * never changed in place), so the link is the same bytes. Used by the search index, and by the open data with
 * the original files and the feeds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type FileStamp, hasStamp, stampOf } from './file-stamp.ts';

/** A written file: where it is in the site and the inode, size and modification time it had. */
export interface PublishedFileRecord extends FileStamp {
  rel: string;
}

/** Records by identity. */
export type PublishedFileRecords = Record<string, PublishedFileRecord>;

/** The published files a build may link: the published site's folder and the records of its files. */
export interface PublishedFiles {
  siteDir: string;
  records: PublishedFileRecords;
}

/** Links `record`'s published file to `file` when it is still that file; false when it is not (or cannot be linked). */
export function linkPublishedFile(published: PublishedFiles, record: PublishedFileRecord, file: string): boolean {
  const source = path.join(published.siteDir, record.rel);
  if (!hasStamp(fs.statSync(source, { throwIfNoEntry: false }), record)) return false;
  try {
    fs.linkSync(source, file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts the file of `identity` at `file` (its folder must exist): a link to the published file with that identity
 * when there is one, otherwise the bytes `make` returns, written. Returns the file's stamp and whether it was linked.
 */
export function writeOrLinkPublished(
  file: string,
  identity: string,
  make: () => string | Uint8Array,
  published: PublishedFiles | undefined,
): { stamp: FileStamp; linked: boolean } {
  const previous = published?.records[identity];
  // A link is the same file: same inode, size and time.
  if (previous && linkPublishedFile(published!, previous, file)) return { stamp: stampOf(previous), linked: true };
  fs.writeFileSync(file, make());
  return { stamp: stampOf(fs.statSync(file)), linked: false };
}

/** What a step put in place file by file: how many files and bytes, how many were linked, and their records. */
export interface PublishedTally {
  files: number;
  bytes: number;
  /** Files linked from the published site (the same bytes), not written. */
  linked: number;
  /** The files by identity, for the next build once this one is published. */
  records: PublishedFileRecords;
}

/** A tally of nothing yet. */
export function emptyTally(): PublishedTally {
  return { files: 0, bytes: 0, linked: 0, records: {} };
}

/** Puts the file `rel` (site-relative) under `siteDir` in place with {@link writeOrLinkPublished}, and counts and records it in `tally`. */
export function putPublished(
  tally: PublishedTally,
  siteDir: string,
  rel: string,
  identity: string,
  make: () => string | Uint8Array,
  published: PublishedFiles | undefined,
): void {
  const { stamp, linked } = writeOrLinkPublished(path.join(siteDir, rel), identity, make, published);
  tally.records[identity] = { rel, ...stamp };
  tally.files += 1;
  tally.bytes += stamp.size;
  if (linked) tally.linked += 1;
}
