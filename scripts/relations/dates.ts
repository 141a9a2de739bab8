/**
 * Dates and durations as policy documents write them: 2019年8月20日,
 * 2025年8月 (a month), 2026年 (a year), 有效期五年 / 3年. Days are ISO strings
 * (YYYY-MM-DD) computed in UTC, so a build gives the same dates in every time zone.
 */

/** A date as written, to the precision written. */
export interface WrittenDate {
  year: number;
  month?: number;
  day?: number;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A small number in Arabic or Chinese numerals (3, ３, 三, 十, 十二, 二十五); null when it is not one. */
export function readNumber(text: string): number | null {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  if (!m[2]) return m[3] ? null : (DIGITS[m[1]!] ?? null);
  return (m[1] ? DIGITS[m[1]] : 1) * 10 + (m[3] ? DIGITS[m[3]] : 0);
}

/** A written date pattern: 2019年8月20日, 2025年8月 or 2026年 (half- or full-width digits, spaces allowed). */
export const WRITTEN_DATE = /(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/;

/** Reads 2019年8月20日 / 2025年8月 / 2026年 at the start of `text`; null when there is none or it is not a real date. */
export function readDate(text: string): WrittenDate | null {
  const m = new RegExp(`^${WRITTEN_DATE.source}`).exec(text);
  if (!m) return null;
  const date: WrittenDate = { year: Number(m[1]) };
  if (m[2]) date.month = Number(m[2]);
  if (m[3]) date.day = Number(m[3]);
  if (date.month !== undefined && (date.month < 1 || date.month > 12)) return null;
  if (date.day !== undefined && (date.day < 1 || date.day > daysIn(date.year, date.month!))) return null;
  return date;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first day a written date covers: 2025年8月 → 2025-08-01. */
export function firstDay(date: WrittenDate): string {
  return iso(date.year, date.month ?? 1, date.day ?? 1);
}

/** The last day a written date covers: 2025年8月 → 2025-08-31, 2026年 → 2026-12-31. */
export function lastDay(date: WrittenDate): string {
  const month = date.month ?? 12;
  return iso(date.year, month, date.day ?? daysIn(date.year, month));
}

/** The last day of a period of `years` starting on `start` (ISO): 2025-01-01 + 3 years → 2027-12-31. */
export function endAfterYears(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const end = new Date(Date.UTC(y + years, m - 1, d) - 86_400_000);
  return iso(end.getUTCFullYear(), end.getUTCMonth() + 1, end.getUTCDate());
}

/** The day before an ISO date. */
export function dayBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const before = new Date(Date.UTC(y, m - 1, d) - 86_400_000);
  return iso(before.getUTCFullYear(), before.getUTCMonth() + 1, before.getUTCDate());
}

/** The calendar years a span touches; an open end runs to `lastYear`. */
export function yearsOf(from: string, to: string | null, lastYear: number): number[] {
  const first = Number(from.slice(0, 4));
  const last = to ? Number(to.slice(0, 4)) : Math.max(first, lastYear);
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}
