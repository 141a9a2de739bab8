/**
 * Loads content/generated/concepts.json (written by scripts/steps/concepts-step.ts)
 * once per build, and answers the questions concept and document pages ask. Each
 * concept's mentions are a file of their own beside it (scripts/concepts/concept-files.ts),
 * read when the concept's page shows them.
 */
import path from 'node:path';
import { readGeneratedJson, readTextBeside } from '../../scripts/contract/generated-file.ts';
import { ConceptOccurrencesSchema, ConceptsFileSchema } from '../../scripts/contract/concepts-data.ts';
import type { ConceptDocumentCount, ConceptsFile, ConceptSummary, DocumentCitations, Occurrence } from '../../scripts/concepts/model.ts';

const CONCEPTS_FILE = path.resolve('content/generated/concepts.json');
const WRITER = 'the concept stage (scripts/steps/concepts-step.ts, before Astro runs)';

let cached: ConceptsFile | undefined;
let byDocument: Map<string, ConceptInDocument[]> | undefined;

/** The generated concept data; run `npm run build` first. */
export function conceptsData(): ConceptsFile {
  cached ??= readGeneratedJson(CONCEPTS_FILE, ConceptsFileSchema, WRITER);
  return cached;
}

/** A concept by id; throws (failing the build) for an unknown id. */
export function conceptById(id: string): ConceptSummary {
  const concept = conceptsData().concepts.find((c) => c.id === id);
  if (!concept) throw new Error(`no concept with id "${id}"`);
  return concept;
}

/** Every occurrence of a concept, in corpus and reading order, read from its file each time (its page asks once). */
export function occurrencesOf(id: string): Occurrence[] {
  const ref = conceptsData().occurrences[id];
  return ref ? readTextBeside(CONCEPTS_FILE, ref, ConceptOccurrencesSchema, WRITER).occurrences : [];
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
