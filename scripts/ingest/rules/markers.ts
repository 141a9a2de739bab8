/**
 * Rules for the numbered-provision markers that open a line (第X章, 一、, （一）, 1., （1）, ⑴, ①, 专栏),
 * each under a purpose name (the habit of marked's rules file).
 */

/** Chinese numerals used in section markers: 一 … 九十九. */
export const CN_NUM = '[一二三四五六七八九十百零〇两]+';

/** Whitespace that may follow a 第X条 marker: ASCII, no-break, en/em and ideographic spaces. */
const GAP = '[\\s\\u00a0\\u2000-\\u200a\\u3000]*';

/**
 * Opening markers of numbered provisions, tried at the start of a logical line.
 * The 第X章/第X节/第X条 markers of rules and measures (办法, 细则, 条例) include the
 * space printed after them, so marker + title + rest still gives the line back.
 */
export const MARKERS = {
  /** 第一章 (Akoma Ntoso chapter) */
  chapter: new RegExp(`^第(${CN_NUM}|\\d{1,3})章${GAP}`),
  /** 第一节, inside a chapter (Akoma Ntoso section) */
  section: new RegExp(`^第(${CN_NUM}|\\d{1,3})节${GAP}`),
  /** 第一条 (Akoma Ntoso article) */
  article: new RegExp(`^第(${CN_NUM}|\\d{1,3})条${GAP}`),
  /** 一、 (also 一. 一．) */
  sec: new RegExp(`^(${CN_NUM})[、.．]`),
  /** （一） or (一), full- or half-width, optionally mixed (一） */
  subsec: new RegExp(`^[（(](${CN_NUM})[）)]`),
  /** 1. 1、 1． 1﹒ — but not 1.5 (a decimal) */
  item: /^(\d{1,3})(?:[、．﹒]|\.(?!\d))/,
  /** （1） or (1) */
  point: /^[（(](\d{1,3})[）)]/,
  /** ⑴ … ⒇, the parenthesised digits as one character: the same level as (1) */
  pointSign: /^([\u2474-\u2487])/,
  /** ① … ⑳, circled digits: the level below (1) */
  clause: /^([\u2460-\u2473])/,
  /** 专栏1 / 专栏一 / 专栏 1 */
  box: new RegExp(`^专栏\\s*(\\d+|${CN_NUM})`),
} as const;

/** The first character of any line a MARKERS rule (or 第X部分, ——) can match: a cheap test before them all. */
export const MARKER_START = /^[第一二三四五六七八九十百零〇两（(\d⑴-⒇①-⑳专—–-]/;

/**
 * A table-of-contents entry: a heading, leader dots and maybe a page number
 * ("一、现状与形势……1", "附录1：方案实施流程图......- 7 -"). It names a heading
 * that comes later; it is neither that heading nor an attachment.
 */
export const TOC_ENTRY = /(?:[.．·…]{4,}|…{2,}|[.．·]{2,}…)[\s.．·…]*(?:[-—–－]?\s*\d{1,4}\s*[-—–－]?)?$/;

/** Converts a Chinese numeral (一 … 九十九, 一百…) to an integer; NaN when it is not one. */
export function chineseToInt(text: string): number {
  const code = text.length === 1 ? text.charCodeAt(0) : 0;
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1; // ① …
  if (code >= 0x2474 && code <= 0x2487) return code - 0x2474 + 1; // ⑴ …
  const digits: Record<string, number> = {
    零: 0,
    〇: 0,
    一: 1,
    二: 2,
    两: 2,
    三: 3,
    四: 4,
    五: 5,
    六: 6,
    七: 7,
    八: 8,
    九: 9,
  };
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in digits) current = digits[ch];
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return Number.NaN;
  }
  return total + current;
}
