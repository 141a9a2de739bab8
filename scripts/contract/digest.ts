/**
 * The digest that names bytes across the build: site.json, concepts.json and compare.json name their split-off
 * texts by it, the zip records its entries by it, the offline page cache its rewrites.
 */
import crypto from 'node:crypto';

/** The sha256 of `data` (a text as its UTF-8 bytes), hex. */
export function digestOf(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** A value's JSON as a file named by `stem` and the digest of its bytes (`<stem>.<16 hex>.json`), so an unchanged text keeps its name. */
export function digestNamedJson(stem: string, value: unknown): { name: string; text: string; digest: string } {
  const text = JSON.stringify(value);
  const digest = digestOf(text);
  return { name: `${stem}.${digest.slice(0, 16)}.json`, text, digest };
}
