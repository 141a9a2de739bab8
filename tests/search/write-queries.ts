/**
 * Regenerates tests/search-queries.json from tests/search/queries.ts and the
 * seeds (ingested afresh, with curated metadata and the glossary). Run on
 * purpose, after the seeds, the ingest, the glossary or the query list change:
 *   npm exec -- node tests/search/write-queries.ts
 */
import fs from 'node:fs';
import { ingestDirectory } from '../../scripts/ingest/index.ts';
import { buildDepartments } from '../../scripts/site/departments.ts';
import { loadGlossary } from '../../scripts/concepts/glossary.ts';
import { traditionalToSimplified } from '../../scripts/search/fold-map.ts';
import { foldText } from '../../shared/search/fold.ts';
import { parseQuery } from '../../shared/search/query.ts';
import { namedConcepts } from '../../shared/search/concept-cards.ts';
import { departmentsFor, expectedFor, type QuerySet } from '../../scripts/harness/ground-truth.ts';
import { QUERIES } from './queries.ts';

/** Where the set is written. */
export const QUERY_SET_FILE = 'tests/search-queries.json';

/** Computes the query set from seeds (pure apart from reading the seeds and the glossary). */
export function computeQuerySet(seedsDir = 'seeds', curatedDir = 'content/curated'): QuerySet {
  const corpus = ingestDirectory(seedsDir, curatedDir);
  const departments = buildDepartments(corpus.documents);
  const fold = Object.fromEntries(traditionalToSimplified());
  const concepts = loadGlossary(`${curatedDir}/concepts.json`).concepts.map((c) => ({
    id: c.id,
    name: c.name,
    terms: [...new Set([c.name, ...c.aliases].map((t) => foldText(t.replace(/\s+/g, ' ').trim(), fold)))],
  }));
  return {
    generatedBy: 'tests/search/write-queries.ts',
    cases: QUERIES.map(([query, note]) => {
      const terms = parseQuery(query, fold);
      return {
        query,
        note,
        terms,
        ...expectedFor(terms, corpus.documents, fold),
        departments: departmentsFor(terms, departments, fold),
        concepts: namedConcepts(concepts, terms).map((i) => concepts[i].id),
      };
    }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const set = computeQuerySet();
  fs.writeFileSync(QUERY_SET_FILE, `${JSON.stringify(set, null, 2)}\n`);
  for (const c of set.cases) {
    const levels = Object.values(c.levels);
    console.log(
      `${c.query}: ${Object.keys(c.expected).length} documents (levels ${[3, 2, 1, 0].map((l) => levels.filter((x) => x === l).length).join('/')}), ` +
        `${Object.values(c.expected).flat().length} anchors, departments ${c.departments.length}, concepts ${c.concepts.join(' ') || '-'}`,
    );
  }
}
