/**
 * Starts the compare stage on a worker thread (compare-worker.ts), so it runs while the site step
 * writes the MDX pages. Kept apart from compare-step.ts, which the pages import: a bundler would
 * otherwise pick up the worker's URL.
 */
import { Worker } from 'node:worker_threads';
import type { RelationsData } from '../relations/model.ts';
import type { ConceptsData } from '../concepts/model.ts';
import type { ComparedPair, ConceptInput } from '../compare/run.ts';
import type { FileStamp } from '../contract/file-stamp.ts';

/** What the compare worker is given: the file the ingest step wrote, and what it needs of the concept stage's data. */
export interface CompareWorkerInput {
  corpusFile: string;
  /** The corpus file's stamp as the ingest step of this build wrote it: read back without its schema check while it has it. */
  corpusStamp: FileStamp;
  /**
   * The concepts and their mentions, only the fields the compare stage reads: copied to the worker with its
   * start. Reading concepts.json there instead (41 MB at 2,019 documents, through its schema) cost the
   * worker about 1 s and a heap of its whole content.
   */
  concepts: ConceptInput;
}

/** What the compare stage reads of the concept stage's data (`data` as the concept stage made it). */
export function compareConceptInput(data: ConceptsData): ConceptInput {
  return {
    occurrences: data.occurrences.map(({ concept, document, eid, match }) => ({ concept, document, eid, match })),
    concepts: data.concepts.map(({ id, name }) => ({ id, name })),
  };
}

/**
 * What the worker hands back besides its files, for the steps of the main thread that need it: the
 * recommended pairs (comparisons.json), the documents it wrote a compare payload for, and the relations.
 * Handed over in memory: reading compare.json back through its schema to get the 51 pairs out of it cost
 * the main thread 2-4 s at 2,019 documents (24 MB, mostly the 相似任务 lists).
 */
export interface CompareOutcome {
  pairs: ComparedPair[];
  /** Ids of the documents with a payload `<id>.js` in the compare stage's client folder, in corpus order. */
  payloads: string[];
  relations: RelationsData;
}

/** Resolves with the worker's outcome once it has written the compare and relations files. */
export function runCompareStageInWorker(input: CompareWorkerInput): Promise<CompareOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./compare-worker.ts', import.meta.url), { workerData: input });
    let result: CompareOutcome | undefined;
    worker.once('message', (message: CompareOutcome) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`compare stage: the worker exited with code ${code}`))));
  });
}
