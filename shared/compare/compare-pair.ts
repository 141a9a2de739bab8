/**
 * The comparison of two documents: aligned tasks, targets both set,
 * responsible units, shared concepts. Pure; the build calls it for the
 * pre-rendered pairs and the compare page's client for any pair it is asked.
 */
import type { AlignedRow, Comparison, ConceptCount, ConceptInfo, DocumentConcepts, OwnText, TargetCell, TaskPair, TaskText } from './model.ts';
import { diffText } from './text-diff.ts';
import { ownRanges } from './view/marks.ts';
import { alignTasks } from './align.ts';
import { compareDepartments } from './departments.ts';
import { compareTargets } from './targets.ts';
import { roundScore, type SparseVector } from './tfidf.ts';

/** One side of a comparison. */
export interface CompareSide {
  id: string;
  tasks: TaskText[];
  vectors: SparseVector[];
  /** Every target of the document (not only the tasks'). */
  targets: TargetCell[];
  concepts?: DocumentConcepts;
}

/** Concepts both documents use, most mentioned first. */
export function sharedConcepts(a: DocumentConcepts | undefined, b: DocumentConcepts | undefined, info: ReadonlyMap<string, ConceptInfo>): ConceptCount[] {
  if (!a || !b) return [];
  return Object.keys(a.counts)
    .filter((id) => (b.counts[id] ?? 0) > 0 && (a.counts[id] ?? 0) > 0)
    .map((id) => ({ id, name: info.get(id)?.name ?? id, a: a.counts[id], b: b.counts[id] }))
    .sort((x, y) => y.a + y.b - (x.a + x.b) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

/** Mean of each matched task's score over all tasks of both sides (unmatched count 0). */
export function alignmentScore(rows: AlignedRow[], countA: number, countB: number): number {
  const total = countA + countB;
  if (total === 0) return 0;
  const sum = rows.reduce((s, r) => s + (r.score ?? 0), 0);
  return roundScore((2 * sum) / total);
}

/** Compares two documents. `concepts` names the concepts the sides' counts refer to. */
export function comparePair(a: CompareSide, b: CompareSide, concepts: ReadonlyMap<string, ConceptInfo> = new Map()): Comparison {
  const rows = alignTasks(a.vectors, b.vectors).map((r): AlignedRow => {
    const row = r.score === undefined ? r : { ...r, score: roundScore(r.score) };
    // Diffed here, with the alignment, not when the comparison is drawn: the build computes the pre-rendered
    // pairs on the compare stage's worker thread, beside the rest of the build; drawing them was Astro's work
    // (0.41 of the 5.1 s Astro took on the seeds, one run).
    return row.a !== undefined && row.b !== undefined ? { ...row, own: ownText(a.tasks[row.a], b.tasks[row.b]) } : row;
  });
  return {
    a: a.id,
    b: b.id,
    score: alignmentScore(rows, a.tasks.length, b.tasks.length),
    rows,
    targets: compareTargets(a.targets, b.targets),
    departments: compareDepartments(a.tasks, b.tasks),
    concepts: sharedConcepts(a.concepts, b.concepts, concepts),
  };
}

/** Where two matched tasks' texts (title, a line break, text, as the comparison shows them) differ. */
export function ownText(a: TaskText, b: TaskText): OwnText {
  const pieces = diffText(`${a.title}\n${a.text}`, `${b.title}\n${b.text}`);
  return { a: ownRanges(pieces, 'before'), b: ownRanges(pieces, 'after') };
}

/** The matched pairs of a comparison as eids (for comparisons.json). */
export function taskPairs(c: Comparison, a: TaskText[], b: TaskText[]): TaskPair[] {
  return c.rows.filter((r) => r.a !== undefined && r.b !== undefined).map((r) => ({ a: a[r.a!].eid, b: b[r.b!].eid, score: r.score ?? 0 }));
}
