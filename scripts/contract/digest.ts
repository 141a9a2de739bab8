/**
 * The digest that names bytes across the build: site.json names its split-off texts by it, the zip records
 * its entries by it, the offline page cache its rewrites.
 */
import crypto from 'node:crypto';

/** The sha256 of `data` (a text as its UTF-8 bytes), hex. */
export function digestOf(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}
