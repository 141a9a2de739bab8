/**
 * Regenerates tests/search-queries.json from tests/search/queries.ts and the
 * seeds (ingested afresh, with curated metadata). Run on purpose, after the
 * seeds, the ingest or the query list change:
 *   npm exec -- node tests/search/write-queries.ts
 */
import fs from 'node:fs';
import { ingestDirectory } from '../../scripts/ingest/index.ts';
import { traditionalToSimplified } from '../../scripts/search/fold-map.ts';
import { parseQuery } from '../../src/lib/search/query.ts';
import { expectedFor, type QuerySet } from './ground-truth.ts';
import { QUERIES } from './queries.ts';

/** Where the set is written. */
export const QUERY_SET_FILE = 'tests/search-queries.json';

/** Computes the query set from seeds (pure apart from reading the seeds). */
export function computeQuerySet(seedsDir = 'seeds', curatedDir = 'content/curated'): QuerySet {
  const corpus = ingestDirectory(seedsDir, curatedDir);
  const fold = Object.fromEntries(traditionalToSimplified());
  return {
    generatedBy: 'tests/search/write-queries.ts',
    cases: QUERIES.map(([query, note]) => {
      const terms = parseQuery(query, fold);
      return { query, note, terms, expected: expectedFor(terms, corpus.documents, fold) };
    }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const set = computeQuerySet();
  fs.writeFileSync(QUERY_SET_FILE, `${JSON.stringify(set, null, 2)}\n`);
  for (const c of set.cases) console.log(`${c.query}: ${Object.keys(c.expected).length} documents, ${Object.values(c.expected).flat().length} anchors`);
}
