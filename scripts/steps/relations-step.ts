/**
 * Build step 2c (on the compare stage's worker thread, once that stage is done, see
 * compare-worker.ts): relations between the documents, status and validity
 * (scripts/relations/), written to content/generated/relations.json for the pages; the
 * worker posts the data back for the feeds, the open data and the search filters (compare-thread.ts).
 */
import type { PolicyDocument } from '../ingest/model.ts';
import type { HierarchyAlignment } from '../compare/hierarchy.ts';
import { analyseRelations } from '../relations/index.ts';
import type { RelationsData } from '../relations/model.ts';
import { putWholeFile } from '../contract/whole-file.ts';
import { RELATIONS_FILE } from './pending-files.ts';

/** Where the relations data is written; read by src/lib/relations-data.ts and the open data and feed steps. */
export { RELATIONS_FILE };

/** Analyses the relations of `documents`, writes relations.json and returns the data. */
export function runRelationsStage(documents: readonly PolicyDocument[], alignments: readonly HierarchyAlignment[]): RelationsData {
  const start = performance.now();
  const data = analyseRelations(documents, alignments);
  // Astro may be waiting for it already (scripts/contract/pending-file.ts).
  putWholeFile(RELATIONS_FILE, JSON.stringify(data));
  const internal = data.relations.filter((r) => r.from.id !== null && r.to.id !== null).length;
  const withPeriod = Object.values(data.standing).filter((s) => s.validity !== null).length;
  console.log(
    `build: relations in ${((performance.now() - start) / 1000).toFixed(2)} s: ${data.relations.length} relations (${internal} between documents of the collection), ` +
      `${withPeriod} of ${documents.length} documents state a period`,
  );
  return data;
}
