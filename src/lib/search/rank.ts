/**
 * Ranking of matching pages, in tiers a reader can predict:
 *   1. pages whose title contains a term (the concept page 链长制, the
 *      document 青岛市…新能源汽车…行动计划);
 *   2. other policy documents;
 *   3. other pages (concept and department pages quote task titles from many
 *      documents; they are short, so by BM25 alone they would outrank the
 *      documents they quote).
 * Within a tier, BM25 over the exact occurrences. Sorting by date keeps
 * undated pages last.
 */
import { foldText, type FoldMap } from './fold.ts';
import type { PageInfo } from './types.ts';

/** BM25 constants (the usual defaults). */
const K1 = 1.2;
const B = 0.75;

/** A page that contains every term, with where. */
export interface Candidate {
  page: number;
  /** Start positions per term, in query order. */
  occurrences: number[][];
}

/** A candidate with its tier (higher first), BM25 score and whether its title contains a term. */
export interface Ranked extends Candidate {
  tier: number;
  score: number;
  titleHit: boolean;
}

/** The tier of a page: 2 title hit, 1 document, 0 anything else. */
export function tierOf(info: PageInfo, titleHit: boolean): number {
  return titleHit ? 2 : info.type === 'document' ? 1 : 0;
}

/** Scores candidates; `pages` is the whole index (for document frequencies and average length). */
export function scoreCandidates(candidates: Candidate[], terms: string[], pages: PageInfo[], fold: FoldMap, documentFrequency: number[]): Ranked[] {
  const n = pages.length;
  const avgLength = pages.reduce((sum, p) => sum + p.length, 0) / Math.max(1, n);
  const idf = documentFrequency.map((df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  return candidates.map((c) => {
    const info = pages[c.page];
    const title = foldText(info.title, fold);
    let score = 0;
    let titleHit = false;
    terms.forEach((term, t) => {
      const tf = c.occurrences[t].length;
      score += (idf[t] * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * info.length) / avgLength));
      if (title.includes(term)) titleHit = true;
    });
    return { ...c, tier: tierOf(info, titleHit), score, titleHit };
  });
}

/** Orders by tier and score (ties: newer first, then URL), or by date (newest first, undated last, then tier and score). */
export function sortRanked(ranked: Ranked[], pages: PageInfo[], by: 'relevance' | 'date'): Ranked[] {
  const date = (r: Ranked) => pages[r.page].sort.date ?? '';
  const byDate = (a: Ranked, b: Ranked) => (date(a) === date(b) ? 0 : date(a) < date(b) ? 1 : -1);
  const byRelevance = (a: Ranked, b: Ranked) => b.tier - a.tier || b.score - a.score;
  const byUrl = (a: Ranked, b: Ranked) => (pages[a.page].url < pages[b.page].url ? -1 : 1);
  return [...ranked].sort((a, b) =>
    by === 'date' ? byDate(a, b) || byRelevance(a, b) || byUrl(a, b) : byRelevance(a, b) || byDate(a, b) || byUrl(a, b),
  );
}
