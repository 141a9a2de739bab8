/**
 * Which concepts a query names, for the concept card above the results. The
 * concept pages are not results (their related-concept lists and quotations
 * would repeat places the documents already give); a concept the reader asks
 * for is shown once, as a card with its name, definition and link.
 *
 * A concept is named when a term of the query (or the terms written together)
 * is one of its names, aliases or variant forms, folded like the query; when
 * none is, a term that begins one of them and is more than half of it also
 * names it (链长 → 链长制, 人工智能 → 人工智能+), but a shorter or inner part
 * does not: 工业 names neither 工业互联网 nor 新型工业化, and 新能源汽车 does
 * not name 智能网联汽车 because one of its aliases is 智能网联新能源汽车.
 */
import type { ConceptEntry } from './types.ts';

/** Cards shown at most. */
export const MAX_CONCEPT_CARDS = 3;

/** Indexes into `concepts` of the concepts the folded `terms` name, best first. */
export function namedConcepts(concepts: readonly ConceptEntry[], terms: readonly string[]): number[] {
  const asked = terms.length > 1 ? [...terms, terms.join('')] : [...terms];
  const exact = concepts.flatMap((c, i) => (c.terms.some((t) => asked.includes(t)) ? [i] : []));
  if (exact.length > 0) return exact.slice(0, MAX_CONCEPT_CARDS);
  const partial: Array<{ index: number; share: number }> = [];
  concepts.forEach((c, index) => {
    let share = 0;
    for (const t of c.terms)
      for (const q of asked) if (q.length >= 2 && q.length * 2 > t.length && t.startsWith(q)) share = Math.max(share, q.length / t.length);
    if (share > 0) partial.push({ index, share });
  });
  return partial
    .sort((a, b) => b.share - a.share || a.index - b.index)
    .slice(0, MAX_CONCEPT_CARDS)
    .map((p) => p.index);
}
