/**
 * Starts the compare stage on a worker thread (compare-worker.ts), so it runs while the site step
 * writes the MDX pages. Kept apart from compare-step.ts, which the pages import: a bundler would
 * otherwise pick up the worker's URL.
 */
import { Worker } from 'node:worker_threads';

/** What the compare worker reads: the files the ingest and concept steps wrote. */
export interface CompareWorkerInput {
  corpusFile: string;
  conceptsFile: string;
}

/** Resolves with the number of recommended pairs once the worker has written the compare files. */
export function runCompareStageInWorker(input: CompareWorkerInput): Promise<{ pairs: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./compare-worker.ts', import.meta.url), { workerData: input });
    let result: { pairs: number } | undefined;
    worker.once('message', (message: { pairs: number }) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`compare stage: the worker exited with code ${code}`))));
  });
}
