/**
 * The schemas of content/generated/compare.json, the compare stage's output without its client
 * payloads (scripts/compare/published.ts CompareData; as written, CompareFile, with each document's
 * 相似任务 lists in a file beside it, SimilarLists), read by the pages.
 */
import { z } from 'zod';
import { SourceRefSchema, TargetSchema } from './corpus.ts';
import { TextRefFields } from './generated-file.ts';

export const DocSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  issuer: z.string().nullable(),
  date: z.string().nullable(),
  status: z.string(),
  region: z.array(z.string()),
  kind: z.string(),
});

export const SimilarTaskSchema = z.strictObject({ doc: z.string(), eid: z.string(), label: z.string(), title: z.string(), score: z.number() });

const targetCell = z.strictObject({ eid: z.string(), label: z.string(), target: TargetSchema });

export const ComparisonSchema = z.strictObject({
  a: z.string(),
  b: z.string(),
  score: z.number(),
  rows: z.array(
    z.strictObject({
      a: z.number().optional(),
      b: z.number().optional(),
      score: z.number().optional(),
      moved: z.boolean().optional(),
      own: z.strictObject({ a: z.array(z.tuple([z.number(), z.number()])), b: z.array(z.tuple([z.number(), z.number()])) }).optional(),
    }),
  ),
  targets: z.array(z.strictObject({ indicator: z.string(), match: z.enum(['same', 'related']), a: z.array(targetCell), b: z.array(targetCell) })),
  departments: z.strictObject({
    both: z.array(z.string()),
    onlyA: z.array(z.string()),
    onlyB: z.array(z.string()),
    counterparts: z.array(z.strictObject({ a: z.string(), b: z.string() })),
  }),
  concepts: z.array(z.strictObject({ id: z.string(), name: z.string(), a: z.number(), b: z.number() })),
});

const versionPart = z.enum(['notice', 'title', 'preamble', 'body', 'footer']);

export const VersionBlockSchema = z.strictObject({
  part: versionPart,
  kind: z.enum(['heading', 'text']),
  text: z.string(),
  label: z.string(),
  line: z.number(),
});

export const VersionDiffSchema = z.strictObject({
  id: z.string(),
  copy: z.number(),
  source: SourceRefSchema,
  primarySource: SourceRefSchema,
  charCount: z.strictObject({ before: z.number(), after: z.number() }),
  outline: z.strictObject({ removed: z.array(VersionBlockSchema), added: z.array(VersionBlockSchema) }),
  hunks: z.array(
    z.strictObject({
      part: versionPart,
      label: z.string(),
      lineBefore: z.number(),
      lineAfter: z.number(),
      pieces: z.array(z.strictObject({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() })),
    }),
  ),
  fields: z.array(z.strictObject({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});

export const ComparedPairSchema = z.strictObject({
  kind: z.enum(['version', 'hierarchy', 'similar']),
  a: z.string(),
  b: z.string(),
  score: z.number(),
  comparison: ComparisonSchema.optional(),
  version: VersionDiffSchema.optional(),
});

export const DocumentConceptsSchema = z.strictObject({
  counts: z.record(z.string(), z.number()),
  spans: z.record(z.string(), z.array(z.strictObject({ concept: z.string(), start: z.number(), end: z.number() }))),
});

export const CompareDataSchema = z.strictObject({
  generatedBy: z.string(),
  docs: z.array(DocSummarySchema),
  similar: z.record(z.string(), z.record(z.string(), z.array(SimilarTaskSchema))),
  pairs: z.array(ComparedPairSchema),
  concepts: z.record(z.string(), DocumentConceptsSchema).nullable(),
  conceptInfo: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  timings: z.record(z.string(), z.number()),
});

/** One document's 相似任务 lists beside compare.json. */
export const SimilarListsSchema = z.strictObject({ similar: CompareDataSchema.shape.similar.valueType });

/** compare.json as written: each document's lists named by file, digest and the documents they name. */
export const CompareFileSchema = CompareDataSchema.extend({
  similar: z.record(z.string(), z.strictObject({ ...TextRefFields, others: z.array(z.string()) })),
});
