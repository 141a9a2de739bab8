import { describe, expect, it } from 'vitest';
import { nearestTasks } from '../../../scripts/compare/task-index.ts';
import { cosine } from '../../../shared/compare/tfidf.ts';
import { seeds } from './seeds.ts';

describe('nearest tasks via the inverted index', () => {
  const { corpus } = seeds();
  const near = nearestTasks(corpus.vectors, corpus.docOf, corpus.vocab.keys.length, { k: 3, minScore: 0.1 });

  /** The best task of each other document by exhaustive comparison, top 3. */
  function bruteForce(q: number): number[] {
    const best = new Map<number, { task: number; score: number }>();
    corpus.vectors.forEach((v, t) => {
      if (corpus.docOf[t] === corpus.docOf[q]) return;
      const score = cosine(corpus.vectors[q], v);
      const seen = best.get(corpus.docOf[t]);
      if (score >= 0.1 && (!seen || score > seen.score)) best.set(corpus.docOf[t], { task: t, score });
    });
    return [...best.values()]
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((n) => n.task);
  }

  it('finds the same top 3 as comparing every pair, for at least 97% of the seeds’ matches', () => {
    let found = 0;
    let total = 0;
    corpus.tasks.forEach((_, q) => {
      const expected = bruteForce(q);
      const got = new Set(near[q].map((n) => n.task));
      total += expected.length;
      found += expected.filter((t) => got.has(t)).length;
    });
    expect(total).toBeGreaterThan(200);
    expect(found / total).toBeGreaterThanOrEqual(0.97);
  });

  it('never matches a task with a task of its own document', () => {
    near.forEach((list, q) => {
      for (const n of list) expect(corpus.docOf[n.task]).not.toBe(corpus.docOf[q]);
    });
  });

  it('keeps at most one task per other document, best first', () => {
    for (const list of near) {
      expect(new Set(list.map((n) => corpus.docOf[n.task])).size).toBe(list.length);
      expect(list.map((n) => n.score)).toEqual([...list.map((n) => n.score)].sort((a, b) => b - a));
    }
  });
});
