/**
 * Character folding for matching terms and titles: variant forms compare
 * equal, so 首台（套）= 首台(套), ５Ｇ = 5G, 5G 基站 = 5G基站, “ = ", — = -.
 * Works on UTF-16 code units so the matcher can scan without allocating.
 */

/** Code returned for characters that are ignored when comparing (spaces). */
export const IGNORED = -1;

/**
 * Folds one UTF-16 code unit: full-width ASCII → ASCII, ASCII letters → lower
 * case, dashes → "-", quotation marks → '"', 〔【 → "[", 〕】 → "]", spaces → IGNORED.
 */
export function foldCode(code: number): number {
  if (code >= 0x4e00 && code <= 0x9fff) return code; // CJK ideographs: the common case, unchanged
  if (code < 128) {
    if (code === 32 || code === 9 || code === 10 || code === 13) return IGNORED;
    return code >= 65 && code <= 90 ? code + 32 : code;
  }
  if (code === 0x3000 || code === 0xa0) return IGNORED;
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = code - 0xfee0;
    return ascii >= 65 && ascii <= 90 ? ascii + 32 : ascii;
  }
  switch (code) {
    case 0x2013: // –
    case 0x2014: // —
    case 0x2015: // ―
      return 45;
    case 0x201c: // “
    case 0x201d: // ”
    case 0x300c: // 「
    case 0x300d: // 」
      return 34;
    case 0x3010: // 【
    case 0x3014: // 〔
      return 91;
    case 0x3011: // 】
    case 0x3015: // 〕
      return 93;
    default:
      return code;
  }
}

/** True for a folded ASCII letter or digit (terms made of these match only at word boundaries). */
export function isWordCode(folded: number): boolean {
  return (folded >= 48 && folded <= 57) || (folded >= 97 && folded <= 122);
}

/** Folds one character ('' when it is ignored). */
export function foldChar(ch: string): string {
  const code = foldCode(ch.charCodeAt(0));
  return code === IGNORED ? '' : ch.length > 1 ? ch : String.fromCharCode(code);
}

/** A term's comparison key: every code unit folded, ignored ones dropped. */
export function foldTerm(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; i += 1) {
    const code = foldCode(term.charCodeAt(i));
    if (code !== IGNORED) out += String.fromCharCode(code);
  }
  return out;
}
