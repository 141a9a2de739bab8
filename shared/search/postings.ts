/**
 * Positional postings as short strings (numbers written with shared/varint.ts). For
 * one bigram: for each page that contains it (ascending), the gap from the
 * previous page, the number of occurrences, then each position as its gap
 * from the previous one, doubled, plus 1 when the position is inside a
 * heading (the title or a task's heading). The flag costs about one bit per
 * position and lets ranking tell a term used in a heading from a passing
 * mention without loading any page (see rank.ts).
 */
import { DIGIT_VALUE, writeNumber } from '../varint.ts';

/** Occurrences of one bigram in one page: offsets into the page's indexed text, and which of them are in a heading. */
export interface PagePostings {
  page: number;
  positions: number[];
  /** 1 where positions[i] is inside a heading, else 0. */
  inHeading: number[];
}

/** Encodes postings (pages ascending, positions ascending within a page). */
export function encodePostings(list: readonly PagePostings[]): string {
  const out: string[] = [];
  let lastPage = 0;
  for (const { page, positions, inHeading } of list) {
    writeNumber(page - lastPage, out);
    lastPage = page;
    writeNumber(positions.length, out);
    let last = 0;
    positions.forEach((p, i) => {
      writeNumber((p - last) * 2 + (inHeading[i] ? 1 : 0), out);
      last = p;
    });
  }
  return out.join('');
}

/**
 * Calls `visit(page, position, inHeading)` for every posting, in order,
 * without building arrays (a one-character query reads hundreds of
 * bigrams' postings). Throws on a corrupt string rather than guessing.
 */
export function forEachPosting(encoded: string, visit: (page: number, position: number, inHeading: number) => void): void {
  // States: 0 page gap, 1 count, 2 position gap.
  let state = 0;
  let n = 0;
  let page = 0;
  let left = 0;
  let position = 0;
  for (let i = 0; i < encoded.length; i++) {
    const code = encoded.charCodeAt(i);
    const v = code < 128 ? DIGIT_VALUE[code] : -1;
    if (v < 0) throw new Error(`search index: bad character "${encoded[i]}" in postings at ${i}`);
    n = n * 32 + (v & 31);
    if (v >= 32) continue;
    if (state === 0) {
      page += n;
      state = 1;
    } else if (state === 1) {
      left = n;
      position = 0;
      state = left > 0 ? 2 : 0;
    } else {
      position += Math.floor(n / 2);
      visit(page, position, n % 2);
      if (--left === 0) state = 0;
    }
    n = 0;
  }
  if (state !== 0 || n !== 0) throw new Error('search index: truncated postings');
}

/** Decodes what {@link encodePostings} wrote into one record per page. */
export function decodePostings(encoded: string): PagePostings[] {
  const list: PagePostings[] = [];
  let current: PagePostings | undefined;
  forEachPosting(encoded, (page, position, inHeading) => {
    if (!current || current.page !== page) list.push((current = { page, positions: [], inHeading: [] }));
    current.positions.push(position);
    current.inHeading.push(inHeading);
  });
  return list;
}
