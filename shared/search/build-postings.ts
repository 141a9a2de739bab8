/**
 * Builds every bigram's postings from the pages' folded texts (pure, build
 * time). Postings are written as each page ends rather than after collecting
 * every position of the corpus in arrays (gigabytes on a large site).
 *
 * A bigram's postings are, page after page, the gap from its previous page, then
 * the page's own part: the count and the flagged position gaps. That part depends
 * on the page's text alone, so a page's parts ({@link PagePostingParts}) can be kept
 * between builds and joined again without reading the text: scanning the text is
 * most of the work (a map lookup per character).
 */
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

/** One bigram's postings while they are built. */
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
 */
export class PostingsJoiner {
  // Keyed by the two units as one number: no two-character string per position.
  readonly #pending = new Map<number, Pending>();
  readonly #touched: Pending[] = [];
  #page = -1;
  readonly #part: Bytes = { encoded: new Uint8Array(1 << 16), length: 0 };

  /** Adds the next page from its folded text and heading ranges; returns its parts when `keep` (for a cache). */
  addText(text: string, ranges: readonly number[], keep = false): PagePostingParts | undefined {
    const page = ++this.#page;
    const pending = this.#pending;
    const touched = this.#touched;
    let range = 0;
    for (let i = 0; i < text.length; i++) {
      const first = text.charCodeAt(i);
      if (first === 10) continue;
      while (range < ranges.length && ranges[range + 1] <= i) range += 2;
      const inHeading = range < ranges.length && ranges[range] <= i ? 1 : 0;
      const second = i + 1 < text.length ? text.charCodeAt(i + 1) : 10;
      const id = first * 0x10000 + second;
      let entry = pending.get(id);
      if (!entry) pending.set(id, (entry = this.#added(id)));
      if (entry.page !== page) {
        entry.page = page;
        touched.push(entry);
      }
      entry.positions.push(i * 2 + inHeading);
    }
    const parts = keep ? { ids: new Uint32Array(touched.length), ends: new Uint32Array(touched.length) } : undefined;
    const part = this.#part;
    part.length = 0;
    touched.forEach((entry, n) => {
      const from = part.length;
      writePart(part, entry.positions);
      entry.positions.length = 0;
      append(entry, page, part.encoded, from, part.length);
      if (parts) {
        parts.ids[n] = entry.key.charCodeAt(0) * 0x10000 + entry.key.charCodeAt(1);
        parts.ends[n] = part.length;
      }
    });
    touched.length = 0;
    return parts && { ...parts, bytes: part.encoded.slice(0, part.length) };
  }

  /** Adds the next page from its parts, as {@link addText} returned them for the same text. */
  addParts(parts: PagePostingParts): void {
    const page = ++this.#page;
    let from = 0;
    const { ids, ends, bytes } = parts;
    for (let n = 0; n < ids.length; n++) {
      const id = ids[n];
      let entry = this.#pending.get(id);
      if (!entry) this.#pending.set(id, (entry = this.#added(id)));
      append(entry, page, bytes, from, ends[n]);
      from = ends[n];
    }
  }

  /** A new bigram's postings. */
  #added(id: number): Pending {
    return { key: String.fromCharCode(Math.floor(id / 0x10000), id % 0x10000), encoded: new Uint8Array(16), length: 0, lastPage: 0, page: -1, positions: [] };
  }

  /** Every bigram's postings as index text, bigrams in order of first occurrence. */
  result(): Map<string, string> {
    const decoder = new TextDecoder('latin1');
    const out = new Map<string, string>();
    for (const entry of this.#pending.values()) out.set(entry.key, decoder.decode(entry.encoded.subarray(0, entry.length)));
    return out;
  }
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

/** Appends page `page`'s part (`bytes[from..to]`) to a bigram's postings, after the gap from its previous page. */
function append(entry: Pending, page: number, bytes: Uint8Array, from: number, to: number): void {
  write(entry, page - entry.lastPage);
  entry.lastPage = page;
  reserve(entry, to - from);
  // Parts are a few bytes each: a loop, not a subarray view per part.
  const out = entry.encoded;
  let at = entry.length;
  for (let i = from; i < to; i++) out[at++] = bytes[i];
  entry.length = at;
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
  let digits = 1;
  for (let rest = n >>> 5; rest > 0; rest >>>= 5) digits++;
  for (let d = digits - 1; d > 0; d--) out.encoded[out.length++] = MORE[(n >>> (5 * d)) & 31];
  out.encoded[out.length++] = FINAL[n & 31];
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
