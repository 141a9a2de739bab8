/**
 * Build step 2: from the corpus, write what Astro reads — content/generated/site.json
 * (documents, units; bodies, units' tasks and original text in files beside it) and one MDX page per document. The data and the pages come
 * from pure functions in scripts/site/ (site-data.ts, document-pages.ts); this step writes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Corpus } from '../ingest/model.ts';
import type { SiteData } from '../site/site-model.ts';
import { siteDataFrom } from '../site/site-data.ts';
import { SITE_TEXT_DIRS, siteFiles } from '../site/site-files.ts';
import { departmentSlugs } from '../site/document-pages.ts';
import { cachedDocumentPages, readWrittenPages, saveWrittenPages } from './document-page-cache.ts';
import { codeFingerprint, contentKey, type StepCache } from './cache.ts';
import { documentDigest } from './document-digest.ts';
import type { ExtractedPage } from '../search/extract.ts';
import { similarExtras } from '../site/similar-tasks.ts';
import { CORPUS_FILE, GENERATED } from './ingest-step.ts';
import { runConceptStage } from './concepts-step.ts';
import { type CompareOutcome, compareConceptInput, runCompareStageInWorker } from './compare-thread.ts';
import { SITE_DATA_FILE } from './pending-files.ts';
import { pageForTest } from './test-hooks.ts';
import { type SyncFile, SyncRecordsSchema, syncFolder } from './sync-folder.ts';
import { PAGES_READY_FILE } from '../contract/pending-file.ts';
import { putWholeFile } from '../contract/whole-file.ts';
import { TextRefFields } from '../contract/generated-file.ts';
import { stampOf } from '../contract/file-stamp.ts';
import type { PolicyDocument } from '../ingest/model.ts';
import type { Root } from 'mdast';
import type { ConceptsData } from '../concepts/model.ts';

/** What other steps may read as the site step goes (the search index reads the pages' final MDX trees). */
export interface SiteStepHooks {
  /** Makes another step's record of a document's final MDX tree; it is cached with the page, so it must be plain JSON. */
  recordOfTree?(doc: PolicyDocument, tree: Root): ExtractedPage;
  /** Called with each document's record, made or from the cache, in the documents' order. */
  onDocumentRecord?(doc: PolicyDocument, record: ExtractedPage): void;
  /** Called with the analysed concepts. */
  onConcepts?(data: ConceptsData): void;
}

/** What the site step leaves: the site data, and the compare stage still running. */
export interface SiteStep {
  data: SiteData;
  /** The concept stage's data, as written to concepts.json. */
  concepts: ConceptsData;
  /** Resolves once the compare and relations stages have written their files (pending-files.ts), with what they hand back. */
  compared: Promise<CompareOutcome>;
  /**
   * Writes site.json and the texts beside it. Call it once Astro has started: Astro reads them only when
   * it renders, and writing them takes a while (176 MB at 2,019 documents in a clean build), which then
   * overlaps Astro's bundling.
   */
  writeSiteData(): void;
}

/**
 * Writes content/generated/docs/*.mdx (only the pages that changed), removing pages of documents that are gone; site.json is
 * written when the caller says ({@link SiteStep.writeSiteData}).
 * The compare stage runs on a worker thread meanwhile (the pages hold only its placeholders); it
 * reads the corpus file the ingest step wrote and is handed the concept stage's mentions.
 * The relations stage runs after the compare stage on the same worker, and writes relations.json.
 * Returns once the pages are written; the compare stage may still run (`compared`). The caller removes the
 * previous build's pending files first (pending-files.ts), so nothing reads them in place of this build's.
 */
