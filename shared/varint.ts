/**
 * Whole numbers as short strings: base-32 digits, high digits first, where
 * the last digit of a number comes from one alphabet and the others from a
 * second, so numbers need no separator. Only URL-safe characters, so index
 * files are plain JSON strings without escapes; a number below 32 is one character.
 * Used by the search index's postings and page table (shared/search/postings.ts, page-table.ts) and by the
 * compare payloads' n-gram frequencies (shared/compare/client-data.ts).
 */

/** The 32 digits that end a number. */
export const FINAL_DIGITS = '0123456789abcdefghijklmnopqrstuv';
/** The 32 digits that continue a number. */
export const MORE_DIGITS = 'wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';

/** Digit value by character code: 0–31 end a number, 32–63 continue it, -1 is not a digit. */
export const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 32; i++) {
  DIGIT_VALUE[FINAL_DIGITS.charCodeAt(i)] = i;
  DIGIT_VALUE[MORE_DIGITS.charCodeAt(i)] = i + 32;
}

/** Appends the digits of `n` (a whole number ≥ 0) to `out`. */
export function writeNumber(n: number, out: string[]): void {
  const digits: number[] = [];
  do {
    digits.push(n % 32);
    n = Math.floor(n / 32);
  } while (n > 0);
  for (let i = digits.length - 1; i > 0; i--) out.push(MORE_DIGITS[digits[i]]);
  out.push(FINAL_DIGITS[digits[0]]);
}

/** Encodes a list of whole numbers. */
export function encodeNumbers(numbers: readonly number[]): string {
  const out: string[] = [];
  for (const n of numbers) writeNumber(n, out);
  return out.join('');
}

/** Decodes what {@link encodeNumbers} wrote; throws on a character that is not a digit or a number cut short. */
export function decodeNumbers(encoded: string, what = 'numbers'): number[] {
  const numbers: number[] = [];
  let n = 0;
  let open = false;
  for (let i = 0; i < encoded.length; i++) {
    const code = encoded.charCodeAt(i);
    const v = code < 128 ? DIGIT_VALUE[code] : -1;
    if (v < 0) throw new Error(`bad character "${encoded[i]}" in ${what} at ${i}`);
    n = n * 32 + (v & 31);
    open = v >= 32;
    if (!open) {
      numbers.push(n);
      n = 0;
    }
  }
  if (open) throw new Error(`truncated ${what}`);
  return numbers;
}
