/** The digest that names a generated text's bytes (site.json names its split-off texts by it). */
import crypto from 'node:crypto';

/** The sha256 of a text's UTF-8 bytes, hex. */
export function textDigest(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
