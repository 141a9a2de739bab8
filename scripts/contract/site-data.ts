/**
 * The schema of content/generated/site.json, the site data the Astro pages read
 * (scripts/site/site-model.ts SiteData): the documents and what the site derives from them.
 */
import { z } from 'zod';
import { DiagnosticSchema, NormalisationSchema, PolicyDocumentSchema, PublishedOriginalSchema, UnitSchema } from './corpus.ts';

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
