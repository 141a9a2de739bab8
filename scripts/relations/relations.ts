/**
 * Every relation of the collection, each with the sentences that give it:
 * from 《…》 citations (the words of the clause say which kind, see
 * citation-kind.ts), from titles (《甲（修订版）》 revises 《甲》), and from the
 * compare stage's task alignment (carry-out.ts). A citation of a document of the
 * collection is always a relation, 引用 when its clause names no other kind, so
 * both documents' pages list it.
 */
import type { PolicyDocument } from '../ingest/model.ts';
import type { HierarchyAlignment } from '../compare/hierarchy.ts';
import { citationMatches, normaliseTitle, titleResolver } from '../concepts/citations.ts';
import { carryOutRelations } from './carry-out.ts';
import { readCitation } from './citation-kind.ts';
import { RELATION_KINDS, type Evidence, type Relation, type RelationEnd } from './model.ts';
import { evidenceAt, titleEvidence } from './sentences.ts';

/** A revision mark at the end of a title: （修订版）, （修订）, （2021年修订）, 修订稿. */
const REVISION_MARK = /[（(]\s*(?:\d{4}\s*年\s*)?修订(?:版|稿)?\s*[）)]$|修订(?:版|稿)$/;

/** All relations of the collection (pure), in a stable order: by document, then kind, then the other side. */
export function findRelations(documents: readonly PolicyDocument[], alignments: readonly HierarchyAlignment[] = []): Relation[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const merged = new Map<string, Relation>();
  const add = (r: Relation) => {
    const key = relationKey(r);
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, r);
      return;
    }
    for (const e of r.evidence) {
      const same = seen.evidence.find((x) => x.document === e.document && x.anchor === e.anchor && x.sentence === e.sentence);
      if (same) same.marks = mergeMarks([...same.marks, ...e.marks]);
      else seen.evidence.push(e);
    }
    seen.alignment ??= r.alignment;
  };
  for (const r of citationRelations(documents)) add(r);
  for (const r of titleRevisions(documents)) add(r);
  for (const r of carryOutRelations(alignments, byId)) add(r);
  const order = new Map(documents.map((d, i) => [d.id, i]));
  const rank = (end: RelationEnd) => (end.id !== null ? (order.get(end.id) ?? 0) : documents.length);
  return [...merged.values()].sort(
    (a, b) =>
      rank(a.from) - rank(b.from) ||
      RELATION_KINDS.indexOf(a.kind) - RELATION_KINDS.indexOf(b.kind) ||
      rank(a.to) - rank(b.to) ||
      (a.to.title < b.to.title ? -1 : a.to.title > b.to.title ? 1 : 0),
  );
}

/** One relation per kind and pair of documents (an external side is keyed by its normalised title). */
function relationKey(r: Relation): string {
  const end = (e: RelationEnd) => e.id ?? `external:${normaliseTitle(e.title)}`;
  return `${r.kind}\n${end(r.from)}\n${end(r.to)}`;
}

function mergeMarks(marks: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...marks].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Array<[number, number]> = [];
  for (const m of sorted) {
    const last = out.at(-1);
    if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
    else out.push([m[0], m[1]]);
  }
  return out;
}

/** A relation for every 《…》 citation: of a document of the collection, or of a title it lacks. */
export function citationRelations(documents: readonly PolicyDocument[]): Relation[] {
  const resolver = titleResolver(documents);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const out: Relation[] = [];
  for (const doc of documents) {
    const self: RelationEnd = { id: doc.id, title: doc.meta.title.value };
    for (const match of citationMatches(doc, resolver)) {
      const reading = readCitation(match.unit.text, match.start, match.end);
      const other: RelationEnd = match.target ? { id: match.target, title: byId.get(match.target)!.meta.title.value } : { id: null, title: match.title };
      const evidence = evidenceAt(match.unit, match.start, match.end, mergeMarks([[match.start, match.end], ...reading.marks]));
      out.push({
        kind: reading.kind,
        from: reading.reversed ? other : self,
        to: reading.reversed ? self : other,
        basis: 'citation',
        evidence: [evidence],
      });
      // 《甲（修订版）》 citing 《甲》 (…即日起失效) revises it, whether or not the collection has 《甲》.
      const revised = revisedTitle(doc);
      if (revised && !reading.reversed && normaliseTitle(match.title) === normaliseTitle(revised.before)) {
        out.push({ kind: '修订', from: self, to: other, basis: 'title', evidence: [revised.evidence, evidence] });
      }
    }
  }
  return out;
}

/** For a title with a revision mark, the title it revises and the mark as evidence; null otherwise. */
function revisedTitle(doc: PolicyDocument): { before: string; evidence: Evidence } | null {
  const title = doc.meta.title.value;
  const mark = REVISION_MARK.exec(title);
  if (!mark || mark.index === 0) return null;
  return {
    before: title.slice(0, mark.index),
    evidence: titleEvidence(doc.id, title, doc.sources[0]?.lineStart ?? 1, [mark.index, mark.index + mark[0].length]),
  };
}

/** 《甲（修订版）》 revises 《甲》 when both are in the collection; the evidence is the revised title. */
export function titleRevisions(documents: readonly PolicyDocument[]): Relation[] {
  const byTitle = new Map<string, PolicyDocument[]>();
  for (const doc of documents) {
    const key = normaliseTitle(doc.meta.title.value);
    byTitle.set(key, [...(byTitle.get(key) ?? []), doc]);
  }
  const out: Relation[] = [];
  for (const doc of documents) {
    const revised = revisedTitle(doc);
    if (!revised) continue;
    for (const old of byTitle.get(normaliseTitle(revised.before)) ?? []) {
      if (old.id === doc.id) continue;
      out.push({
        kind: '修订',
        from: { id: doc.id, title: doc.meta.title.value },
        to: { id: old.id, title: old.meta.title.value },
        basis: 'title',
        evidence: [revised.evidence],
      });
    }
  }
  return out;
}
