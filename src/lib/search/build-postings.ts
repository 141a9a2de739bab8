/**
 * Builds the postings shards from the pages' folded texts (pure). Run at build
 * time to write the online shards, and in the browser by the offline store,
 * which ships page texts only and rebuilds the very same shards from them.
 */
import { bigramAt, shardOf } from './bigrams.ts';
import { foldText, type FoldMap } from './fold.ts';
import type { PageDetail, Shard } from './types.ts';

/** One bigram's postings while they are built: the encoded pages so far and the positions on the current page. */
interface Pending {
  key: string;
  encoded: Uint8Array;
  length: number;
  lastPage: number;
  page: number;
  positions: number[];
}

// The digits of postings.ts as byte values (base 32, high digits first; see encodePostings).
const FINAL = [...'0123456789abcdefghijklmnopqrstuv'].map((c) => c.charCodeAt(0));
const MORE = [...'wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_'].map((c) => c.charCodeAt(0));

/**
 * Every bigram's encoded postings, pages ascending and positions ascending:
 * the same strings as encodePostings over every page's positions, written as
 * each page ends rather than after collecting every position of the corpus
 * in arrays (gigabytes on a large site).
 */
export function encodedPostings(folded: string[]): Map<string, string> {
  // Keyed by the two units as one number: no two-character string per position.
  const pending = new Map<number, Pending>();
  const touched: Pending[] = [];
  folded.forEach((text, page) => {
    for (let i = 0; i < text.length; i++) {
      const first = text.charCodeAt(i);
      if (first === 10) continue;
      const second = i + 1 < text.length ? text.charCodeAt(i + 1) : 10;
      const id = first * 0x10000 + second;
      let entry = pending.get(id);
      if (!entry) pending.set(id, (entry = { key: bigramAt(text, i)!, encoded: new Uint8Array(16), length: 0, lastPage: 0, page: -1, positions: [] }));
      if (entry.page !== page) {
        entry.page = page;
        touched.push(entry);
      }
      entry.positions.push(i);
    }
    for (const entry of touched) flushPage(entry);
    touched.length = 0;
  });
  const decoder = new TextDecoder('latin1');
  const out = new Map<string, string>();
  for (const entry of pending.values()) out.set(entry.key, decoder.decode(entry.encoded.subarray(0, entry.length)));
  return out;
}

/** Appends the current page's postings of one bigram: page gap, count, position gaps. */
function flushPage(entry: Pending): void {
  write(entry, entry.page - entry.lastPage);
  entry.lastPage = entry.page;
  write(entry, entry.positions.length);
  let last = 0;
  for (const p of entry.positions) {
    write(entry, p - last);
    last = p;
  }
  entry.positions.length = 0;
}

function write(entry: Pending, n: number): void {
  if (entry.length + 8 > entry.encoded.length) {
    const grown = new Uint8Array(entry.encoded.length * 2);
    grown.set(entry.encoded);
    entry.encoded = grown;
  }
  let digits = 1;
  for (let rest = n >>> 5; rest > 0; rest >>>= 5) digits++;
  for (let d = digits - 1; d > 0; d--) entry.encoded[entry.length++] = MORE[(n >>> (5 * d)) & 31];
  entry.encoded[entry.length++] = FINAL[n & 31];
}

/** Distributes encoded postings over `shardCount` shards by the first character of each bigram. */
export function shardPostings(encoded: Map<string, string>, shardCount: number): Shard[] {
  const shards: Shard[] = Array.from({ length: shardCount }, () => ({}));
  for (const key of [...encoded.keys()].sort()) shards[shardOf(key, shardCount)][key] = encoded.get(key)!;
  return shards;
}

/** The shards of a set of pages, folded with the index's map (what the offline store does). */
export function shardsFromPages(pages: PageDetail[], fold: FoldMap, shardCount: number): Shard[] {
  return shardPostings(encodedPostings(pages.map((p) => foldText(p.text, fold))), shardCount);
}
