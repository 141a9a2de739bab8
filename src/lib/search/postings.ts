/**
 * Positional postings as short strings. For one bigram: for each page that
 * contains it (ascending), the gap from the previous page, the number of
 * occurrences, then the positions as gaps. Numbers are written as base-32
 * varints in URL-safe characters, so a shard is plain JSON (no escaping) and
 * an average position costs about two characters before gzip.
 */

/** Occurrences of one bigram in one page: offsets into the page's indexed text. */
export interface PagePostings {
  page: number;
  positions: number[];
}

// 32 digits that end a number and 32 that continue it (5 bits each, high bits first).
const FINAL = '0123456789abcdefghijklmnopqrstuv';
const MORE = 'wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
const VALUE: Record<string, number> = {};
for (let i = 0; i < 32; i++) {
  VALUE[FINAL[i]] = i;
  VALUE[MORE[i]] = i + 32;
}

function writeNumber(n: number, out: string[]): void {
  const digits: number[] = [];
  do {
    digits.push(n & 31);
    n = Math.floor(n / 32);
  } while (n > 0);
  for (let i = digits.length - 1; i > 0; i--) out.push(MORE[digits[i]]);
  out.push(FINAL[digits[0]]);
}

/** Encodes postings (pages ascending, positions ascending within a page). */
export function encodePostings(list: PagePostings[]): string {
  const out: string[] = [];
  let lastPage = 0;
  for (const { page, positions } of list) {
    writeNumber(page - lastPage, out);
    lastPage = page;
    writeNumber(positions.length, out);
    let last = 0;
    for (const p of positions) {
      writeNumber(p - last, out);
      last = p;
    }
  }
  return out.join('');
}

/** Decodes what {@link encodePostings} wrote; throws on a corrupt string rather than guessing. */
export function decodePostings(encoded: string): PagePostings[] {
  const numbers: number[] = [];
  let n = 0;
  for (let i = 0; i < encoded.length; i++) {
    const v = VALUE[encoded[i]];
    if (v === undefined) throw new Error(`search index: bad character "${encoded[i]}" in postings at ${i}`);
    n = n * 32 + (v & 31);
    if (v < 32) {
      numbers.push(n);
      n = 0;
    }
  }
  const list: PagePostings[] = [];
  let page = 0;
  for (let i = 0; i < numbers.length; ) {
    page += numbers[i++];
    const count = numbers[i++];
    if (count === undefined || i + count > numbers.length) throw new Error('search index: truncated postings');
    const positions: number[] = new Array(count);
    let pos = 0;
    for (let k = 0; k < count; k++) positions[k] = pos += numbers[i++];
    list.push({ page, positions });
  }
  return list;
}
