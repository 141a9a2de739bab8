/**
 * The compare stage on a worker thread (started by runCompareStageInWorker): reads the corpus and
 * the concepts from the files the earlier steps wrote, so the main thread neither copies them nor
 * waits, and writes the compare files.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Corpus } from '../ingest/model.ts';
import type { ConceptsData } from '../concepts/model.ts';
import { runCompareStage } from './compare-step.ts';
import type { CompareWorkerInput, CompareWorkerResult } from './compare-thread.ts';

const input = workerData as CompareWorkerInput;
const corpus = JSON.parse(fs.readFileSync(input.corpusFile, 'utf8')) as Corpus;
const concepts = JSON.parse(fs.readFileSync(input.conceptsFile, 'utf8')) as ConceptsData;
const result = runCompareStage(corpus.documents, concepts);
parentPort!.postMessage({ pairs: result.pairs.length, hierarchy: result.hierarchy } satisfies CompareWorkerResult);
