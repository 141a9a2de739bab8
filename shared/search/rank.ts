/**
 * Ranking of matching pages, in levels a reader can predict, because results
 * are places in documents and a document that uses a term is worth more than
 * one that mentions it in passing:
 *   4  a department whose name is a term of the query (the reader named it);
 *   3  a document whose title contains a term;
 *   2  a document with a term in a section's heading, or a department whose name contains the query;
 *   1  a document that uses the query more than once (more occurrences than terms);
 *   0  a document that mentions it once.
 * Within a level, BM25 over the exact occurrences, with a light length
 * normalisation (b = 0.3, not the usual 0.75) so that the number of uses
 * counts for more than the length of the document. Ties: newer first, then
 * index order (URL order). Sorting by date keeps undated pages last.
 * scripts/harness/ground-truth.ts computes the same levels from the corpus, independently.
 */
import type { TermHits } from './match.ts';
import type { PageInfo } from './page-table.ts';

const K1 = 1.2;
const B = 0.3;

/** A page that contains every term, with where. */
export interface Candidate {
  page: number;
  /** Hits per term, in query order. */
  hits: TermHits[];
}

/** A candidate with its level (higher first), BM25 score and whether its title contains a term. */
export interface Ranked extends Candidate {
  level: number;
  score: number;
  titleHit: boolean;
}

/** The level of a page that contains every term (see the module comment). */
export function levelOf(info: PageInfo, hits: readonly TermHits[], terms: readonly string[]): number {
  if (info.type === 'department') {
    return hits.some((h, t) => h.starts[0] === 0 && terms[t].length === info.length) ? 4 : 2;
  }
  if (hits.some((h) => h.starts[0] < info.titleLength)) return 3;
  if (hits.some((h) => h.inHeadings.some((s) => s >= info.titleLength))) return 2;
  const uses = hits.reduce((n, h) => n + h.starts.length, 0);
  return uses > terms.length ? 1 : 0;
}

/** Scores candidates; `pages` is the whole index (for the average length), `documentFrequency` per term. */
export function scoreCandidates(candidates: Candidate[], terms: string[], pages: PageInfo[], documentFrequency: number[]): Ranked[] {
  const n = pages.length;
  const avgLength = pages.reduce((sum, p) => sum + p.length, 0) / Math.max(1, n);
  const idf = documentFrequency.map((df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  return candidates.map((c) => {
    const info = pages[c.page];
    let score = 0;
    c.hits.forEach((h, t) => {
      const tf = h.starts.length;
      score += (idf[t] * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * info.length) / avgLength));
    });
    const titleHit = c.hits.some((h) => h.starts[0] < info.titleLength);
    return { ...c, level: levelOf(info, c.hits, terms), score, titleHit };
  });
}

/** Orders by level and score (ties: newer first, then index order), or by date (newest first, undated last, then level and score). */
export function sortRanked(ranked: Ranked[], pages: PageInfo[], by: 'relevance' | 'date'): Ranked[] {
  const date = (r: Ranked) => pages[r.page].date;
  const byDate = (a: Ranked, b: Ranked) => (date(a) === date(b) ? 0 : date(a) < date(b) ? 1 : -1);
  const byRelevance = (a: Ranked, b: Ranked) => b.level - a.level || b.score - a.score;
  const byIndex = (a: Ranked, b: Ranked) => a.page - b.page;
  return [...ranked].sort((a, b) => (by === 'date' ? byDate(a, b) || byRelevance(a, b) || byIndex(a, b) : byRelevance(a, b) || byDate(a, b) || byIndex(a, b)));
}
