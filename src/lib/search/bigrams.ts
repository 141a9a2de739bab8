/**
 * The keys of the positional index: the bigram starting at each position of a
 * page's folded text. The last character of a block pairs with "\n", so a
 * one-character query still finds it. How a term is looked up: see termKeys.
 */

/** Separates blocks in indexed text; never part of a query, so no match crosses blocks. */
export const BLOCK_BREAK = '\n';

/** The bigram key at position i, or null when i is a block break. */
export function bigramAt(text: string, i: number): string | null {
  if (text[i] === BLOCK_BREAK) return null;
  return text[i] + (i + 1 < text.length ? text[i + 1] : BLOCK_BREAK);
}

/** The shard holding every bigram that starts with `first` (a stable hash of the unit). */
export function shardOf(first: string, shardCount: number): number {
  return (Math.imul(first.charCodeAt(0), 0x9e3779b1) >>> 0) % shardCount;
}

/** A bigram to look up and where it sits inside the term. */
export interface TermKey {
  offset: number;
  key: string;
}

/**
 * The bigrams that pin down a term of two or more units: every other bigram,
 * plus the last one when the length is odd. A position where all of them sit
 * at their offsets is exactly an occurrence of the term.
 */
export function termKeys(term: string): TermKey[] {
  if (term.length < 2) return [];
  const keys: TermKey[] = [];
  for (let offset = 0; offset + 1 < term.length; offset += 2) keys.push({ offset, key: term.slice(offset, offset + 2) });
  if (term.length % 2 === 1) keys.push({ offset: term.length - 2, key: term.slice(-2) });
  return keys;
}
