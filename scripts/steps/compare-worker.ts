/**
 * The compare stage on a worker thread (started by runCompareStageInWorker): reads the corpus from
 * the file the ingest step of this build wrote (not checked again while it has the stamp it was written
 * with), so the main thread neither copies it nor waits, takes the concept
 * mentions it was started with, and writes the compare files. Then the relations stage, which needs the compare stage's
 * hierarchy alignments, writes relations.json here too: off the main thread, beside the MDX pages
 * (2.2 s for 2,000 synthetic documents, which would otherwise wait for the compare stage and add to the build).
 * What the main thread needs of both (compare-thread.ts, CompareOutcome) is posted back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readGeneratedJson } from '../contract/generated-file.ts';
import { CorpusSchema } from '../contract/corpus.ts';
import { runCompareStage } from './compare-step.ts';
import { runRelationsStage } from './relations-step.ts';
import type { CompareOutcome, CompareWorkerInput } from './compare-thread.ts';

const input = workerData as CompareWorkerInput;
const corpus = readGeneratedJson(input.corpusFile, CorpusSchema, 'the ingest step (scripts/steps/ingest-step.ts)', input.corpusStamp);
const result = runCompareStage(corpus.documents, input.concepts);
const relations = runRelationsStage(corpus.documents, result.hierarchy);
const outcome: CompareOutcome = { pairs: result.pairs, payloads: result.client.map((payload) => payload.doc.id), relations };
parentPort!.postMessage(outcome);
