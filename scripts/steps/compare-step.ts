/**
 * Build step 2b (inside the site step, after concepts): the compare stage.
 * Computes similarity once (scripts/compare/run.ts) and writes what the pages
 * read: content/generated/compare.json (recommended pairs with their comparisons
 * and version diffs; beside it each document's 相似任务 lists) and one client payload per document
 * (content/generated/compare-client/<id>.js, published as data/compare/<id>.js).
 * The build runs it on a worker thread (compare-thread.ts) while the site step
 * writes the MDX pages, which hold only a 相似任务 placeholder per task.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PolicyDocument } from '../ingest/model.ts';
import { payloadScript } from '../../shared/compare/client-data.ts';
import { computeCompare, type CompareResult, type ConceptInput } from '../compare/run.ts';
import type { CompareData } from '../compare/published.ts';
import { compareFiles, SIMILAR_DIR } from '../compare/compare-files.ts';
import { syncFolder } from './sync-folder.ts';
import { GENERATED } from './ingest-step.ts';
import { putWholeFile } from '../contract/whole-file.ts';
import { COMPARE_FILE } from './pending-files.ts';

/** What the compare pages read (src/lib/compare-data.ts); named in pending-files.ts, Astro may wait for it. */
export { COMPARE_FILE };
/** One client payload per document, published as data/compare/<id>.js by scripts/steps/open-data-step.ts. */
export const COMPARE_CLIENT_DIR = path.join(GENERATED, 'compare-client');

/**
 * Writes one payload script per document into `dir`, which holds nothing else afterwards. The folder is
 * removed and its files written anew, never written into: the published data/compare/<id>.js are hard
 * links to these files (open-data-step.ts) and must keep the bytes they were published with.
 */
export function writeComparePayloads(dir: string, client: CompareResult['client']): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const payload of client) fs.writeFileSync(path.join(dir, `${payload.doc.id}.js`), payloadScript(payload));
}

/** Runs the compare stage and writes its files; returns the result. */
export function runCompareStage(documents: readonly PolicyDocument[], concepts?: ConceptInput): CompareResult {
  const start = performance.now();
  const result = computeCompare(documents, concepts);
  // The hierarchy alignments are the relations stage's input, handed over in memory, not written.
  const { client, hierarchy: _alignments, ...rest } = result;
  const data: CompareData = { generatedBy: 'scripts/steps/compare-step.ts', ...rest };
  // The lists' files first: Astro may be waiting for compare.json already (scripts/contract/pending-file.ts),
  // and reads them as soon as it is whole. Each is named by its digest: only changed lists are written.
  const files = compareFiles(data);
  syncFolder(path.join(path.dirname(COMPARE_FILE), SIMILAR_DIR), files.texts, { namedByContent: true });
  putWholeFile(COMPARE_FILE, JSON.stringify(files.data));
  writeComparePayloads(COMPARE_CLIENT_DIR, client);
  const parts = Object.entries(result.timings)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(`build: compare stage in ${((performance.now() - start) / 1000).toFixed(2)} s (${parts} ms); ${result.pairs.length} recommended pairs`);
  return result;
}
