/**
 * The schema of content/generated/site.json, the site data the Astro pages read
 * (scripts/site/site-model.ts SiteData): the documents and what the site derives from them.
 */
import { z } from 'zod';
import {
  DiagnosticSchema,
  DocumentMetaSchema,
  NormalisationSchema,
  PolicyDocumentSchema,
  PublishedOriginalSchema,
  SourceRefSchema,
  UnitSchema,
} from './corpus.ts';
import { readGeneratedJson } from './generated-file.ts';

/** A task of a document as a department page lists it. */
export const DepartmentTaskSchema = z.strictObject({
  document: z.string(),
  eid: z.string(),
  label: z.string(),
  heading: z.string(),
  role: UnitSchema.shape.role.optional(),
  evidence: UnitSchema.shape.evidence.optional(),
});

export const DepartmentSchema = z.strictObject({ name: z.string(), slug: z.string(), tasks: z.array(DepartmentTaskSchema) });

export const SiteDataSchema = z.strictObject({
  generatedBy: z.string(),
  documents: z.array(PolicyDocumentSchema),
  departments: z.array(DepartmentSchema),
  sources: z.record(z.string(), z.array(z.string())),
  normalisations: z.record(z.string(), z.array(NormalisationSchema)),
  originals: z.record(z.string(), PublishedOriginalSchema),
  diagnostics: z.array(DiagnosticSchema),
});

/**
 * A document of site.json as Astro checks it: its id, metadata and sources; its text (notice, body,
 * copies …) is the corpus's, checked in corpus.json once per build (by the compare stage's reader).
 */
const DocumentHeadSchema = z.looseObject({ id: z.string(), meta: DocumentMetaSchema, sources: z.array(SourceRefSchema) });

/** site.json checked as Astro reads it: everything but the documents' text, which corpus.json's check covers. */
export const SiteDataHeadSchema = SiteDataSchema.extend({ documents: z.array(DocumentHeadSchema) });

/**
 * Reads site.json for the pages. The documents' text is not checked again here: the document model
 * is checked once per build, where corpus.json is read back, and site.json holds the same documents
 * written by the same build. Checking them twice cost 0.44 s of Astro's time on the seeds and, at
 * 0.14 s per MB, about 14 s of a 2,000-document build (site.json near 100 MB), over the 2% a check
 * may cost; the envelope, departments, originals and each document's metadata are still checked.
 */
export function readSiteData(file: string, writer: string): z.infer<typeof SiteDataSchema> {
  // The documents passed DocumentHeadSchema, and their text PolicyDocumentSchema in corpus.json.
  return readGeneratedJson(file, SiteDataHeadSchema, writer) as z.infer<typeof SiteDataSchema>;
}
