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
  BlockSchema,
} from './corpus.ts';
import { readGeneratedJson, readTextBeside, TextRefFields } from './generated-file.ts';

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

/** The text of a document (its body) or a unit (its tasks), with its task count for the listings. */
const TaskTextRefSchema = z.strictObject({ ...TextRefFields, taskCount: z.number().int().nonnegative() });
const SourceTextRefSchema = z.strictObject({ ...TextRefFields, lines: z.number().int().nonnegative() });

const DepartmentHeadSchema = DepartmentSchema.omit({ tasks: true }).extend({
  documents: z.array(z.string()),
  text: TaskTextRefSchema,
});

/** site.json as written (scripts/site/site-files.ts): the documents without their bodies, the units without their tasks, the seed files' lines written apart. */
export const SiteDataFileSchema = SiteDataSchema.omit({ normalisations: true }).extend({
  documents: z.array(PolicyDocumentSchema.omit({ body: true }).extend({ text: TaskTextRefSchema })),
  departments: z.array(DepartmentHeadSchema),
  sources: z.record(z.string(), SourceTextRefSchema),
});

/**
 * A document of site.json as Astro checks it: its id, metadata, sources and where its body is; its
 * text (notice, preamble, copies …) is the corpus's, checked in corpus.json once per build (by the
 * compare stage's reader).
 */
const DocumentHeadSchema = z.looseObject({ id: z.string(), meta: DocumentMetaSchema, sources: z.array(SourceRefSchema), text: TaskTextRefSchema });

/** site.json checked as Astro reads it: everything but the documents' text, which corpus.json's check covers. */
export const SiteDataHeadSchema = SiteDataFileSchema.extend({ documents: z.array(DocumentHeadSchema) });

/** A document's body beside site.json. */
export const DocumentTextSchema = z.strictObject({ body: z.array(BlockSchema) });

/** A document's body as a page reads it: the blocks are the corpus's, checked in corpus.json once per build. */
const DocumentTextHeadSchema = z.strictObject({ body: z.array(z.looseObject({ type: z.string() })) });

/** A unit's tasks beside site.json. */
export const DepartmentTextSchema = z.strictObject({ tasks: z.array(DepartmentTaskSchema) });

/** A seed file's lines and normalisations beside site.json. */
export const SourceTextSchema = z.strictObject({ lines: z.array(z.string()), normalisations: z.array(NormalisationSchema) });

/**
 * Reads site.json for the pages. The documents' text is not checked again here: the document model
 * is checked once per build, where corpus.json is read back, and site.json holds the same documents
 * written by the same build. Checking them twice cost 0.44 s of Astro's time on the seeds and, at
 * 0.14 s per MB, about 14 s of a 2,000-document build (site.json near 100 MB), over the 2% a check
 * may cost; the envelope, departments, originals and each document's metadata are still checked.
 */
export function readSiteData(file: string, writer: string): z.infer<typeof SiteDataFileSchema> {
  // The documents passed DocumentHeadSchema, and their text PolicyDocumentSchema in corpus.json.
  return readGeneratedJson(file, SiteDataHeadSchema, writer) as z.infer<typeof SiteDataFileSchema>;
}

/** Reads a document's body beside site.json (see readTextBeside), its blocks checked only for their type (as in readSiteData). */
export function readDocumentText(siteFile: string, ref: { file: string; digest: string }, writer: string): z.infer<typeof DocumentTextSchema> {
  return readTextBeside(siteFile, ref, DocumentTextHeadSchema, writer) as z.infer<typeof DocumentTextSchema>;
}
