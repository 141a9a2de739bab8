/**
 * A file's stamp: its inode, size and modification time. A build that keeps a record of a published file (a
 * search index file, the offline zip) reuses it later only while the file on disk still has that stamp, so a
 * record that outlived its file matches nothing. Files a build publishes are never written into afterwards
 * (they are replaced, never changed in place), so the same stamp means the same bytes.
 */
import type { Stats } from 'node:fs';
import { z } from 'zod';

export const FileStampSchema = z.object({ ino: z.number(), size: z.number(), mtimeMs: z.number() });
export type FileStamp = z.infer<typeof FileStampSchema>;

/** The stamp of `stat` (a file's Stats, or a record that holds a stamp), and nothing else of it. */
export function stampOf(stat: FileStamp): FileStamp {
  return { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
}

/** Whether `stat` is still the file `stamp` was taken of. */
export function hasStamp(stat: Stats | undefined, stamp: FileStamp): boolean {
  return stat !== undefined && stat.ino === stamp.ino && stat.size === stamp.size && stat.mtimeMs === stamp.mtimeMs;
}
