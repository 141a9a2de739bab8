/**
 * Builds every bigram's postings from the pages' folded texts (pure, build
 * time). Each page's positions are encoded as the page ends, into its parts,
 * rather than kept as arrays of every position of the corpus (gigabytes on a
 * large site); the parts are joined once every page is in.
 *
 * A bigram's postings are, page after page, the gap from its previous page, then
 * the page's own part: the count and the flagged position gaps. That part depends
 * on the page's text alone, so a page's parts ({@link PagePostingParts}) can be kept
 * between builds and joined again without reading the text: scanning the text is
 * most of the work (a map lookup per character).
 */
import { KeyTable } from '../key-table.ts';
import { FINAL_DIGITS, MORE_DIGITS } from '../varint.ts';

/**
 * One page's postings without the page gaps: each bigram of the page, in order of first occurrence,
 * with its count and flagged position gaps encoded as in the index.
 */
export interface PagePostingParts {
  /** Bigram ids: first unit · 2¹⁶ + second unit (a block's last unit pairs with "\n"). */
  ids: Uint32Array;
  /** Where each bigram's part ends in `bytes`. */
  ends: Uint32Array;
  bytes: Uint8Array;
}

// The digits of shared/varint.ts as byte values.
const FINAL = [...FINAL_DIGITS].map((c) => c.charCodeAt(0));
const MORE = [...MORE_DIGITS].map((c) => c.charCodeAt(0));

/** A growable byte buffer. */
interface Bytes {
  encoded: Uint8Array;
  length: number;
}

/**
 * Every bigram's encoded postings (postings.ts), pages ascending and positions ascending, joined page by
 * page in index order, each page from its text and heading ranges (flat [start, end, …] pairs, ascending,
 * which set the heading flags; {@link addText}) or from the parts kept from an earlier build
 * ({@link addParts}); both give the same bytes.
 *
 * Pages are kept as parts and joined at the end in two passes: the first sizes each bigram's postings, the
 * second writes them into one buffer. Appending each page's part to a growing buffer per bigram, as an earlier
 * version did, cost about four dependent cache misses per page and bigram (the map entry, the bigram's record,
 * its buffer and the buffer's bytes): joining 2,019 pages' kept parts took 2.6–2.9 s standalone.
 */
export class PostingsJoiner {
  readonly #pages: PagePostingParts[] = [];
  readonly #part: Bytes = { encoded: new Uint8Array(1 << 16), length: 0 };

  /** Adds the next page from its folded text and heading ranges; returns its parts when `keep` (for a cache). */
  addText(text: string, ranges: readonly number[], keep = false): PagePostingParts | undefined {
    // The page's bigrams by the two units as one number (no two-character string per position), in order of first
    // occurrence. A KeyTable, not a Map: most ids of Han text are above 2³⁰, where a Map hashes boxed numbers.
    const table = new KeyTable(Math.min(text.length, 1 << 16));
    const order: number[] = [];
    const positions: number[][] = [];
    let range = 0;
    for (let i = 0; i < text.length; i++) {
      const first = text.charCodeAt(i);
      if (first === 10) continue;
      while (range < ranges.length && ranges[range + 1] <= i) range += 2;
      const inHeading = range < ranges.length && ranges[range] <= i ? 1 : 0;
      const second = i + 1 < text.length ? text.charCodeAt(i + 1) : 10;
      const id = first * 0x10000 + second;
      // KeyTable keys are positive; a bigram id can be 0.
      let bigram = table.get(id + 1);
      if (bigram < 0) {
        bigram = order.length;
        table.set(id + 1, bigram);
        order.push(id);
        positions.push([]);
      }
      positions[bigram].push(i * 2 + inHeading);
    }
    const ids = Uint32Array.from(order);
    const ends = new Uint32Array(order.length);
    const part = this.#part;
    part.length = 0;
    positions.forEach((list, n) => {
      writePart(part, list);
      ends[n] = part.length;
    });
    const parts = { ids, ends, bytes: part.encoded.slice(0, part.length) };
    this.#pages.push(parts);
    return keep ? parts : undefined;
  }

  /** Adds the next page from its parts, as {@link addText} returned them for the same text. */
  addParts(parts: PagePostingParts): void {
    this.#pages.push(parts);
  }

