/**
 * Types of the compare stage: tasks as text, similarity results, the aligned
 * comparison of two documents and the version diff of two copies. The build
 * script computes them once (scripts/compare/*.ts, pure functions) and writes
 * them where the pages read them; the compare page's client computes the same
 * `Comparison` from per-document payloads with the same functions.
 */
import type { Target } from '../../scripts/ingest/model.ts';

/** A task reduced to what comparison needs; `index` is its position in its document's task list. */
export interface TaskText {
  doc: string;
  index: number;
  eid: string;
  /** Citation label, e.g. "三、（五）13.". */
  label: string;
  title: string;
  /** The task's text below its heading, one paragraph per line ("\n"), nested points included. */
  text: string;
  units: string[];
}

/** One of the most similar tasks of another document. */
export interface SimilarTask {
  doc: string;
  eid: string;
  label: string;
  title: string;
  /** Cosine similarity in [0, 1], rounded to 3 decimals. */
  score: number;
}

/** A row of the side-by-side view: a matched pair, or a task standing alone in its column. */
export interface AlignedRow {
  /** Index into A's tasks, absent when the row holds only a task of B. */
  a?: number;
  b?: number;
  score?: number;
  /** Set when B's task is out of B's document order (shown in A's order). */
  moved?: boolean;
  /** For a matched row: where each side's text (title, a line break, text) differs from the other's, as [start, end) ranges. */
  own?: OwnText;
}

/** The ranges of each side's own text, not in the other side's (from their character or word diff). */
export interface OwnText {
  a: Array<[number, number]>;
  b: Array<[number, number]>;
}

/** A matched pair as published in comparisons.json. */
export interface TaskPair {
  a: string;
  b: string;
  score: number;
}

/** One indicator both documents set, with each document's targets for it. */
export interface TargetRow {
  /** The indicator as a reader should see it (A's wording). */
  indicator: string;
  /** 'same' when the normalised names are equal, 'related' when only their core matches (e.g. 省级以上 vs 市级及以上). */
  match: 'same' | 'related';
  a: TargetCell[];
  b: TargetCell[];
}

/** A target with the provision (task or section, e.g. 发展目标) or preamble paragraph it belongs to. */
export interface TargetCell {
  /** The anchor on the document page: the provision's eId, or `para-<line>` for a preamble paragraph. */
  eid: string;
  label: string;
  target: Target;
}

/** Responsible units: exact names in both, only in one, and counterparts at another level (区工业和信息化局 ~ 市工业和信息化局). */
export interface DepartmentComparison {
  both: string[];
  onlyA: string[];
  onlyB: string[];
  /** Pairs of names that differ only by administrative level or 局/委 suffix. */
  counterparts: Array<{ a: string; b: string }>;
}

/** A concept used by one or both documents, with how often each uses it. */
export interface ConceptCount {
  id: string;
  name: string;
  a: number;
  b: number;
}

/** Where a concept is mentioned inside a task's title or text (offsets into `title + "\n" + text`). */
export interface ConceptSpan {
  concept: string;
  start: number;
  end: number;
}

/** A concept's name and page, for labels and links. */
export interface ConceptInfo {
  id: string;
  name: string;
}

/** A document's concept mentions as the compare view needs them. */
export interface DocumentConcepts {
  /** Mentions per concept id, in the whole document. */
  counts: Record<string, number>;
  /** Mention spans per task eid, in the task's `title + "\n" + text`. */
  spans: Record<string, ConceptSpan[]>;
}

/** Everything the side-by-side view shows for two documents. */
export interface Comparison {
  a: string;
  b: string;
  /** Mean best-match similarity of the two documents' tasks (symmetric). */
  score: number;
  rows: AlignedRow[];
  targets: TargetRow[];
  departments: DepartmentComparison;
  /** Concepts used by both documents, most used first; empty when concept data is absent. */
  concepts: ConceptCount[];
}

/** Why a pair is recommended (and pre-rendered). */
export type PairKind = 'version' | 'hierarchy' | 'similar';

/** A pre-rendered pair, listed on /compare/ and in dist/data/comparisons.json. */
export interface RecommendedPair {
  kind: PairKind;
  a: string;
  /** A document id, or for a version pair the copy's id (`<id>.copy1`). */
  b: string;
  score: number;
}

/** One block of a document's logical text, as the version diff sees it. */
export interface VersionBlock {
  /** Which part of the document: 通知, 标题, 正文, 抄送. */
  part: 'notice' | 'title' | 'preamble' | 'body' | 'footer';
  /** 'heading' for a provision's or box's heading line, else 'text'. */
  kind: 'heading' | 'text';
  text: string;
  /** Citation label of the provision it belongs to ('' outside provisions). */
  label: string;
  /** First physical line in its seed file. */
  line: number;
}

/** A piece of a text diff: kept, or only in the old or new text. */
export interface DiffPiece {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

/** A stretch of text where two copies differ, with a little shared context on each side. */
export interface VersionHunk {
  part: VersionBlock['part'];
  /** Citation label of the provision where the difference starts (primary's numbering; '' outside provisions). */
  label: string;
  /** Physical lines of the difference in the primary's and the copy's seed file. */
  lineBefore: number;
  lineAfter: number;
  /** Context, deletions (only in the primary) and insertions (only in the copy), in reading order. */
  pieces: DiffPiece[];
}

/** A metadata field that differs between two copies (e.g. 发文字号 missing in the reprint). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** The precise difference between a document's primary text and one copy. */
export interface VersionDiff {
  id: string;
  copy: number;
  source: { file: string; lineStart: number; lineEnd: number };
  primarySource: { file: string; lineStart: number; lineEnd: number };
  /** Characters compared on each side (logical text, whitespace removed). */
  charCount: { before: number; after: number };
  /** Headings (provisions and boxes) present in only one copy: the outline's difference. */
  outline: { removed: VersionBlock[]; added: VersionBlock[] };
  /** Every textual difference, in the primary's reading order. */
  hunks: VersionHunk[];
  fields: FieldChange[];
}
