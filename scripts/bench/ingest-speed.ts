/**
 * Ingest throughput: `ingestDirectory` (read files → normalise → split →
 * parse → extract → metadata → merge, exactly what the build's first step
 * runs, minus writing corpus.json) on a seeds folder, in MB of seed text per
 * second, median of several runs after one warm-up run.
 */
import { ingestDirectory } from '../ingest/index.ts';
import { folderSize, median } from './stats.ts';

/** Figures of one folder. */
export interface IngestBench {
  label: string;
  documents: number;
  bytes: number;
  /** Median seconds and the MB/s they give. */
  seconds: number;
  mbPerSecond: number;
  secondsEach: number[];
}

/** Ingests `seedsDir` `runs` times (plus a warm-up, which pays for JIT and dictionaries). */
export function benchIngest(label: string, seedsDir: string, curatedDir: string, runs: number): IngestBench {
  const bytes = folderSize(seedsDir, (name) => name.toLowerCase().endsWith('.txt')).bytes;
  let documents = ingestDirectory(seedsDir, curatedDir).documents.length;
  const secondsEach: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    documents = ingestDirectory(seedsDir, curatedDir).documents.length;
    secondsEach.push((performance.now() - start) / 1000);
  }
  const seconds = median(secondsEach);
  return { label, documents, bytes, seconds, mbPerSecond: bytes / 1e6 / seconds, secondsEach };
}
