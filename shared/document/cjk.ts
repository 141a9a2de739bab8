/**
 * Chinese characters, in one place: the Unicode ranges the rules use to tell Chinese text from
 * other text, as pieces of a regular expression's character class, so each rule says which
 * ranges it means by name. Only the Basic Multilingual Plane: a character of extension B or
 * later is a surrogate pair, which no rule here needs to tell apart.
 */

/** CJK unified ideographs, U+4E00–U+9FFF: nearly every character of a document. */
export const UNIFIED = '\\u4e00-\\u9fff';
/** CJK unified ideographs extension A, U+3400–U+4DBF: rare characters (place and personal names). */
export const EXTENSION_A = '\\u3400-\\u4dbf';
/** CJK compatibility ideographs, U+F900–U+FAFF: duplicates some PDF fonts map glyphs to. */
export const COMPATIBILITY = '\\uf900-\\ufaff';
/** CJK symbols and punctuation, U+3001–U+303F (、。〈〉《》「」【】…; the ideographic space U+3000 left out). */
export const CJK_PUNCTUATION = '\\u3001-\\u303f';
/** Full-width forms, U+FF01–U+FFEF (，：；（）０-９Ａ-Ｚ…). */
export const FULL_WIDTH = '\\uff01-\\uffef';

/** One Chinese character (unified, extension A or compatibility), as regular expression source. */
export const HAN = `[${EXTENSION_A}${UNIFIED}${COMPATIBILITY}]`;

/** Tests for a Chinese character anywhere in a text. */
export const HAN_CHAR = new RegExp(HAN);

const HAN_ALL = new RegExp(HAN, 'g');

/** The number of Chinese characters in a text. */
export function countHan(text: string): number {
  return text.match(HAN_ALL)?.length ?? 0;
}
