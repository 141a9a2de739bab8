/**
 * Derives all concept and citation data from the corpus and the glossary in
 * one pass (pure): the compiled matcher, every occurrence, per-concept
 * counts, discovered candidate terms and the citation index.
 */
import type { PolicyDocument } from '../ingest/model.ts';
import { provisionsOf } from '../../shared/document/walk.ts';
import { comparePinyin } from '../urls/slug.ts';
import { findCitations } from './citations.ts';
import { discoverTerms } from './discover.ts';
import { termsOf, type Concept, type Glossary, type GlossaryProblem } from './glossary.ts';
import { foldTerm } from './fold.ts';
import { BOUNDARY_KEY, compileMatcher, type Matcher } from './matcher.ts';
import { paragraphIndex, type ParagraphMentions } from './paragraph-index.ts';
import type { ConceptsData, ConceptSummary, Occurrence } from './model.ts';
import { findOccurrences } from './occurrences.ts';
import { textUnits } from './text-units.ts';

/** The derived data plus what the linking plugin reuses: the matcher and each paragraph's mentions. */
export interface ConceptAnalysis {
  data: ConceptsData;
  matcher: Matcher;
  /** Per document, the lookup of its paragraphs' mentions (see paragraph-index.ts). */
  paragraphMentions: (document: string) => ParagraphMentions;
  /** Glossary quotes that do not match the documents (the build fails on these). */
  problems: GlossaryProblem[];
}

/** The responsible units' names of every document (the longer ones, which can hold a concept). */
export function unitNames(documents: readonly PolicyDocument[]): string[] {
  const names = new Set<string>();
  for (const doc of documents) {
    for (const { node } of provisionsOf(doc.body)) for (const u of node.units) if (u.name.length >= 4) names.add(u.name);
  }
  return [...names];
}

/**
 * Compiles the glossary's names and aliases into one matcher keyed by concept
 * id, with organisation names as boundaries: matched like terms (longest first),
 * a name keeps a concept from being found inside it (济南能源互联网产业发展促进中心
 * holds no mention of 能源互联网); their mentions carry BOUNDARY_KEY and are dropped.
 */
export function glossaryMatcher(concepts: readonly Concept[], names: readonly string[] = []): Matcher {
  // Concepts first: a name spelled like a concept term stays the concept.
  return compileMatcher([...concepts.flatMap((c) => termsOf(c).map((term) => ({ term, key: c.id }))), ...names.map((term) => ({ term, key: BOUNDARY_KEY }))]);
}

/** Analyses the corpus against the glossary; `conceptUrl` gives each concept page's URL. */
export function analyseConcepts(documents: readonly PolicyDocument[], glossary: Glossary, conceptUrl: (id: string) => string): ConceptAnalysis {
  const matcher = glossaryMatcher(glossary.concepts, unitNames(documents));
  const occurrences = findOccurrences(documents, matcher);
  const byConcept = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const list = byConcept.get(o.concept);
    if (list) list.push(o);
    else byConcept.set(o.concept, [o]);
  }
  const concepts: ConceptSummary[] = glossary.concepts
    .map((c) => summarise(c, byConcept.get(c.id) ?? [], conceptUrl(c.id)))
    .sort((a, b) => comparePinyin(a.name, b.name));
  return {
    matcher,
    paragraphMentions: paragraphIndex(documents, occurrences),
    problems: quoteProblems(glossary, documents),
    data: {
      generatedBy: 'scripts/steps/concepts-step.ts',
      concepts,
      occurrences: concepts.flatMap((c) => byConcept.get(c.id) ?? []),
      candidates: discoverTerms(documents, { glossary: matcher, glossaryTerms: glossary.concepts.flatMap(termsOf) }),
      citations: findCitations(documents),
    },
  };
}

function summarise(concept: Concept, occurrences: Occurrence[], url: string): ConceptSummary {
  const documents = new Map<string, { document: string; mentions: number; firstAnchor: string }>();
  for (const o of occurrences) {
    const entry = documents.get(o.document) ?? { document: o.document, mentions: 0, firstAnchor: o.anchor };
    entry.mentions += 1;
    documents.set(o.document, entry);
  }
  return { ...concept, url, mentions: occurrences.length, documents: [...documents.values()] };
}

/** A quote must name an existing document (and task) and appear there verbatim (up to variant forms). */
export function quoteProblems(glossary: Glossary, documents: readonly PolicyDocument[]): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  glossary.concepts.forEach((c, index) => {
    if (!c.quote) return;
    const { document, eid, text } = c.quote;
    const doc = documents.find((d) => d.id === document);
    const where = `concept "${c.id}": quote`;
    const at = (field: string) => ({ line: glossary.locate?.(['concepts', index, 'quote', field]) ?? 0, path: `concepts[${index}].quote.${field}` });
    if (!doc) {
      problems.push({
        ...at('document'),
        problem: `${where} names document "${document}", which is not in the corpus`,
        hint: 'use an id from content/generated/corpus.json (or remove the quote)',
      });
      return;
    }
    const units = textUnits(doc).filter((u) => eid === undefined || u.eid === eid);
    if (eid !== undefined && units.length === 0) {
      problems.push({
        ...at('eid'),
        problem: `${where} names task "${eid}", which "${document}" does not have`,
        hint: 'use the eid of the task (the #anchor of its heading)',
      });
    } else if (!units.some((u) => foldTerm(u.text).includes(foldTerm(text)))) {
      problems.push({
        ...at('text'),
        problem: `${where} "${text.slice(0, 30)}…" is not found in ${document}${eid ? ` ${eid}` : ''}`,
        hint: 'copy the sentence verbatim from the document page',
      });
    }
  });
  return problems;
}
