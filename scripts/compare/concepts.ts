/**
 * Concept mentions for the compare view, derived from the concept stage's
 * occurrence list (scripts/concepts/occurrences.ts) — the only seam between
 * the two: counts per document, and spans inside each task's text so both
 * sides of a comparison can highlight the concepts they share.
 */
import type { Block, PolicyDocument } from '../ingest/model.ts';
import type { ConceptSpan, DocumentConcepts, TaskText } from '../../shared/compare/model.ts';
import { tasksOf } from '../../shared/document/tasks.ts';
import { provisionsOf } from '../../shared/document/walk.ts';

/** What the compare stage reads of an occurrence (a structural subset of the concept stage's Occurrence). */
export interface OccurrenceLike {
  concept: string;
  document: string;
  eid: string | null;
  match: string;
}

/** Maps every provision eid inside a task (the task's own and its points') to the task's eid. */
function taskOfEid(body: Block[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of tasksOf(body)) for (const { node } of provisionsOf([t])) out.set(node.eid, t.eid);
  return out;
}

/** Every place `term` occurs in `text`, not overlapping spans already taken. */
function spansOf(text: string, term: string, concept: string, taken: ConceptSpan[]): ConceptSpan[] {
  const out: ConceptSpan[] = [];
  if (!term) return out;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) {
    const span = { concept, start: i, end: i + term.length };
    if (!taken.some((s) => s.start < span.end && span.start < s.end)) out.push(span);
  }
  return out;
}

/** Concept counts and task spans of each document, from the occurrence list. */
export function documentConcepts(
  documents: readonly PolicyDocument[],
  tasksByDoc: ReadonlyMap<string, TaskText[]>,
  occurrences: readonly OccurrenceLike[],
): Map<string, DocumentConcepts> {
  const byDoc = new Map<string, OccurrenceLike[]>();
  for (const o of occurrences) byDoc.set(o.document, [...(byDoc.get(o.document) ?? []), o]);
  const out = new Map<string, DocumentConcepts>();
  for (const doc of documents) {
    const list = byDoc.get(doc.id) ?? [];
    const counts: Record<string, number> = {};
    for (const o of list) counts[o.concept] = (counts[o.concept] ?? 0) + 1;
    const taskOf = taskOfEid(doc.body);
    const terms = new Map<string, Map<string, string>>(); // task eid → term → concept
    for (const o of list) {
      const task = o.eid ? taskOf.get(o.eid) : undefined;
      if (!task) continue;
      const m = terms.get(task) ?? new Map<string, string>();
      m.set(o.match, o.concept);
      terms.set(task, m);
    }
    const spans: Record<string, ConceptSpan[]> = {};
    for (const task of tasksByDoc.get(doc.id) ?? []) {
      const m = terms.get(task.eid);
      if (!m) continue;
      const text = `${task.title}\n${task.text}`;
      const taken: ConceptSpan[] = [];
      // Longest terms first, so 链主企业 wins over 链主.
      for (const [term, concept] of [...m].sort((x, y) => y[0].length - x[0].length)) taken.push(...spansOf(text, term, concept, taken));
      spans[task.eid] = taken.sort((x, y) => x.start - y.start);
    }
    out.set(doc.id, { counts, spans });
  }
  return out;
}
