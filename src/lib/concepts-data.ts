/**
 * Loads content/generated/concepts.json (written by scripts/steps/concepts-step.ts)
 * once per build, and answers the questions concept and document pages ask.
 */
import path from 'node:path';
import { readGeneratedJson } from '../../scripts/contract/generated-file.ts';
import { ConceptsDataSchema } from '../../scripts/contract/concepts-data.ts';
import type { ConceptDocumentCount, ConceptsData, ConceptSummary, DocumentCitations, Occurrence } from '../../scripts/concepts/model.ts';
import { occurrencesByConcept } from '../../scripts/concepts/occurrences.ts';

let cached: ConceptsData | undefined;
let byConcept: Map<string, Occurrence[]> | undefined;
let byDocument: Map<string, ConceptInDocument[]> | undefined;

/** The generated concept data; run `npm run build` first. */
export function conceptsData(): ConceptsData {
  if (!cached) {
    cached = readGeneratedJson(
      path.resolve('content/generated/concepts.json'),
      ConceptsDataSchema,
      'the concept stage (scripts/steps/concepts-step.ts, before Astro runs)',
    );
  }
  return cached;
}

/** A concept by id; throws (failing the build) for an unknown id. */
export function conceptById(id: string): ConceptSummary {
  const concept = conceptsData().concepts.find((c) => c.id === id);
  if (!concept) throw new Error(`no concept with id "${id}"`);
  return concept;
}

/** Every occurrence of a concept, in corpus and reading order. */
export function occurrencesOf(id: string): Occurrence[] {
  byConcept ??= occurrencesByConcept(conceptsData().occurrences);
  return byConcept.get(id) ?? [];
}

/** What a document cites and who cites it (empty lists for an unknown id). */
export function citationsOf(documentId: string): DocumentCitations {
  return conceptsData().citations[documentId] ?? { cites: [], external: [], citedBy: [] };
}

/** A concept a document uses, with the document's count of it. */
export interface ConceptInDocument {
  concept: ConceptSummary;
  here: ConceptDocumentCount;
}

/**
 * The concepts a document uses, in glossary order. Indexed once: every document page asks, and
 * searching each concept's document list per page was quadratic in the corpus.
 */
export function conceptsInDocument(documentId: string): ConceptInDocument[] {
  if (!byDocument) {
    byDocument = new Map();
    for (const concept of conceptsData().concepts) {
      for (const here of concept.documents) {
        const list = byDocument.get(here.document) ?? [];
        // The first count of a document per concept, as a search of the list would find it.
        if (!list.some((x) => x.concept === concept)) list.push({ concept, here });
        byDocument.set(here.document, list);
      }
    }
  }
  return byDocument.get(documentId) ?? [];
}
