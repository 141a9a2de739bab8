/**
 * The corpus-wide part of the compare stage: every task's TF-IDF vector, each
 * task's nearest tasks in other documents (via the inverted index), the
 * "相似任务" lists and a similarity score for every pair of documents that
 * share at least one close task.
 */
import type { PolicyDocument } from '../ingest/model.ts';
import type { SimilarTask, TaskText } from '../../shared/compare/model.ts';
import { tasksAsText } from './tasks.ts';
import {
  countTerms,
  createVocabulary,
  gramKeys,
  idf,
  roundScore,
  similarityText,
  weigh,
  type SparseVector,
  type Vocabulary,
} from '../../shared/compare/tfidf.ts';
import { nearestTasks, type IndexOptions, type Neighbour } from './task-index.ts';

/** All tasks of a corpus with their vectors; task i belongs to document docs[docOf[i]]. */
export interface TaskCorpus {
  docs: string[];
  tasks: TaskText[];
  docOf: Int32Array;
  /** Tasks of each document, in reading order. */
  byDoc: Map<string, TaskText[]>;
  /** Index of a document's first task in `tasks`. */
  start: Map<string, number>;
  vocab: Vocabulary;
  /** Inverse document frequency per term id. */
  idfs: Float64Array;
  vectors: SparseVector[];
}

/** Vectorises the tasks of `documents` (document order, then reading order). */
export function taskCorpus(documents: readonly PolicyDocument[]): TaskCorpus {
  const docs = documents.map((d) => d.id);
  const byDoc = new Map<string, TaskText[]>();
  const start = new Map<string, number>();
  const tasks: TaskText[] = [];
  const owners: number[] = [];
  documents.forEach((d, n) => {
    const list = tasksAsText(d.id, d.body);
    byDoc.set(d.id, list);
    start.set(d.id, tasks.length);
    tasks.push(...list);
    for (let i = 0; i < list.length; i++) owners.push(n);
  });
  // N-grams become term ids at once: keeping them per task costs gigabytes at 2,000 documents.
  const vocab = createVocabulary();
  const counts = tasks.map((t) => countTerms(gramKeys(similarityText(t)), vocab));
  const idfs = Float64Array.from(vocab.df, (df) => idf(df, vocab.textCount));
  const vectors = counts.map((c) => weigh(c, (id) => idfs[id]));
  return { docs, tasks, docOf: Int32Array.from(owners), byDoc, start, vocab, idfs, vectors };
}

/** Each task's best match in each of its closest other documents. */
export function neighbours(corpus: TaskCorpus, options: IndexOptions = {}): Neighbour[][] {
  return nearestTasks(corpus.vectors, corpus.docOf, corpus.vocab.df.length, options);
}

/** The "相似任务" list of every task: its `k` best matches, one per other document (0.08 keeps e.g. two plans' 强化要素保障 at 0.081, drops unrelated tasks at 0.06). */
export function similarTaskLists(corpus: TaskCorpus, near: Neighbour[][], k = 3, minScore = 0.08): Map<string, Map<string, SimilarTask[]>> {
  const out = new Map<string, Map<string, SimilarTask[]>>();
  corpus.tasks.forEach((task, i) => {
    const list = near[i]
      .filter((n) => n.score >= minScore)
      .slice(0, k)
      .map((n): SimilarTask => {
        const other = corpus.tasks[n.task];
        return { doc: other.doc, eid: other.eid, label: other.label, title: other.title, score: roundScore(n.score) };
      });
    if (list.length === 0) return;
    const byEid = out.get(task.doc) ?? new Map<string, SimilarTask[]>();
    byEid.set(task.eid, list);
    out.set(task.doc, byEid);
  });
  return out;
}

/** Key of an unordered document pair. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}

/**
 * Similarity of two documents: the mean, over the tasks of both, of each
 * task's best score in the other document (0 when the other is not among its
 * nearest). Symmetric, and high only when many tasks have a counterpart.
 */
export function documentScores(corpus: TaskCorpus, near: Neighbour[][]): Map<string, number> {
  const sums = new Map<string, number>();
  near.forEach((list, i) => {
    for (const n of list) {
      const key = pairKey(corpus.docs[corpus.docOf[i]], corpus.docs[corpus.docOf[n.task]]);
      sums.set(key, (sums.get(key) ?? 0) + n.score);
    }
  });
  const scores = new Map<string, number>();
  for (const [key, sum] of sums) {
    const [a, b] = key.split('\n');
    const count = (corpus.byDoc.get(a)?.length ?? 0) + (corpus.byDoc.get(b)?.length ?? 0);
    scores.set(key, roundScore(sum / count));
  }
  return scores;
}

/** The vectors of one document's tasks. */
export function documentVectors(corpus: TaskCorpus, id: string): SparseVector[] {
  const from = corpus.start.get(id) ?? 0;
  return corpus.vectors.slice(from, from + (corpus.byDoc.get(id)?.length ?? 0));
}

/** Vectors of tasks outside the corpus (a document's second copy), weighted with the corpus's frequencies. */
export function vectorsFor(corpus: TaskCorpus, tasks: readonly TaskText[]): SparseVector[] {
  return tasks.map((t) => weigh(countTerms(gramKeys(similarityText(t)), corpus.vocab, false), (id) => corpus.idfs[id]));
}