  /** Every bigram's postings as index text, bigrams in order of first occurrence. */
  result(): Map<string, string> {
    const pages = this.#pages;
    // Pass 1: each bigram's number (in order of first occurrence) and the bytes of its postings: per page, the
    // gap from its previous page, then the page's part.
    const table = new KeyTable(1 << 16);
    const keys: number[] = [];
    let lastPage = new Int32Array(1 << 16);
    let sizes = new Float64Array(1 << 16);
    pages.forEach(({ ids, ends }, page) => {
      let from = 0;
      for (let n = 0; n < ids.length; n++) {
        // KeyTable keys are positive; a bigram id can be 0.
        let bigram = table.get(ids[n] + 1);
        if (bigram < 0) {
          bigram = keys.length;
          table.set(ids[n] + 1, bigram);
          keys.push(ids[n]);
          if (bigram === lastPage.length) {
            lastPage = grown(lastPage);
            sizes = grown(sizes);
          }
        }
        sizes[bigram] += digitCount(page - lastPage[bigram]) + ends[n] - from;
        lastPage[bigram] = page;
        from = ends[n];
      }
    });
    // Pass 2: the postings written where pass 1 put them.
    const starts = new Float64Array(keys.length + 1);
    for (let b = 0; b < keys.length; b++) starts[b + 1] = starts[b] + sizes[b];
    const out = new Uint8Array(starts[keys.length]);
    const at = starts.slice(0, keys.length);
    lastPage.fill(0);
    pages.forEach(({ ids, ends, bytes }, page) => {
      let from = 0;
      for (let n = 0; n < ids.length; n++) {
        const bigram = table.get(ids[n] + 1);
        let i = writeDigits(out, at[bigram], page - lastPage[bigram]);
        lastPage[bigram] = page;
        // Parts are a few bytes each: a loop, not a subarray view per part.
        for (let k = from; k < ends[n]; k++) out[i++] = bytes[k];
        at[bigram] = i;
        from = ends[n];
      }
    });
    const decoder = new TextDecoder('latin1');
    const result = new Map<string, string>();
    keys.forEach((id, b) => result.set(String.fromCharCode(Math.floor(id / 0x10000), id % 0x10000), decoder.decode(out.subarray(starts[b], starts[b + 1]))));
    return result;
  }
}

/** A typed array twice as long, with the same values first. */
function grown<T extends Int32Array | Float64Array>(array: T): T {
  const larger = new (array.constructor as new (length: number) => T)(array.length * 2);
  larger.set(array);
  return larger;
}

/** How many digits `n` takes (shared/varint.ts). */
function digitCount(n: number): number {
  let digits = 1;
  for (let rest = n >>> 5; rest > 0; rest >>>= 5) digits++;
  return digits;
}

/** Writes the digits of `n` into `out` at `at`; returns where they end. */
function writeDigits(out: Uint8Array, at: number, n: number): number {
  for (let d = digitCount(n) - 1; d > 0; d--) out[at++] = MORE[(n >>> (5 * d)) & 31];
  out[at++] = FINAL[n & 31];
  return at;
}

/** A page's part of one bigram's postings: the count, then the flagged position gaps. */
function writePart(out: Bytes, positions: readonly number[]): void {
  write(out, positions.length);
  let last = 0;
  for (const flagged of positions) {
    const position = flagged >>> 1;
    write(out, (position - last) * 2 + (flagged & 1));
    last = position;
  }
}

/** Makes room for `n` more bytes. */
function reserve(out: Bytes, n: number): void {
  if (out.length + n <= out.encoded.length) return;
  let size = out.encoded.length * 2;
  while (out.length + n > size) size *= 2;
  const grown = new Uint8Array(size);
  grown.set(out.encoded.subarray(0, out.length));
  out.encoded = grown;
}

function write(out: Bytes, n: number): void {
  reserve(out, 8);
  out.length = writeDigits(out.encoded, out.length, n);
}

/** A page's parts as bytes for a cache: the count of bigrams, their ids, their ends (little-endian 32-bit), then the parts. */
export function packPagePostings(parts: PagePostingParts): Uint8Array {
  const n = parts.ids.length;
  const out = new Uint8Array(4 + 8 * n + parts.bytes.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, n, true);
  for (let i = 0; i < n; i++) {
    view.setUint32(4 + 4 * i, parts.ids[i], true);
    view.setUint32(4 + 4 * (n + i), parts.ends[i], true);
  }
  out.set(parts.bytes, 4 + 8 * n);
  return out;
}

/** What {@link packPagePostings} wrote, or undefined when the bytes are not such parts (cut, or of other code). */
export function unpackPagePostings(packed: Uint8Array): PagePostingParts | undefined {
  if (packed.length < 4) return undefined;
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const n = view.getUint32(0, true);
  if (packed.length < 4 + 8 * n) return undefined;
  const ids = new Uint32Array(n);
  const ends = new Uint32Array(n);
  let last = 0;
  for (let i = 0; i < n; i++) {
    ids[i] = view.getUint32(4 + 4 * i, true);
    ends[i] = view.getUint32(4 + 4 * (n + i), true);
    if (ends[i] < last) return undefined;
    last = ends[i];
  }
  const bytes = packed.slice(4 + 8 * n);
  return bytes.length === last ? { ids, ends, bytes } : undefined;
}
