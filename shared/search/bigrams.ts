/**
 * The keys of the positional index: the bigram starting at each position of a
 * page's folded text. The last character of a block pairs with "\n", so a
 * one-character query still finds it. How a term is looked up: see termKeys
 * and cheapestKeys.
 */

/** Separates blocks in indexed text; never part of a query, so no match crosses blocks. */
export const BLOCK_BREAK = '\n';

/** The bigram key at position i, or null when i is a block break. */
export function bigramAt(text: string, i: number): string | null {
  if (text[i] === BLOCK_BREAK) return null;
  return text[i] + (i + 1 < text.length ? text[i + 1] : BLOCK_BREAK);
}

/** A bigram to look up and where it sits inside the term. */
export interface TermKey {
  offset: number;
  key: string;
}

/**
 * The fewest bigrams that pin down a term of two or more units: every other
 * bigram, plus the last one when the length is odd. A position where all of
 * them sit at their offsets is exactly an occurrence of the term.
 */
export function termKeys(term: string): TermKey[] {
  return cheapestKeys(term, () => 1);
}

/**
 * The bigrams that pin down a term at the least cost: any set of bigrams that
 * covers every character of the term identifies its occurrences exactly, so
 * among those covers this picks the one whose keys cost least to load (cost:
 * bytes of the shard a key is in). The first bigram is always part of it — it
 * alone covers the first character — which is why its heading flags tell
 * whether an occurrence starts in a heading. Dynamic programming over the
 * offsets: best[o] is the cheapest cover of characters 0 … o + 1 whose last key sits at o.
 */
export function cheapestKeys(term: string, cost: (key: string) => number): TermKey[] {
  const last = term.length - 2;
  if (last < 0) return [];
  const best: number[] = [];
  const previous: number[] = [];
  for (let o = 0; o <= last; o++) {
    const own = cost(term.slice(o, o + 2));
    if (o === 0) {
      best.push(own);
      previous.push(-1);
      continue;
    }
    // The key before must end at o − 1 or later: it sits at o − 2 or o − 1.
    const from = o - 2 >= 0 && best[o - 2] <= best[o - 1] ? o - 2 : o - 1;
    best.push(best[from] + own);
    previous.push(from);
  }
  const keys: TermKey[] = [];
  for (let o = last; o >= 0; o = previous[o]) keys.push({ offset: o, key: term.slice(o, o + 2) });
  return keys.reverse();
}
