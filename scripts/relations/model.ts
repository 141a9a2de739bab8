/**
 * Relations between the documents of the collection, and what is in force:
 * the data the relations stage derives (scripts/relations/) and the build
 * writes to content/generated/relations.json (scripts/steps/relations-step.ts).
 * Read by the pages (src/lib/relations-data.ts), the feeds and the open data.
 * Every relation, status and period carries the sentence that gives it.
 */
import type { TaskRef } from '../../shared/document/tasks.ts';

/**
 * How one document stands to another, read as "from ‹kind› to":
 * 依据 is based on, 落实 carries out, 配套 supplements, 转发 forwards,
 * 修订 revises, 替代 replaces, 废止 repeals, 引用 only cites.
 */
export type RelationKind = '依据' | '落实' | '配套' | '转发' | '修订' | '替代' | '废止' | '引用';

/** Every kind, strongest reading first (the order lists and legends use). */
export const RELATION_KINDS: readonly RelationKind[] = ['落实', '配套', '依据', '转发', '修订', '替代', '废止', '引用'];

/** Where a document of the status list stands: a draft, in force, revised, or repealed. */
export type Standing = '征求意见稿' | '送审稿' | '正式' | '修订' | '已废止';

/** A sentence of a document that states a relation, a status or a period, with where it is. */
export interface Evidence {
  /** The document whose text it is. */
  document: string;
  /** Anchor on that document's page (a provision's eid or "para-<line>"); null for the title. */
  anchor: string | null;
  /** Citation label of the enclosing provision ("第四十二条", "三、（二）"), null outside provisions. */
  label: string | null;
  /** The part of the document: the title, the issuing notice, the text before the first provision, the provisions, the footer. */
  region: 'title' | 'notice' | 'preamble' | 'body' | 'footer';
  /** Physical line of the seed file where the sentence's paragraph starts. */
  line: number;
  /** The sentence exactly as written. */
  sentence: string;
  /** UTF-16 ranges [start, end) of `sentence` that carry the relation: the cited title, the verb, the date. */
  marks: Array<[number, number]>;
}

/** The task alignment behind a 落实 relation read from the compare stage. */
export interface AlignmentEvidence {
  /** The compare stage's alignment score of the two documents (the compare page shows the same). */
  score: number;
  /** Tasks of the lower document matched to a task of the higher one, and each side's task count. */
  matched: number;
  fromTasks: number;
  toTasks: number;
  /** The best matched pairs, strongest first: the task of the lower (from) and of the higher (to) document. */
  pairs: Array<{ from: TaskRef; to: TaskRef; score: number }>;
}

/** One side of a relation: a document of the collection (id) or a title it cites that the collection lacks (id null). */
export interface RelationEnd {
  id: string | null;
  title: string;
}

/** A relation between two documents, at least one of them in the collection. */
export interface Relation {
  kind: RelationKind;
  from: RelationEnd;
  to: RelationEnd;
  /** How it was found: a 《…》 citation, the titles of the two documents, or the compare stage's task alignment. */
  basis: 'citation' | 'title' | 'alignment';
  /** The sentences that state it (for an alignment, the lower document's sentence naming the higher level's work, when it has one). */
  evidence: Evidence[];
  alignment?: AlignmentEvidence;
}

/** When a document is in force, as its text states it. */
export interface Validity {
  /** ISO date it takes effect; null when the text does not let us tell (自印发之日起 with no date). */
  from: string | null;
  /** ISO date it ends; null when open-ended or not stated. */
  to: string | null;
  /** The period in the document's own words, joined: "2024—2026年", "自2019年8月20日起施行", "自印发之日起施行，有效期至2025年12月31日". */
  text: string;
  /** The title or sentences it was read from. */
  evidence: Evidence[];
}

/** Status and period of one document. */
export interface DocumentStanding {
  status: Standing;
  /** Why: the draft mark in the title, the 修订版 mark, the sentence of the document that repeals it. Empty for 正式. */
  statusEvidence: Evidence[];
  validity: Validity | null;
  /** The day it stopped being in force because a document of the collection repealed or replaced it. */
  endedBy: { document: string; date: string | null } | null;
  /** Calendar years in which it is in force (drafts and documents without a stated period: none). */
  inForce: number[];
}

/** What the relations stage writes. */
export interface RelationsData {
  /** Which script wrote the file. */
  generatedBy: string;
  relations: Relation[];
  /** Status and period per document id. */
  standing: Record<string, DocumentStanding>;
  /** The years the in-force filter offers: from the earliest to the latest year any document names. */
  years: number[];
}
