/**
 * Rules for reading a line of text: how sentences end, what counts as Chinese, what extraction leaves
 * behind. Each regular expression under a purpose name (the habit of marked's rules file).
 */

/** Chinese characters (CJK unified ideographs, extension A, compatibility). */
export const CJK = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]';

/** Sentence-ending punctuation: a line ending in one of these is not hard-wrapped. */
export const SENTENCE_END = /[。！？；：:;!?”」』）)]$/;

/** Private-use code points that PDF extraction leaves for unknown glyphs. */
export const PRIVATE_USE = /[\ue000-\uf8ff]/u;
