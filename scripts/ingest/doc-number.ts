/**
 * 发文字号 (GB/T 9704: 发文机关代字 + 〔年份〕 + 发文顺序号 + 号) in the forms copies
 * print it: 鲁政办字〔2025〕6号, 某政办字[2025]6号, 沪发改规范（2019）7号, with or
 * without 第 before the number, alone or in brackets on its own line
 * （教师函〔2021〕13号）; and the number of an order (令), 第19号 or （第19号）.
 * Values are kept as printed, only whitespace and the enclosing brackets removed.
 */
import { CN_NUM } from './rules/markers.ts';

/** 文号 forms, each under its purpose name. */
export const DOC_NUMBER_RULES = {
  /** Agency code, year in 〔〕 [] ［］ （） (), sequence number, 号; or agency code 字第 number 号 (府法综字第1120001234号). */
  number: /^\S{1,24}?\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*第?\s*\d{1,5}\s*号$|^[\u4e00-\u9fff]{1,12}字\s*第\s*\d{1,12}\s*号$/,
  /** The same anywhere in a line (a 文号 quoted in a sentence or a page heading). */
  inText: /[\u4e00-\u9fffA-Za-z]{1,16}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*第?\s*\d{1,5}\s*号/,
  /** An order's number: 第19号, （第19号）, 第二十号. */
  order: new RegExp(`^[（(]?\\s*第\\s*(?:\\d{1,5}|${CN_NUM})\\s*号\\s*[）)]?$`),
  /** A line wrapped in brackets: （教师函〔2021〕13号）. */
  bracketed: /^[（(](.+)[）)]$/,
} as const;

/** The 文号 a line consists of (brackets around it removed, whitespace closed up), or undefined. */
export function readDocNumber(text: string): string | undefined {
  // Cheap first: split.ts asks this of every line (measured: 2% of the ingest with the regular expressions).
  if (text.length > 60 || !text.includes('号')) return undefined;
  const compact = text.replace(/\s+/g, '');
  if (DOC_NUMBER_RULES.number.test(compact) && balanced(compact)) return compact;
  const inner = DOC_NUMBER_RULES.bracketed.exec(compact)?.[1];
  if (inner !== undefined && DOC_NUMBER_RULES.number.test(inner) && balanced(inner)) return inner;
  return undefined;
}

/** The number of an order printed on its own line (第19号, （第19号）), without brackets; or undefined. */
export function readOrderNumber(text: string): string | undefined {
  if (text.length > 30 || !text.includes('号')) return undefined;
  const compact = text.replace(/\s+/g, '');
  if (!DOC_NUMBER_RULES.order.test(compact)) return undefined;
  return compact.replace(/^[（(]|[）)]$/g, '');
}

/** True for a line that is a 文号 or an order number. */
export function isDocNumberLine(text: string): boolean {
  return readDocNumber(text) !== undefined || readOrderNumber(text) !== undefined;
}

/** "(2021)" inside "沪发改（2021）7号" is the year, not an enclosing bracket: counts must match. */
function balanced(text: string): boolean {
  const opens = (text.match(/[（(]/g) ?? []).length;
  const closes = (text.match(/[）)]/g) ?? []).length;
  return opens === closes;
}
