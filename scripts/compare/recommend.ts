/**
 * Which pairs of documents the site recommends and pre-renders: two copies of
 * one document (a version pair), a plan and the plan of the region above it
 * (a district's plan and its city's, by meta.region), and the most similar
 * pairs overall. Pre-rendered pages cost build time, so each kind is capped
 * (a fixed few plus a small share of the corpus): the seeds get every pair
 * worth showing, 2,000 documents get about a hundred pages, not thousands.
 */
import type { PolicyDocument } from '../ingest/model.ts';
import type { RecommendedPair } from '../../shared/compare/model.ts';
import { pairKey } from './corpus.ts';
import { copyId } from './version-diff.ts';

/** Caps and thresholds; each cap is `base + share × documents`. */
export interface RecommendOptions {
  versions?: { base: number; share: number };
  hierarchy?: { base: number; share: number };
  similar?: { base: number; share: number };
  /** Hierarchy and similarity pairs need at least this document score. */
  minScore?: number;
}

function regionKey(region: readonly string[]): string {
  return region.join('/');
}

/** For each document below the top level, its closest document of the parent region: [child, parent, score]. */
export function hierarchyPairs(documents: readonly PolicyDocument[], score: (a: string, b: string) => number, minScore: number): RecommendedPair[] {
  const byRegion = new Map<string, PolicyDocument[]>();
  for (const doc of documents) {
    const key = regionKey(doc.meta.region.value);
    byRegion.set(key, [...(byRegion.get(key) ?? []), doc]);
  }
  const out: RecommendedPair[] = [];
  for (const child of documents) {
    const region = child.meta.region.value;
    if (region.length < 2) continue;
    let best: RecommendedPair | undefined;
    for (const parent of byRegion.get(regionKey(region.slice(0, -1))) ?? []) {
      const s = score(child.id, parent.id);
      if (s >= minScore && (!best || s > best.score)) best = { kind: 'hierarchy', a: child.id, b: parent.id, score: s };
    }
    if (best) out.push(best);
  }
  return out.sort((x, y) => y.score - x.score);
}

/** The recommended pairs: versions, then hierarchy, then similarity, each kind by score and capped. Version scores are 0 here (filled in once diffed). */
export function recommendPairs(documents: readonly PolicyDocument[], scores: ReadonlyMap<string, number>, options: RecommendOptions = {}): RecommendedPair[] {
  const { versions = { base: 5, share: 0.01 }, hierarchy = { base: 10, share: 0.02 }, similar = { base: 10, share: 0.02 }, minScore = 0.05 } = options;
  const cap = (c: { base: number; share: number }) => c.base + Math.floor(documents.length * c.share);
  const score = (a: string, b: string) => scores.get(pairKey(a, b)) ?? 0;
  const taken = new Set<string>();
  const out: RecommendedPair[] = [];
  const addAll = (pairs: Iterable<RecommendedPair>, limit: number) => {
    let added = 0;
    for (const pair of pairs) {
      if (added >= limit) break;
      const key = pair.kind === 'version' ? pair.b : pairKey(pair.a, pair.b);
      if (taken.has(key)) continue;
      taken.add(key);
      out.push(pair);
      added++;
    }
  };
  addAll(
    documents.flatMap((doc) => doc.copies.map((_, n): RecommendedPair => ({ kind: 'version', a: doc.id, b: copyId(doc.id, n + 1), score: 0 }))),
    cap(versions),
  );
  addAll(hierarchyPairs(documents, score, minScore), cap(hierarchy));
  const best = [...scores].filter(([, s]) => s >= minScore).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  addAll(
    best.map(([key, s]): RecommendedPair => {
      const [a, b] = key.split('\n');
      return { kind: 'similar', a, b, score: s };
    }),
    cap(similar),
  );
  return out;
}
