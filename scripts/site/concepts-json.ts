/**
 * data/concepts.json: every concept with its aliases, definition and
 * occurrences (field names in the README, "Open data"). Pure; the open data
 * build step (scripts/steps/open-data-step.ts) writes it.
 */
import type { ConceptsData } from '../concepts/model.ts';
import { occurrencesByConcept } from '../concepts/occurrences.ts';
import type { ConceptQuote } from '../concepts/glossary.ts';
import { paths } from '../urls/paths.ts';

/** One mention as published: where it is and the words as written. */
export interface PublishedOccurrence {
  document: string;
  eid: string | null;
  anchor: string;
  url: string;
  line: number;
  text: string;
}

/** One concept as published. */
export interface PublishedConcept {
  id: string;
  name: string;
  url: string;
  aliases: string[];
  definition: string;
  related: string[];
  quote: ConceptQuote | null;
  /** How many documents use it. */
  documents: number;
  occurrences: PublishedOccurrence[];
}

/** The concepts.json entries; `origin` is the site's origin without trailing slash. */
export function publishedConcepts(data: Pick<ConceptsData, 'concepts' | 'occurrences'>, origin: string): PublishedConcept[] {
  const byConcept = occurrencesByConcept(data.occurrences);
  return data.concepts.map((c) => ({
    id: c.id,
    name: c.name,
    url: origin + c.url,
    aliases: c.aliases,
    definition: c.definition,
    related: c.related,
    quote: c.quote ?? null,
    documents: c.documents.length,
    occurrences: (byConcept.get(c.id) ?? []).map((o) => ({
      document: o.document,
      eid: o.eid,
      anchor: o.anchor,
      url: origin + paths.task(o.document, o.anchor),
      line: o.line,
      text: o.match,
    })),
  }));
}

/** The text of concepts.json. */
export function conceptsJson(concepts: readonly PublishedConcept[]): string {
  return JSON.stringify(concepts, null, 1);
}
