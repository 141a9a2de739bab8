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
import { atomInput, atomText, entrySummary, newestDay, siteFeeds } from '../feeds/feeds.ts';
import { siteConfig } from '../urls/config.ts';
import { codeFingerprint, contentKey } from './cache.ts';
import { emptyTally, type PublishedFiles, type PublishedTally, putPublished } from '../contract/published-files.ts';

/** The folder of the feeds in the site. */
export const FEEDS_DIR = 'feeds';

/** What turns a feed's input into its text: our module and the library (package-lock.json names its version). */
const ATOM_WRITER = ['scripts/feeds/feeds.ts'];

/** What the step wrote; a feed is linked when its input is the published feed's (scripts/contract/published-files.ts). */
export type FeedsReport = PublishedTally;

/**
 * Writes every feed into `<siteDir>/feeds/` (emptied first), from the site step's documents and concepts and
 * the relations stage's standings. With `published`, a feed whose input (every entry as the library is given
 * it) is the published feed's is linked from the published site instead of written: adding a document changes
 * the feeds it is in, and writing all 88 at 2,019 documents (34 MB) took 3-4 s.
 */
export function writeFeeds(
  siteDir: string,
  documents: readonly PolicyDocument[],
  concepts: ConceptsData,
  { standing }: Pick<RelationsData, 'standing'>,
  published?: PublishedFiles,
): FeedsReport {
  const summaries = new Map(documents.map((doc) => [doc.id, entrySummary(doc, standing[doc.id])]));
  const context = { origin: siteConfig().origin, standing, summaries };
  const newest = newestDay(documents, standing);
  const dir = path.join(siteDir, FEEDS_DIR);
  fs.rmSync(dir, { recursive: true, force: true });
  const writer = codeFingerprint(ATOM_WRITER);
  const report: FeedsReport = emptyTally();
  const feedConcepts = concepts.concepts.map((c) => ({ id: c.id, name: c.name, documents: c.documents.map((d) => d.document) }));
  for (const feed of siteFeeds(documents, feedConcepts)) {
    const rel = `${FEEDS_DIR}/${feed.name}.xml`;
    const input = atomInput(feed, context, newest);
    fs.mkdirSync(path.dirname(path.join(siteDir, rel)), { recursive: true });
    putPublished(report, siteDir, rel, contentKey('feed', rel, writer, JSON.stringify(input)), () => atomText(input), published);
  }
  return report;
}
