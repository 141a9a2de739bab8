/**
 * Build step (while Astro runs, beside the open data): the Atom feeds under
 * feeds/ — the collection, each region, each concept (scripts/feeds/). Written
 * into the staging folder and moved into dist/ with the open data.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PolicyDocument } from '../ingest/model.ts';
import type { ConceptsData } from '../concepts/model.ts';
import type { RelationsData } from '../relations/model.ts';
import { atomFeed, newestDay, siteFeeds } from '../feeds/feeds.ts';
import { siteConfig } from '../urls/config.ts';

/** The folder of the feeds in the site. */
export const FEEDS_DIR = 'feeds';

/** What the step wrote. */
export interface FeedsReport {
  files: number;
  bytes: number;
}

/** Writes every feed into `<siteDir>/feeds/` (emptied first), from the site step's documents and concepts and the relations stage's standings. */
export function writeFeeds(
  siteDir: string,
  documents: readonly PolicyDocument[],
  concepts: ConceptsData,
  { standing }: Pick<RelationsData, 'standing'>,
): FeedsReport {
  const context = { origin: siteConfig().origin, standing };
  const newest = newestDay(documents, standing);
  const dir = path.join(siteDir, FEEDS_DIR);
  fs.rmSync(dir, { recursive: true, force: true });
  const report: FeedsReport = { files: 0, bytes: 0 };
  const feedConcepts = concepts.concepts.map((c) => ({ id: c.id, name: c.name, documents: c.documents.map((d) => d.document) }));
  for (const feed of siteFeeds(documents, feedConcepts)) {
    const file = path.join(dir, `${feed.name}.xml`);
    const xml = atomFeed(feed, context, newest);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, xml);
    report.files += 1;
    report.bytes += Buffer.byteLength(xml);
  }
  return report;
}
