/**
 * The schemas of content/generated/concepts.json, the concept stage's output as the pages read it
 * (scripts/concepts/model.ts ConceptsFile: ConceptsData with each concept's mentions in a file of its own
 * beside it, ConceptOccurrences).
 */
import { z } from 'zod';
import { ConceptSchema } from './curated.ts';
import { TextRefFields } from './generated-file.ts';

const textPlace = {
  document: z.string(),
  eid: z.string().nullable(),
  anchor: z.string(),
  label: z.string().nullable(),
  heading: z.string().nullable(),
  isTask: z.boolean(),
  line: z.number(),
  part: z.enum(['heading', 'text', 'table']),
  region: z.enum(['notice', 'preamble', 'body', 'footer']),
};

export const TextPlaceSchema = z.strictObject(textPlace);

export const OccurrenceSchema = z.strictObject({
  ...textPlace,
  concept: z.string(),
  start: z.number(),
  before: z.string(),
  match: z.string(),
  after: z.string(),
});

export const ConceptSummarySchema = z.strictObject({
  ...ConceptSchema.shape,
  url: z.string(),
  mentions: z.number(),
  documents: z.array(z.strictObject({ document: z.string(), mentions: z.number(), firstAnchor: z.string() })),
});

export const CandidateSchema = z.strictObject({ term: z.string(), source: z.enum(['quoted', 'latin']), documents: z.array(z.string()), mentions: z.number() });

const citationGroup = z.strictObject({ title: z.string(), target: z.string().nullable(), places: z.array(TextPlaceSchema) });

export const DocumentCitationsSchema = z.strictObject({ cites: z.array(citationGroup), external: z.array(citationGroup), citedBy: z.array(citationGroup) });

export const ConceptsDataSchema = z.strictObject({
  generatedBy: z.string(),
  concepts: z.array(ConceptSummarySchema),
  occurrences: z.array(OccurrenceSchema),
  candidates: z.array(CandidateSchema),
  citations: z.record(z.string(), DocumentCitationsSchema),
});

/** A concept's mentions file beside concepts.json. */
export const ConceptOccurrencesSchema = z.strictObject({ occurrences: z.array(OccurrenceSchema) });

/** concepts.json as written: each concept's mentions named by file and digest. */
export const ConceptsFileSchema = ConceptsDataSchema.extend({
  occurrences: z.record(z.string(), z.strictObject({ ...TextRefFields, count: z.number().int().nonnegative() })),
});
