/**
 * Status and years in force of each document. Status comes from the document's
 * own marks (征求意见稿, 送审稿 under the title; 修订版 in it), and 已废止 when a
 * document of the collection says it repeals, replaces or revises it (the
 * repealing document's own sentence is the evidence; a document amended by a
 * decision it cites, 根据《决定》修改, stays in force). Years in force run from
 * the validity's start to its end, cut the day before the repealing document
 * takes effect; drafts are in force in no year.
 */
import type { PolicyDocument } from '../ingest/model.ts';
import { dayBefore, yearsOf } from './dates.ts';
import type { DocumentStanding, Evidence, Relation, Standing, Validity } from './model.ts';
import { titleEvidence } from './sentences.ts';

/** Kinds by which a later document ends an earlier one. */
const ENDING_KINDS = new Set(['废止', '替代', '修订']);
/** A revision mark in a title (（修订版）, （2021年修订）), as in relations.ts but anywhere in the title. */
const REVISED = /修订版|修订稿|[（(]\s*(?:\d{4}\s*年\s*)?修订\s*[）)]/;

/** The status a document's own text gives it, with the title or subtitle line that says so. */
export function ownStatus(doc: PolicyDocument): { status: Standing; evidence: Evidence[] } {
  const line = doc.sources[0]?.lineStart ?? 1;
  const texts = [doc.meta.title.value, ...doc.subtitle];
  const marked = (re: RegExp): Evidence[] => {
    for (const text of texts) {
      const m = re.exec(text);
      if (m) return [titleEvidence(doc.id, text, line, [m.index, m.index + m[0].length])];
    }
    return [];
  };
  const status = doc.meta.status.value;
  if (status === '征求意见稿' || status === '送审稿') return { status, evidence: marked(new RegExp(status)) };
  if (status === '修订版' || REVISED.test(doc.meta.title.value)) return { status: '修订', evidence: marked(REVISED) };
  return { status: '正式', evidence: [] };
}

/** The document of the collection that ends `doc`, with the relation that says so; undefined when none does. */
export function endingRelation(doc: PolicyDocument, relations: readonly Relation[]): Relation | undefined {
  return relations.find(
    (r) => r.to.id === doc.id && r.from.id !== null && r.from.id !== doc.id && ENDING_KINDS.has(r.kind) && r.evidence.some((e) => e.document === r.from.id),
  );
}

/** Status, validity and years in force of one document (pure). `lastYear` closes open-ended periods. */
export function documentStanding(
  doc: PolicyDocument,
  validity: Validity | null,
  relations: readonly Relation[],
  startOf: (id: string) => string | null,
  lastYear: number,
): DocumentStanding {
  const own = ownStatus(doc);
  const ending = own.status === '征求意见稿' || own.status === '送审稿' ? undefined : endingRelation(doc, relations);
  const endedBy = ending ? { document: ending.from.id!, date: startOf(ending.from.id!) } : null;
  const status: Standing = ending ? '已废止' : own.status;
  const statusEvidence = ending ? ending.evidence.filter((e) => e.document === ending.from.id) : own.evidence;
  return { status, statusEvidence, validity, endedBy, inForce: inForceYears(own.status, validity, endedBy?.date ?? null, lastYear) };
}

/**
 * The years a document is in force. A draft: none. A known start: each year to its end, or to `lastYear`
 * when open-ended, cut the day before `endedOn`. No start but an end date (有效期至2025年12月31日 in a
 * document whose date is not printed): the end's year alone, the one year the text vouches for.
 */
export function inForceYears(status: Standing, validity: Validity | null, endedOn: string | null, lastYear: number): number[] {
  if (status === '征求意见稿' || status === '送审稿' || !validity) return [];
  let to = validity.to;
  if (endedOn) {
    const lastDay = dayBefore(endedOn);
    if (to === null || lastDay < to) to = lastDay;
  }
  if (validity.from === null) return to ? [Number(to.slice(0, 4))] : [];
  if (to !== null && to < validity.from) return [];
  return yearsOf(validity.from, to, lastYear);
}
