/**
 * Build step (after Astro): the open data under dist/data/ — documents.json (with relations, status and period),
 * docs/<id>.json, tasks.csv, units.csv, targets.csv, concepts.json, comparisons.json and the compare
 * payloads compare/<id>.js. Written here rather than by Astro endpoints because
 * they are plain files: as routes they cost Astro two renders per document.
 * The file contents come from pure functions in scripts/site/ and scripts/compare/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PolicyDocument } from '../ingest/model.ts';
import { comparisonsJson, publishedComparisons } from '../compare/comparisons-json.ts';
import { conceptsJson, publishedConcepts } from '../site/concepts-json.ts';
import { siteConfig } from '../urls/config.ts';
import { type DocumentTableParts, documentJson, documentTableParts, openDataTables } from '../open-data/open-data.ts';
import { standingJson } from '../site/relations-json.ts';
import type { CompareOutcome } from './compare-thread.ts';
import type { ConceptsData } from '../concepts/model.ts';
import { linkOrCopy } from '../offline/copy-writer.ts';
import { emptyTally, type PublishedFiles, type PublishedTally, putPublished } from '../contract/published-files.ts';
import { codeFingerprint, contentKey, type StepCache } from './cache.ts';
import { documentDigest } from './document-digest.ts';

/** Named in comparisons.json's generatedBy field. */
export const GENERATED_BY = 'scripts/steps/open-data-step.ts';

/** What the step wrote; `linked` and `records` are the documents' files (scripts/contract/published-files.ts). */
export type OpenDataReport = PublishedTally;

/** What the step publishes besides the documents: the earlier stages' results, handed over in memory. */
export interface OpenDataSources {
  /** The concept stage's data (site step). */
  concepts: ConceptsData;
  /** What the compare and relations stages handed back (compare-thread.ts). */
  compared: CompareOutcome;
  /** The folder of the compare payloads, `<id>.js` for each id of `compared.payloads`. */
  compareClientDir: string;
}

/**
 * Writes the open data into `<siteDir>/data/` (the dist/ layout has no base
 * path: the host serves dist/ under it). `documents` are the site step's, `sources` the concept, compare
 * and relations stages' results (the compare payloads are published from their files). With `published`, a document's
 * docs/<id>.json whose bytes the published site already holds is hard-linked from it instead of written:
 * at 2,019 documents that is 96 MB in 2,019 files written on every build, of which adding a document
 * changes one.
 */
export function writeOpenData(
  siteDir: string,
  documents: readonly PolicyDocument[],
  sources: OpenDataSources,
  published?: PublishedFiles,
  cache?: StepCache,
): OpenDataReport {
  const { origin } = siteConfig();
  const dataDir = path.join(siteDir, 'data');
  // One file per document: clear what a previous run left for documents that are gone.
  for (const dir of ['docs', 'compare']) {
    fs.rmSync(path.join(dataDir, dir), { recursive: true, force: true });
    fs.mkdirSync(path.join(dataDir, dir), { recursive: true });
  }
  const report: OpenDataReport = emptyTally();
  const write = (file: string, text: string) => {
    fs.writeFileSync(path.join(dataDir, file), text);
    report.files += 1;
    report.bytes += Buffer.byteLength(text);
  };

  const { pairs, payloads, relations } = sources.compared;
  // What the step's texts are made by besides the documents: its code and the site's address.
  const code = contentKey(codeFingerprint(OPEN_DATA_CODE), JSON.stringify(siteConfig()));
  const tables = openDataTables(tableParts(documents, standingJson(relations), code, cache));
  write('documents.json', tables.documents);
  write('tasks.csv', tables.tasks);
  write('units.csv', tables.units);
  write('targets.csv', tables.targets);
  // A document's file is named by the document's digest and the code that writes it: an unchanged document's
  // file is linked without serialising the document again (96 MB at 2,019 documents).
  for (const doc of documents) {
    const rel = `data/docs/${doc.id}.json`;
    putPublished(report, siteDir, rel, contentKey('open data', rel, code, documentDigest(doc)), () => documentJson(doc), published);
  }

  write('concepts.json', conceptsJson(publishedConcepts(sources.concepts, origin)));
  write('comparisons.json', comparisonsJson(publishedComparisons(pairs, documents, origin), GENERATED_BY));
  // The compare stage already wrote each payload as the script the compare page loads: publish it unchanged,
  // as a hard link (130 MB in 2,018 files at 2,000 documents: copying took 0.6-1.1 s, linking 0.04 s). The link
  // never sees a later build's payload, because the compare stage deletes its folder and writes new files
  // (scripts/steps/compare-step.ts), never into the old ones.
  for (const id of payloads) {
    const source = path.join(sources.compareClientDir, `${id}.js`);
    const target = path.join(dataDir, 'compare', `${id}.js`);
    try {
      linkOrCopy(source, target);
    } catch (cause) {
      throw new Error(`${source}: cannot publish the compare payload of "${id}"; the compare stage writes it ("npm run build")`, { cause });
    }
    report.files += 1;
    report.bytes += fs.statSync(target).size;
  }
  return report;
}

/** The code the open data's texts are made by (a document's file, its parts of documents.json and the CSV files). */
const OPEN_DATA_CODE = ['scripts/open-data', 'shared/document', 'scripts/urls', 'scripts/site/relations-json.ts'] as const;

const PART_NAMES = ['summary', 'tasks', 'units', 'targets'] as const;

/**
 * A document's parts as a cache entry: a first line with each part's length, then the parts one after the other.
 * As JSON, reading the 2,019 entries back (148 MB) took 0.9 s of parsing; this reads them by slicing.
 */
function partsEntry(parts: DocumentTableParts): string {
  return `${PART_NAMES.map((name) => parts[name].length).join(' ')}\n${PART_NAMES.map((name) => parts[name]).join('')}`;
}

/** The parts of an entry, or undefined when it is not one (cut, or written by other code). */
function partsOfEntry(entry: string): DocumentTableParts | undefined {
  const newline = entry.indexOf('\n');
  const lengths = entry.slice(0, newline).split(' ').map(Number);
  if (newline < 0 || lengths.length !== PART_NAMES.length || lengths.some((n) => !Number.isInteger(n) || n < 0)) return undefined;
  if (newline + 1 + lengths.reduce((sum, n) => sum + n, 0) !== entry.length) return undefined;
  let at = newline + 1;
  const parts = {} as DocumentTableParts;
  PART_NAMES.forEach((name, n) => {
    parts[name] = entry.slice(at, at + lengths[n]);
    at += lengths[n];
  });
  return parts;
}

/**
 * Each document's parts of documents.json and the CSV files, from `cache` when the document (by its digest), its
 * standing and `code` (the step's code and the site's address) are unchanged. Making them for every document took 2-3 s of the
 * main thread in a one-added build at 2,019 documents, for 148 MB of which adding a document changes its own part.
 */
function tableParts(documents: readonly PolicyDocument[], standing: ReturnType<typeof standingJson>, code: string, cache?: StepCache): DocumentTableParts[] {
  return documents.map((doc) => {
    const own = standing(doc.id);
    if (!cache) return documentTableParts(doc, own);
    const key = contentKey(code, documentDigest(doc), JSON.stringify(own));
    const entry = cache.get(key);
    const kept = entry && partsOfEntry(entry.toString('utf8'));
    if (kept) return kept;
    const made = documentTableParts(doc, own);
    cache.set(key, partsEntry(made));
    return made;
  });
}
