/**
 * The compare stage on a worker thread (started by runCompareStageInWorker): reads the corpus and
 * the concepts from the files the earlier steps wrote, so the main thread neither copies them nor
 * waits, and writes the compare files. Then the relations stage, which needs the compare stage's
 * hierarchy alignments, writes relations.json here too: off the main thread, beside the MDX pages
 * (2.2 s for 2,000 synthetic documents, which would otherwise wait for the compare stage and add to the build).
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Corpus } from '../ingest/model.ts';
import type { ConceptsData } from '../concepts/model.ts';
import { runCompareStage } from './compare-step.ts';
import { runRelationsStage } from './relations-step.ts';
import type { CompareWorkerInput } from './compare-thread.ts';

const input = workerData as CompareWorkerInput;
const corpus = JSON.parse(fs.readFileSync(input.corpusFile, 'utf8')) as Corpus;
const concepts = JSON.parse(fs.readFileSync(input.conceptsFile, 'utf8')) as ConceptsData;
const result = runCompareStage(corpus.documents, concepts);
runRelationsStage(corpus.documents, result.hierarchy);
parentPort!.postMessage({ pairs: result.pairs.length });
