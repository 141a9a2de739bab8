/**
 * Splits the concept stage's data into the files the pages read (pure): concepts.json with the concepts,
 * candidates and citations, and beside it one file per concept with its mentions. The mentions are 39 of
 * concepts.json's 41 MB at 2,019 documents, and only a concept's own page shows them: Astro read, checked and
 * held all of them in every build, while adding a document changes the mentions of the few concepts it uses.
 * Each file is named by its concept and the digest of its bytes, which concepts.json records: a concept
 * page's cache key takes the digest instead of the mentions (src/lib/page-keys.ts), the reader checks it
 * (src/lib/concepts-data.ts), and the step writes only files whose name is new.
 */
import { digestNamedJson } from '../contract/digest.ts';
import type { ConceptOccurrences, ConceptsData, ConceptsFile, OccurrencesRef } from './model.ts';
import { occurrencesByConcept } from './occurrences.ts';

/** The folder of the mentions files, relative to concepts.json's folder. */
export const OCCURRENCES_DIR = 'concept-occurrences';

/** concepts.json, and each concept's mentions file as [file name, text]. */
export interface ConceptFiles {
  data: ConceptsFile;
  texts: Array<readonly [name: string, text: string]>;
}

/** Splits `data` into concepts.json and one mentions file per concept (concepts without mentions included). */
export function conceptFiles(data: ConceptsData): ConceptFiles {
  const byConcept = occurrencesByConcept(data.occurrences);
  const texts: ConceptFiles['texts'] = [];
  const occurrences: Record<string, OccurrencesRef> = {};
  for (const id of new Set([...data.concepts.map((c) => c.id), ...byConcept.keys()])) {
    const list = byConcept.get(id) ?? [];
    const { name, text, digest } = digestNamedJson(id, { occurrences: list } satisfies ConceptOccurrences);
    texts.push([name, text]);
    occurrences[id] = { file: `${OCCURRENCES_DIR}/${name}`, digest, count: list.length };
  }
  const { occurrences: _all, ...rest } = data;
  return { data: { ...rest, occurrences }, texts };
}
