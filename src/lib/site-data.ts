/**
 * Loads content/generated/site.json once per build. Pages call siteData()
 * instead of reading files themselves, so the JSON is parsed a single time.
 */
import path from 'node:path';
import type { SiteData } from '../../scripts/site/site-model.ts';
import { readSiteData } from '../../scripts/contract/site-data.ts';
import type { PolicyDocument } from '../../scripts/ingest/model.ts';

let cached: SiteData | undefined;
let byId: Map<string, PolicyDocument> | undefined;

/** The generated site data; run `npm run build` (or `npm run ingest`) first. */
export function siteData(): SiteData {
  if (!cached) {
    cached = readSiteData(path.resolve('content/generated/site.json'), 'the site step (scripts/steps/site-step.ts, before Astro runs)');
  }
  return cached;
}

/** Finds a document by id; throws (failing the build) when a page asks for one that does not exist. */
export function documentById(id: string): PolicyDocument {
  const doc = findDocument(id);
  if (!doc) throw new Error(`no document with id "${id}"`);
  return doc;
}

/** A document by id, or undefined when the collection has none with that id. */
export function findDocument(id: string): PolicyDocument | undefined {
  // A map, not a search: pages and components look documents up thousands of times in a large corpus.
  byId ??= new Map(siteData().documents.map((d) => [d.id, d]));
  return byId.get(id);
}
