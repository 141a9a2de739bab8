/** Build step 1: ingest seeds/ and write the corpus and the build report. */
import fs from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../ingest/model.ts';
import { ingestFolder } from '../ingest/index.ts';
import { buildReport, formatDiagnostic } from './report.ts';

export const GENERATED = 'content/generated';
/** The corpus as JSON, for the steps that read it from a worker thread. */
export const CORPUS_FILE = path.join(GENERATED, 'corpus.json');

/** The folder the build reads: SEEDS_DIR when set, else seeds/. */
export function seedsFolder(): string {
  return process.env.SEEDS_DIR || 'seeds';
}

/** Ingests seedsDir (SEEDS_DIR, default seeds/; any mix of .txt .pdf .docx .html), writes content/generated/corpus.json and build-report.md, prints warnings. */
export async function runIngest(seedsDir = seedsFolder(), curatedDir = 'content/curated'): Promise<Corpus> {
  const corpus = await ingestFolder(seedsDir, curatedDir);
  fs.mkdirSync(GENERATED, { recursive: true });
  fs.writeFileSync(CORPUS_FILE, JSON.stringify(corpus));
  fs.writeFileSync(path.join(GENERATED, 'build-report.md'), buildReport(corpus.diagnostics));
  const shown = corpus.diagnostics.filter((d) => d.severity !== 'info');
  for (const d of shown.slice(0, 50)) console.warn(formatDiagnostic(d));
  if (shown.length > 50) console.warn(`… and ${shown.length - 50} more in ${GENERATED}/build-report.md`);
  console.log(`ingest: ${corpus.documents.length} documents from ${Object.keys(corpus.sources).length} files; report in ${GENERATED}/build-report.md`);
  return corpus;
}