export async function writeSite(corpus: Corpus, hooks: SiteStepHooks = {}, cache?: StepCache): Promise<SiteStep> {
  const data = siteDataFrom(corpus);
  const docsDir = path.join(GENERATED, 'docs');
  const concepts = runConceptStage(data.documents, corpus.diagnostics);
  hooks.onConcepts?.(concepts.data);
  // The ingest step wrote the corpus file from this corpus a moment ago.
  const corpusStamp = stampOf(fs.statSync(CORPUS_FILE));
  const compared = runCompareStageInWorker({ corpusFile: CORPUS_FILE, corpusStamp, concepts: compareConceptInput(concepts.data) });
  // Reported once, by the caller's await, even if it fails while the pages are written.
  compared.catch(() => {});
  const maker = {
    departmentSlug: departmentSlugs(data),
    pluginsFor: concepts.pluginsFor,
    pluginInputs: concepts.pluginInputs,
    extrasFor: similarExtras,
    recordOfTree: hooks.recordOfTree,
  };
  const { pages, made } = cachedDocumentPages(data.documents, maker, cache);
  for (const { doc, record } of pages) if (record) hooks.onDocumentRecord?.(doc, record);
  // Only pages whose text changed are written: the others keep their modification time. A page's identity
  // says what its text is made from; a page the test hook changed has none, so it is compared byte for byte.
  const files = pages.map(({ doc, mdx, identity }, index): SyncFile => {
    const broken = pageForTest(index, mdx);
    return broken === undefined ? [`${doc.id}.mdx`, mdx, identity] : [`${doc.id}.mdx`, broken];
  });
  const written = syncFolder(docsDir, files, { previous: readWrittenPages(cache) });
  saveWrittenPages(cache, written.records);
  const cached = cache?.reads ? `${made} made, ${pages.length - made} from the cache; ` : '';
  console.log(`MDX pages: ${cached}${written.written} written, ${written.unchanged} unchanged, ${written.removed} removed`);
  // Every page is in place (the concept stage wrote its own above): Astro's content loaders may read them.
  fs.writeFileSync(PAGES_READY_FILE, '');
  return { data, concepts: concepts.data, compared, writeSiteData: () => writeSiteFiles(data, SITE_DATA_FILE, cache) };
}

/** What the site texts depend on besides the documents: the code that makes the units' tasks and splits the texts off. */
const SITE_TEXT_CODE = ['scripts/site/site-files.ts', 'scripts/site/site-model.ts', 'scripts/site/departments.ts', 'shared/document'] as const;

/** The cache's entry for the texts the site step last wrote (not a page key: those are hex digests). */
const WRITTEN_TEXTS = 'written-texts';

const WrittenTextsSchema = z.strictObject({
  /** Per identity of a body or a unit's tasks (see writeSiteFiles), the file it was written to. */
  texts: z.record(z.string(), z.strictObject(TextRefFields)),
  /** Per folder, its files as it held them then (sync-folder.ts). */
  written: z.record(z.string(), SyncRecordsSchema),
});
type WrittenTexts = z.infer<typeof WrittenTextsSchema>;

/**
 * Writes the site data as site.json and the texts split off it (scripts/site/site-files.ts). The texts
 * come first and only those that changed are written; site.json last, as a whole, since Astro may be
 * waiting for it (pending-files.ts) and then reads the texts it names. With `cache`, a text the previous
 * build recorded under the same identity keeps its file without being made and hashed again, while that
 * file is still in place: a document's body by the document's digest (document-digest.ts), a unit's tasks
 * by its name, slug and the digests of the documents they come from, each with the code that makes them.
 */
export function writeSiteFiles(site: SiteData, siteFile = SITE_DATA_FILE, cache?: StepCache): void {
  const code = cache ? codeFingerprint(SITE_TEXT_CODE) : '';
  const byId = new Map(site.documents.map((doc) => [doc.id, doc]));
  const bodyIdentity = (doc: PolicyDocument) => contentKey(code, 'body', documentDigest(doc));
  const unitIdentity = (unit: { name: string; slug: string }, documents: readonly string[]) =>
    contentKey(code, 'unit', unit.name, unit.slug, ...documents.map((id) => documentDigest(byId.get(id)!)));
  const previous = cache?.getJson(WRITTEN_TEXTS, WrittenTextsSchema);
  const recorded = previous?.texts ?? {};
  const { data, texts, known } = siteFiles(
    site,
    previous && { body: (doc) => recorded[bodyIdentity(doc)], department: (unit, documents) => recorded[unitIdentity(unit, documents)] },
  );
  const base = path.dirname(siteFile);
  const next: WrittenTexts = { texts: {}, written: {} };
  for (const dir of SITE_TEXT_DIRS) {
    // Each file with its digest as identity: a file recorded with it and still in place is kept unread.
    const files = [...texts, ...known].filter(([folder]) => folder === dir).map(([, name, text, digest]): SyncFile => [name, text, digest]);
    next.written[dir] = syncFolder(path.join(base, dir), files, { namedByContent: true, previous: previous?.written[dir] }).records;
  }
  if (cache) {
    site.documents.forEach((doc, n) => (next.texts[bodyIdentity(doc)] = { file: data.documents[n].text.file, digest: data.documents[n].text.digest }));
    for (const unit of data.departments) next.texts[unitIdentity(unit, unit.documents)] = { file: unit.text.file, digest: unit.text.digest };
    cache.set(WRITTEN_TEXTS, JSON.stringify(next));
  }
  putWholeFile(siteFile, JSON.stringify(data));
}
