/**
 * Loads content/generated/site.json once per build. Pages call siteData()
 * instead of reading files themselves, so the JSON is parsed a single time.
 * The documents' bodies and the seed files' lines are files of their own beside
 * it (scripts/site/site-files.ts), read when a page shows them.
 */
import path from 'node:path';
import type { DepartmentHead, DepartmentTask, DocumentHead, SiteDataFile, SourceText } from '../../scripts/site/site-model.ts';
import { DepartmentTextSchema, readDocumentText, readSiteData, SourceTextSchema } from '../../scripts/contract/site-data.ts';
import { readTextBeside } from '../../scripts/contract/generated-file.ts';
import type { PolicyDocument, SourceRef } from '../../scripts/ingest/model.ts';

const SITE_FILE = path.resolve('content/generated/site.json');
const WRITER = 'the site step (scripts/steps/site-step.ts, before Astro runs)';

let cached: SiteDataFile | undefined;
let byId: Map<string, DocumentHead> | undefined;
let spans: Map<string, SourceRef[]> | undefined;
let departments: Map<string, DepartmentHead> | undefined;
/** Source texts of files that hold several documents (sourceText). */
const shared = new Map<string, SourceText>();

/** The generated site data; run `npm run build` (or `npm run ingest`) first. */
export function siteData(): SiteDataFile {
  cached ??= readSiteData(SITE_FILE, WRITER);
  return cached;
}

/** Finds a document by id; throws (failing the build) when a page asks for one that does not exist. */
export function documentById(id: string): DocumentHead {
  const doc = findDocument(id);
  if (!doc) throw new Error(`no document with id "${id}"`);
  return doc;
}

/** A document by id, or undefined when the collection has none with that id. */
export function findDocument(id: string): DocumentHead | undefined {
  // A map, not a search: pages and components look documents up thousands of times in a large corpus.
  byId ??= new Map(siteData().documents.map((d) => [d.id, d]));
  return byId.get(id);
}

/**
 * A document with its body, for the pages that show the text (its own page, a comparison). Read from its
 * file each time and not kept: each document's page reads it once, and 2,000 bodies are 95 MB.
 */
export function documentWithBody(id: string): PolicyDocument {
  const { text, ...doc } = documentById(id);
  const { body } = readDocumentText(SITE_FILE, text, WRITER);
  return { ...doc, body };
}

/**
 * A seed file's physical lines and normalisations, for its original-text page (empty when site.json names no
 * such file). Kept when the file holds several documents, whose pages each show it (an export of hundreds of
 * documents in one file would otherwise be read, hashed and checked once per document); read each time otherwise.
 */
export function sourceText(file: string): SourceText {
  const kept = shared.get(file);
  if (kept) return kept;
  const ref = siteData().sources[file];
  if (!ref) return { lines: [], normalisations: [] };
  const text = readTextBeside(SITE_FILE, ref, SourceTextSchema, WRITER);
  if (documentSpans(file).length > 1) shared.set(file, text);
  return text;
}

/** Where each document from a seed file starts and ends in it, in the collection's order (one pass over the collection, not one per page). */
export function documentSpans(file: string): SourceRef[] {
  if (!spans) {
    spans = new Map();
    for (const d of siteData().documents) {
      for (const s of d.sources) {
        const list = spans.get(s.file);
        if (list) list.push(s);
        else spans.set(s.file, [s]);
      }
    }
  }
  return spans.get(file) ?? [];
}

/** A unit by the slug of its page, or undefined when the collection names none with that slug. */
export function departmentBySlug(slug: string): DepartmentHead | undefined {
  departments ??= new Map(siteData().departments.map((d) => [d.slug, d]));
  return departments.get(slug);
}

/** The tasks of a unit, for its page; throws (failing the build) when a page asks for a unit that does not exist. */
export function departmentTasks(slug: string): DepartmentTask[] {
  const dept = departmentBySlug(slug);
  if (!dept) throw new Error(`no unit with slug "${slug}"`);
  return readTextBeside(SITE_FILE, dept.text, DepartmentTextSchema, WRITER).tasks;
}
