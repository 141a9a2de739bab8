/** Build step 1: ingest seeds/ and write the corpus and the build report. */
import fs from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../ingest/model.ts';
import { assembleCorpus, ingestFile, loadCurated, type FileIngest } from '../ingest/index.ts';
import { extractFile, listInputFiles } from '../ingest/formats/index.ts';
import { buildReport, formatDiagnostic } from './report.ts';
import { codeFingerprint, contentKey, type StepCache } from './cache.ts';
import { GENERATED } from './pending-files.ts';

/** Where the build writes what Astro and the later steps read (content/generated/). */
export { GENERATED };
/** The corpus as JSON, for the steps that read it from a worker thread. */
export const CORPUS_FILE = path.join(GENERATED, 'corpus.json');

/** What one file's ingest depends on besides its name and bytes: the pipeline's code (and package-lock.json, always). */
export const INGEST_CODE = ['scripts/ingest', 'scripts/urls/slug.ts'] as const;

/** The folder the build reads: SEEDS_DIR when set, else seeds/. */
export function seedsFolder(): string {
  return process.env.SEEDS_DIR || 'seeds';
}

/**
 * Reads and parses every file of `seedsDir`, each from `cache` when its name, bytes and the pipeline's
 * code are unchanged. Extraction (PDF, Word, HTML) and parsing run only on a miss.
 */
export async function ingestFiles(seedsDir: string, cache?: StepCache): Promise<FileIngest[]> {
  const code = codeFingerprint(INGEST_CODE);
  const files: FileIngest[] = [];
  for (const file of listInputFiles(seedsDir)) {
    const name = path.basename(file);
    const bytes = fs.readFileSync(file);
    const key = contentKey(code, name, bytes);
    const cached = cache?.get(key);
    // The entry is this step's own output for the same code and bytes, so it is not validated again.
    if (cached) files.push(JSON.parse(cached.toString('utf8')) as FileIngest);
    else {
      const ingested = ingestFile(await extractFile({ file: name, bytes }));
      cache?.set(key, JSON.stringify(ingested));
      files.push(ingested);
    }
  }
  return files;
}

/** Ingests seedsDir (SEEDS_DIR, default seeds/; any mix of .txt .pdf .docx .html), writes content/generated/corpus.json and build-report.md, prints warnings. */
export async function runIngest(seedsDir = seedsFolder(), curatedDir = 'content/curated', cache?: StepCache): Promise<Corpus> {
  const corpus = assembleCorpus(await ingestFiles(seedsDir, cache), loadCurated(curatedDir));
  fs.mkdirSync(GENERATED, { recursive: true });
  fs.writeFileSync(CORPUS_FILE, JSON.stringify(corpus));
  fs.writeFileSync(path.join(GENERATED, 'build-report.md'), buildReport(corpus.diagnostics));
  const shown = corpus.diagnostics.filter((d) => d.severity !== 'info');
  for (const d of shown.slice(0, 50)) console.warn(formatDiagnostic(d));
  if (shown.length > 50) console.warn(`… and ${shown.length - 50} more in ${GENERATED}/build-report.md`);
  const cached = cache ? `; ${cache.summary()}` : '';
  console.log(`ingest: ${corpus.documents.length} documents from ${Object.keys(corpus.sources).length} files${cached}; report in ${GENERATED}/build-report.md`);
  return corpus;
}
