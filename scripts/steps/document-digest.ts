/**
 * The sha256 of a document's JSON, made once per document per build. Three steps name what they make of a
 * document by its content: the page cache's key, the site data's body text and the open data's docs/<id>.json.
 * Each of them serialised and hashed the whole document on every build (about 100 MB each at 2,019 documents);
 * now the first asks here, and the others reuse what a previous build recorded for the same digest instead of
 * serialising an unchanged document again. Kept per document object: the documents are not changed after the
 * ingest (the stages are pure functions of them).
 */
import type { PolicyDocument } from '../ingest/model.ts';
import { digestOf } from '../contract/digest.ts';

const digests = new WeakMap<PolicyDocument, string>();

/** The sha256 (hex) of `JSON.stringify(doc)`. */
export function documentDigest(doc: PolicyDocument): string {
  let digest = digests.get(doc);
  if (digest === undefined) {
    digest = digestOf(JSON.stringify(doc));
    digests.set(doc, digest);
  }
  return digest;
}
