/**
 * 发文字号 (GB/T 9704: 发文机关代字 + 〔年份〕 + 发文顺序号 + 号) in the forms copies
 * print it: 鲁政办字〔2025〕6号, 某政办字[2025]6号, 沪发改规范（2019）7号, with or
 * without 第 before the number, alone or in brackets on its own line
 * （教师函〔2021〕13号）; and the number of an order (令), 第19号 or （第19号）.
 * Values are kept as printed, only whitespace and the enclosing brackets removed.
 */
import { DOC_NUMBER_RULES } from './rules/heads.ts';

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
