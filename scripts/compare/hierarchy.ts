/**
 * Each document's closest document of the region above (a district plan and its
 * city's), aligned task by task, for the relations stage: a lower-level document
 * whose tasks follow a higher one's carries it out (落实). Every candidate of
 * hierarchyPairs is aligned, not only the few pre-rendered on /compare/; the
 * alignment is the same as the compare page's (alignTasks and its score), so
 * the score a relation shows is the score the compare view shows.
 */
import type { ComparedPair } from './run.ts';
import type { RecommendedPair, TaskPair } from '../../shared/compare/model.ts';
import { alignmentScore } from '../../shared/compare/compare-pair.ts';
import { alignTasks } from '../../shared/compare/align.ts';
import { documentVectors, type TaskCorpus } from './corpus.ts';
import { roundScore } from '../../shared/compare/tfidf.ts';

/** A lower-level document aligned with its closest document of the region above. */
export interface HierarchyAlignment {
  lower: string;
  higher: string;
  /** Alignment score: mean matched-task score over the tasks of both (as on the compare page). */
  score: number;
  /** Matched tasks as eids (a: lower, b: higher), in the lower document's order. */
  matched: TaskPair[];
  lowerTasks: number;
  higherTasks: number;
}

/** Aligns every hierarchy candidate [lower, higher]; a pair already compared for /compare/ reuses that comparison. */
export function hierarchyAlignments(candidates: readonly RecommendedPair[], corpus: TaskCorpus, compared: readonly ComparedPair[] = []): HierarchyAlignment[] {
  const done = new Map(compared.filter((p) => p.kind === 'hierarchy' && p.comparison).map((p) => [`${p.a}\n${p.b}`, p.comparison!]));
  return candidates.map(({ a: lower, b: higher }) => {
    const lowerTasks = corpus.byDoc.get(lower) ?? [];
    const higherTasks = corpus.byDoc.get(higher) ?? [];
    const comparison = done.get(`${lower}\n${higher}`);
    const rows =
      comparison?.rows ??
      alignTasks(documentVectors(corpus, lower), documentVectors(corpus, higher)).map((r) =>
        r.score === undefined ? r : { ...r, score: roundScore(r.score) },
      );
    return {
      lower,
      higher,
      score: comparison?.score ?? alignmentScore(rows, lowerTasks.length, higherTasks.length),
      matched: rows
        .filter((r) => r.a !== undefined && r.b !== undefined)
        .map((r) => ({ a: lowerTasks[r.a!].eid, b: higherTasks[r.b!].eid, score: r.score ?? 0 })),
      lowerTasks: lowerTasks.length,
      higherTasks: higherTasks.length,
    };
  });
}
