/**
 * The relations stage as one pure function: relations between the documents,
 * and each document's status, validity and years in force. Runs in the site
 * step once the compare stage's alignments are known
 * (scripts/steps/relations-step.ts writes the result).
 */
import type { PolicyDocument } from '../ingest/model.ts';
import type { HierarchyAlignment } from '../compare/hierarchy.ts';
import type { DocumentStanding, RelationsData, Validity } from './model.ts';
import { findRelations } from './relations.ts';
import { documentStanding } from './standing.ts';
import { readValidity } from './validity.ts';

/** Named in the data's generatedBy field. */
export const GENERATED_BY = 'scripts/steps/relations-step.ts';

/** Relations, status and periods of a collection. */
export function analyseRelations(documents: readonly PolicyDocument[], alignments: readonly HierarchyAlignment[] = []): RelationsData {
  const relations = findRelations(documents, alignments);
  const validity = new Map<string, Validity | null>(documents.map((d) => [d.id, readValidity(d)]));
  const byId = new Map(documents.map((d) => [d.id, d]));
  const startOf = (id: string) => validity.get(id)?.from ?? byId.get(id)?.meta.date.value ?? null;
  const lastYear = latestYear(documents, [...validity.values()]);
  const standing: Record<string, DocumentStanding> = {};
  for (const doc of documents) standing[doc.id] = documentStanding(doc, validity.get(doc.id) ?? null, relations, startOf, lastYear);
  const years = [...new Set(Object.values(standing).flatMap((s) => s.inForce))].sort((a, b) => a - b);
  return { generatedBy: GENERATED_BY, relations, standing, years };
}

/**
 * The latest year any document names (dates, starts and ends of periods): open-ended documents are
 * counted in force up to it. Taken from the collection, not the clock, so a rebuild gives the same site.
 */
export function latestYear(documents: readonly PolicyDocument[], validities: ReadonlyArray<Validity | null>): number {
  const years = [...documents.map((d) => d.meta.date.value), ...validities.flatMap((v) => [v?.from ?? null, v?.to ?? null])]
    .filter((d): d is string => d !== null)
    .map((d) => Number(d.slice(0, 4)));
  return years.length > 0 ? Math.max(...years) : 0;
}
