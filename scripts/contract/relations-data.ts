/**
 * The schema of content/generated/relations.json, the relations stage's output
 * (scripts/relations/model.ts RelationsData), read by the pages, the open data, the feeds and search.
 */
import { z } from 'zod';

export const RELATION_KINDS = ['依据', '落实', '配套', '转发', '修订', '替代', '废止', '引用'] as const;
export const STANDINGS = ['征求意见稿', '送审稿', '正式', '修订', '已废止'] as const;

export const RelationEvidenceSchema = z.strictObject({
  document: z.string(),
  anchor: z.string().nullable(),
  label: z.string().nullable(),
  region: z.enum(['title', 'notice', 'preamble', 'body', 'footer']),
  line: z.number(),
  sentence: z.string(),
  marks: z.array(z.tuple([z.number(), z.number()])),
});

const taskRef = z.strictObject({ eid: z.string(), label: z.string(), heading: z.string() });

export const RelationSchema = z.strictObject({
  kind: z.enum(RELATION_KINDS),
  from: z.strictObject({ id: z.string().nullable(), title: z.string() }),
  to: z.strictObject({ id: z.string().nullable(), title: z.string() }),
  basis: z.enum(['citation', 'title', 'alignment']),
  evidence: z.array(RelationEvidenceSchema),
  alignment: z
    .strictObject({
      score: z.number(),
      matched: z.number(),
      fromTasks: z.number(),
      toTasks: z.number(),
      pairs: z.array(z.strictObject({ from: taskRef, to: taskRef, score: z.number() })),
    })
    .optional(),
});

export const DocumentStandingSchema = z.strictObject({
  status: z.enum(STANDINGS),
  statusEvidence: z.array(RelationEvidenceSchema),
  validity: z.strictObject({ from: z.string().nullable(), to: z.string().nullable(), text: z.string(), evidence: z.array(RelationEvidenceSchema) }).nullable(),
  endedBy: z.strictObject({ document: z.string(), date: z.string().nullable() }).nullable(),
  inForce: z.array(z.number()),
});

export const RelationsDataSchema = z.strictObject({
  generatedBy: z.string(),
  relations: z.array(RelationSchema),
  standing: z.record(z.string(), DocumentStandingSchema),
  years: z.array(z.number()),
});
