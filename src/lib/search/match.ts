/**
 * Exact matching from positional postings: where does a folded term occur in
 * each page? A term of two or more units is pinned by its bigrams at fixed
 * offsets (termKeys); a one-unit term is the union of every bigram starting
 * with it. No text is needed, and no position is ever guessed.
 */
import { termKeys } from './bigrams.ts';
import { decodePostings, type PagePostings } from './postings.ts';
import type { Shard } from './types.ts';

/** Start positions of a term per page index. */
export type Occurrences = Map<number, number[]>;

/** Looks up the encoded postings of a bigram; undefined when no page has it. */
export type PostingsLookup = (key: string) => string | undefined;

/** A lookup over loaded shards, each key found in the shard `shardFor(key)` names. */
export function shardLookup(shards: ReadonlyMap<number, Shard>, shardFor: (key: string) => number): PostingsLookup {
  return (key) => shards.get(shardFor(key))?.[key];
}

function contains(sorted: number[], value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Occurrences of a term of two or more units: positions where all its bigrams line up. */
export function matchTerm(term: string, lookup: PostingsLookup): Occurrences {
  const keys = termKeys(term);
  const lists: Array<{ offset: number; byPage: Map<number, number[]> }> = [];
  for (const { offset, key } of keys) {
    const encoded = lookup(key);
    if (encoded === undefined) return new Map();
    lists.push({ offset, byPage: new Map(decodePostings(encoded).map((p) => [p.page, p.positions])) });
  }
  // Start from the rarest bigram; every other one must sit at its offset.
  lists.sort((a, b) => a.byPage.size - b.byPage.size);
  const [first, ...rest] = lists;
  const out: Occurrences = new Map();
  for (const [page, positions] of first.byPage) {
    const others = rest.map((r) => ({ offset: r.offset, positions: r.byPage.get(page) }));
    if (others.some((o) => o.positions === undefined)) continue;
    const starts = positions
      .map((p) => p - first.offset)
      .filter((start) => others.every((o) => contains(o.positions!, start + o.offset)));
    if (starts.length > 0) out.set(page, starts.sort((a, b) => a - b));
  }
  return out;
}

/** Occurrences of a one-unit term: every bigram in `shard` that starts with it, merged per page. */
export function matchUnit(unit: string, shard: Shard | undefined): Occurrences {
  const merged = new Map<number, number[]>();
  for (const [key, encoded] of Object.entries(shard ?? {})) {
    if (key[0] !== unit) continue;
    for (const { page, positions } of decodePostings(encoded) as PagePostings[]) {
      const list = merged.get(page);
      if (list) list.push(...positions);
      else merged.set(page, [...positions]);
    }
  }
  for (const list of merged.values()) list.sort((a, b) => a - b);
  return merged;
}

/** Pages that contain every term, with each term's occurrences (terms in query order). */
export function intersectTerms(perTerm: Occurrences[]): Map<number, number[][]> {
  const out = new Map<number, number[][]>();
  if (perTerm.length === 0) return out;
  const [first, ...rest] = perTerm;
  for (const [page, positions] of first) {
    const lists = rest.map((o) => o.get(page));
    if (lists.every((l) => l !== undefined)) out.set(page, [positions, ...(lists as number[][])]);
  }
  return out;
}
