/**
 * The concept and citation data the build derives from the corpus and the
 * glossary. Written by scripts/steps/concepts-step.ts to
 * content/generated/concepts.json; read by src/lib/concepts-data.ts (pages)
 * and scripts/steps/open-data-step.ts (open data).
 */
import type { Concept } from './glossary.ts';

/** Where in a document a piece of text sits, so listings can link to it. */
export interface TextPlace {
  document: string;
  /** The enclosing provision (task) or box; null outside them (notice, preamble, footer). */
  eid: string | null;
  /** The id to link to on the document page: the eid, or a paragraph anchor such as "para-12". */
  anchor: string;
  /** Citation label and heading of the enclosing provision ("三、（一）4．", "推动产业链式集群发展"). */
  label: string | null;
  heading: string | null;
  isTask: boolean;
  /** Physical line of the seed file where the text starts. */
  line: number;
  /** In a heading, running text, or a table cell. */
  part: 'heading' | 'text' | 'table';
  /** The part of the document: the issuing notice, the text before the first provision, the provisions, or the 抄送 footer. */
  region: 'notice' | 'preamble' | 'body' | 'footer';
}

/** One mention of a concept, with the sentence around it. */
export interface Occurrence extends TextPlace {
  concept: string;
  /** Where the mention starts in its paragraph, heading or cell text (UTF-16 offset). */
  start: number;
  /** The sentence split around the mention, for highlighting with <mark>. */
  before: string;
  match: string;
  after: string;
}

/** Per-document totals of a concept. */
export interface ConceptDocumentCount {
  document: string;
  mentions: number;
  /** Anchor of the first mention, for "first used in" links. */
  firstAnchor: string;
}

/** A glossary concept with what the corpus says about it. */
export interface ConceptSummary extends Concept {
  url: string;
  mentions: number;
  documents: ConceptDocumentCount[];
}

/** A recurring term that is not in the glossary yet (the 待收录概念 page). */
export interface Candidate {
  term: string;
  /** How it was found: in quotation marks, or as a Latin abbreviation. */
  source: 'quoted' | 'latin';
  /** Documents that use it, in corpus order. */
  documents: string[];
  mentions: number;
}

/** A title in 《…》 and where it is cited. */
export interface CitationGroup {
  /** The title as written, without the brackets. */
  title: string;
  /** The cited document when it is in the collection, else null (an external citation); in `citedBy` lists, the citing document. */
  target: string | null;
  places: TextPlace[];
}

/** What one document cites and who cites it. */
export interface DocumentCitations {
  /** Documents in the collection that this document cites. */
  cites: CitationGroup[];
  /** Titles cited that are not in the collection. */
  external: CitationGroup[];
  /** Documents of the collection that cite this one (places are in the citing document). */
  citedBy: CitationGroup[];
}

export interface ConceptsData {
  /** Which script wrote the file. */
  generatedBy: string;
  /** Concepts in pinyin order of their names. */
  concepts: ConceptSummary[];
  /** Every mention, grouped by concept, then in corpus and reading order. */
  occurrences: Occurrence[];
  /** Ranked by number of documents, then mentions. */
  candidates: Candidate[];
  /** Citations per document id. */
  citations: Record<string, DocumentCitations>;
}

/** A concept's mentions as written beside concepts.json: the file (relative to its folder), the sha256 of its bytes, how many. */
export interface OccurrencesRef {
  file: string;
  digest: string;
  count: number;
}

/**
 * content/generated/concepts.json as written (scripts/concepts/concept-files.ts): the concept stage's data with
 * each concept's mentions in a file of their own, named here.
 */
export interface ConceptsFile extends Omit<ConceptsData, 'occurrences'> {
  /** Per concept id, the file of its mentions. */
  occurrences: Record<string, OccurrencesRef>;
}

/** One concept's mentions file, in corpus and reading order. */
export interface ConceptOccurrences {
  occurrences: Occurrence[];
}
