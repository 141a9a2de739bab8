/**
 * Positional postings as short strings (numbers written with varint.ts). For
 * one bigram: for each page that contains it (ascending), the gap from the
 * previous page, the number of occurrences, then each position as its gap
 * from the previous one, doubled, plus 1 when the position is inside a
 * heading (the title or a task's heading). The flag costs about one bit per
 * position and lets ranking tell a term used in a heading from a passing
 * mention without loading any page (see rank.ts).
 */
import { decodeNumbers, writeNumber } from './varint.ts';

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

/** Decodes what {@link encodePostings} wrote; throws on a corrupt string rather than guessing. */
export function decodePostings(encoded: string): PagePostings[] {
  const numbers = decodeNumbers(encoded, 'postings');
  const list: PagePostings[] = [];
  let page = 0;
  for (let i = 0; i < numbers.length; ) {
    page += numbers[i++];
    const count = numbers[i++];
    if (count === undefined || i + count > numbers.length) throw new Error('search index: truncated postings');
    const positions: number[] = new Array(count);
    const inHeading: number[] = new Array(count);
    let pos = 0;
    for (let k = 0; k < count; k++) {
      const n = numbers[i++];
      positions[k] = pos += Math.floor(n / 2);
      inHeading[k] = n % 2;
    }
    list.push({ page, positions, inHeading });
  }
  return list;
}
