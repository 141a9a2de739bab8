/**
 * Rules for reading a line of text: how sentences end, what counts as Chinese, what extraction leaves
 * behind. Each regular expression under a purpose name (the habit of marked's rules file).
 */
import { COMPATIBILITY, CJK_PUNCTUATION, EXTENSION_A, FULL_WIDTH, HAN_CHAR, UNIFIED } from '../../../shared/document/cjk.ts';

/** Sentence-ending punctuation: a line ending in one of these is not hard-wrapped. */
export const SENTENCE_END = /[。！？；：:;!?”」』）)]$/;

/** Private-use code points that PDF extraction leaves for unknown glyphs. */
export const PRIVATE_USE = /[\ue000-\uf8ff]/u;

// Cleaning a physical line (normalise/clean-line.ts)

/**
 * A numbered heading glued after the end of the previous sentence by PDF extraction
 * ("…机器人。 三、推进平台提质升级"): the space and the marker show the line break that was lost.
 */
export const GLUED_HEADING = /[。！？；]([ \u3000\u00a0]+)(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])\S)/;
/**
 * A pinyin gloss inserted after a character by annotation tools ("工業(yè)"): a bracketed
 * syllable with a tone mark, right after an ideograph. Not part of the document's text.
 */
export const PINYIN_GLOSS = new RegExp(`(?<=[${EXTENSION_A}${UNIFIED}])[（(][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}[）)]`, 'g');
/** A sentence end followed by a space: where a heading may have been glued. */
export const GLUE = /[。！？；][ \u3000\u00a0]/;
/** A bracket opening a toned syllable: only a line holding one can hold a pinyin gloss (a cheap test first; measured 6% of normalise otherwise). */
export const GLOSS_START = /[（(][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;
/** Page numbers as PDF extraction leaves them: "- 19 -", "— 3 —", "-3-", "第 3 页", "第3页 共12页". */
export const PAGE_NUMBER = /^(?:[-—–－―~～]\s*\d{1,4}\s*[-—–－―~～]|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?)$/;
/** A bare number on its own line: a page number only when it interrupts a wrapped sentence. */
export const LONE_NUMBER = /^\d{1,3}$/;
/** C0/C1 control characters except tab (tables are flattened into tabs). */
export const CONTROL_CHAR = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** C0/C1 control characters except tab, all of them (to list and remove them). */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Private-use code points (PDF glyphs without a Unicode mapping). */
export const PRIVATE_USE_CHARS = /[\ue000-\uf8ff]/g;
/** A CJK ideograph or CJK/full-width punctuation (not the ideographic space). */
const CJK_SIDE = `[${CJK_PUNCTUATION}${EXTENSION_A}${UNIFIED}${COMPATIBILITY}${FULL_WIDTH}]`;
/** A half-width digit, Latin letter or unit sign. */
const ALNUM_SIDE = '[0-9A-Za-z%‰℃]';
/** One space that extraction put between Chinese and digits/Latin ("2026 年", "5G 基站"); wider gaps are layout and stay. */
export const CJK_DIGIT_SPACE = new RegExp(`(?<=${CJK_SIDE})[ \\u00a0](?=${ALNUM_SIDE})|(?<=${ALNUM_SIDE})[ \\u00a0](?=${CJK_SIDE})`, 'g');
/** A CJK ideograph (for letterhead detection). */
export const IDEOGRAPH = HAN_CHAR;
