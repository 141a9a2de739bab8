/**
 * Builds every bigram's postings from the pages' folded texts (pure, build
 * time). Postings are written as each page ends rather than after collecting
 * every position of the corpus in arrays (gigabytes on a large site).
 */
import { bigramAt } from './bigrams.ts';
import { FINAL_DIGITS, MORE_DIGITS } from '../varint.ts';

/** One bigram's postings while they are built: the encoded pages so far and the positions on the current page. */
interface Pending {
  key: string;
  encoded: Uint8Array;
  length: number;
  lastPage: number;
  page: number;
  /** Positions on the current page, each doubled plus its heading flag (as encoded, before taking gaps). */
  positions: number[];
}

// The digits of shared/varint.ts as byte values.
const FINAL = [...FINAL_DIGITS].map((c) => c.charCodeAt(0));
const MORE = [...MORE_DIGITS].map((c) => c.charCodeAt(0));

/**
 * Every bigram's encoded postings (postings.ts), pages ascending and
 * positions ascending; `headings[page]` holds that page's heading ranges as
 * flat [start, end, …] pairs, ascending, which set the heading flags.
 */
export function encodedPostings(folded: readonly string[], headings: ReadonlyArray<readonly number[]>): Map<string, string> {
  // Keyed by the two units as one number: no two-character string per position.
  const pending = new Map<number, Pending>();
  const touched: Pending[] = [];
  folded.forEach((text, page) => {
    const ranges = headings[page] ?? [];
    let range = 0;
    for (let i = 0; i < text.length; i++) {
      const first = text.charCodeAt(i);
      if (first === 10) continue;
      while (range < ranges.length && ranges[range + 1] <= i) range += 2;
      const inHeading = range < ranges.length && ranges[range] <= i ? 1 : 0;
      const second = i + 1 < text.length ? text.charCodeAt(i + 1) : 10;
      const id = first * 0x10000 + second;
      let entry = pending.get(id);
      if (!entry) pending.set(id, (entry = { key: bigramAt(text, i)!, encoded: new Uint8Array(16), length: 0, lastPage: 0, page: -1, positions: [] }));
      if (entry.page !== page) {
        entry.page = page;
        touched.push(entry);
      }
      entry.positions.push(i * 2 + inHeading);
    }
    for (const entry of touched) flushPage(entry);
    touched.length = 0;
  });
  const decoder = new TextDecoder('latin1');
  const out = new Map<string, string>();
  for (const entry of pending.values()) out.set(entry.key, decoder.decode(entry.encoded.subarray(0, entry.length)));
  return out;
}

/** Appends the current page's postings of one bigram: page gap, count, flagged position gaps. */
function flushPage(entry: Pending): void {
  write(entry, entry.page - entry.lastPage);
  entry.lastPage = entry.page;
  write(entry, entry.positions.length);
  let last = 0;
  for (const flagged of entry.positions) {
    const position = flagged >>> 1;
    write(entry, (position - last) * 2 + (flagged & 1));
    last = position;
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
