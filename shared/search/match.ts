/**
 * Exact matching from positional postings: where does a folded term occur in
 * each page? A term of two or more units is pinned by bigrams at fixed
 * offsets that cover all of it (cheapestKeys); a one-unit term is the union of
 * every bigram starting with it. No text is needed, and no position is ever guessed.
 */
import type { TermKey } from './bigrams.ts';
import { decodePostings, forEachPosting } from './postings.ts';
import type { Shard } from './types.ts';

/** Where a term occurs in one page. */
export interface TermHits {
  /** Start positions, ascending. */
  starts: number[];
  /** The starts that are inside a heading (the title or a section's heading). */
  inHeadings: number[];
}

/** A term's hits per page index. */
export type Occurrences = Map<number, TermHits>;

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

/**
 * Occurrences of a term of two or more units: positions where all its keys
 * line up. `keys` must cover every unit of the term and include offset 0
 * (cheapestKeys does both); the first key's heading flags mark the hits in headings.
 */
export function matchTerm(keys: readonly TermKey[], lookup: PostingsLookup): Occurrences {
  type Lists = { offset: number; byPage: Map<number, { positions: number[]; inHeading: number[] }> };
  const lists: Lists[] = [];
  for (const { offset, key } of keys) {
    const encoded = lookup(key);
    if (encoded === undefined) return new Map();
    lists.push({ offset, byPage: new Map(decodePostings(encoded).map((p) => [p.page, p])) });
  }
  const head = lists.find((l) => l.offset === 0);
  if (!head) throw new Error('search: the keys of a term must include its first bigram');
  // Walk the rarest bigram; every other one must sit at its offset.
  const [first, ...rest] = [...lists].sort((a, b) => a.byPage.size - b.byPage.size);
  const out: Occurrences = new Map();
  for (const [page, { positions }] of first.byPage) {
    const others = rest.map((r) => ({ offset: r.offset, positions: r.byPage.get(page)?.positions }));
    if (others.some((o) => o.positions === undefined)) continue;
    const starts = positions.map((p) => p - first.offset).filter((start) => others.every((o) => contains(o.positions!, start + o.offset)));
    if (starts.length === 0) continue;
    starts.sort((a, b) => a - b);
    const own = head.byPage.get(page)!;
    const flagged = own.positions.filter((_, i) => own.inHeading[i] === 1);
    out.set(page, { starts, inHeadings: flagged.length === 0 ? [] : starts.filter((s) => contains(flagged, s)) });
  }
  return out;
}

/**
 * Occurrences of a one-unit term: every bigram in the given shards that
 * starts with it, merged per page. Positions are kept as position × 2 + flag
 * and sorted as a typed array: a frequent character has hundreds of bigrams
 * and its first offline result waited on sorting pairs with a comparator.
 */
export function matchUnit(unit: string, shards: ReadonlyArray<Shard | undefined>): Occurrences {
  const merged = new Map<number, number[]>();
  for (const shard of shards) {
    for (const key in shard) {
      if (key[0] !== unit) continue;
      forEachPosting(shard[key], (page, position, inHeading) => {
        let list = merged.get(page);
        if (!list) merged.set(page, (list = []));
        list.push(position * 2 + inHeading);
      });
    }
  }
  const out: Occurrences = new Map();
  for (const [page, list] of merged) {
    const sorted = Float64Array.from(list).sort();
    const starts: number[] = new Array(sorted.length);
    const inHeadings: number[] = [];
    for (let i = 0; i < sorted.length; i++) {
      starts[i] = Math.floor(sorted[i] / 2);
      if (sorted[i] % 2 === 1) inHeadings.push(starts[i]);
    }
    out.set(page, { starts, inHeadings });
  }
  return out;
}

/** Pages that contain every term, with each term's hits (terms in query order). */
export function intersectTerms(perTerm: Occurrences[]): Map<number, TermHits[]> {
  const out = new Map<number, TermHits[]>();
  if (perTerm.length === 0) return out;
  const [first, ...rest] = perTerm;
  for (const [page, hits] of first) {
    const lists = rest.map((o) => o.get(page));
    if (lists.every((l) => l !== undefined)) out.set(page, [hits, ...(lists as TermHits[])]);
  }
  return out;
}
