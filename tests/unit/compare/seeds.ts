/** The seed corpus and its compare-stage data, built once per test file. */
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import type { PolicyDocument } from '../../../scripts/ingest/model.ts';
import { taskCorpus, type TaskCorpus } from '../../../scripts/compare/corpus.ts';

export const SHIZHONG_2024 = 'jinan-shizhong-2024-xinxing-gongyehua';
export const JINAN_001 = 'jinan-gongye-qiangshi-draft';

let cached: { documents: PolicyDocument[]; corpus: TaskCorpus } | undefined;

/** The seeds, ingested, and their task corpus. */
export function seeds(): { documents: PolicyDocument[]; corpus: TaskCorpus } {
  if (!cached) {
    const { documents } = ingestDirectory('seeds', 'content/curated');
    cached = { documents, corpus: taskCorpus(documents) };
  }
  return cached;
}

/** A seed document by id. */
export function seedDoc(id: string): PolicyDocument {
  const doc = seeds().documents.find((d) => d.id === id);
  if (!doc) throw new Error(`no seed document "${id}"`);
  return doc;
}
