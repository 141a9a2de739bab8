/** The search page's Chinese wording, in one place. */
import { formatDate } from '../format.ts';

/** "找到 12 个结果" with the count before filters when they hide some. */
export function countText(shown: number, matched: number): string {
  const base = `找到 ${shown.toLocaleString('zh-CN')} 个结果`;
  return matched > shown ? `${base}（筛选前 ${matched.toLocaleString('zh-CN')} 个）` : base;
}

/** The message when nothing matches. */
export function noResultsText(query: string, filtered: boolean): string {
  const q = query.trim();
  const what = q ? `没有找到包含“${q}”的页面` : '没有符合条件的页面';
  return filtered ? `${what}。可以清除部分筛选条件再试。` : `${what}。请检查用字，或换一个更短的词（如“链长”代替“链长制度”）。`;
}

/** "共 3 处" for the matches in one page. */
export function matchCountText(count: number): string {
  return `共 ${count} 处`;
}

/** "见于 4 份文件" under a concept card. */
export function conceptUseText(documents: number): string {
  return `见于 ${documents.toLocaleString('zh-CN')} 份文件`;
}

/** "另有 4 个条款包含检索词" under the sections shown. */
export function moreSectionsText(count: number): string {
  return `另有 ${count} 个条款包含检索词`;
}

/** A page's sort date for display: "2024年7月30日", or '' when it has none. */
export function dateText(iso: string | undefined): string {
  return iso ? formatDate(iso) : '';
}

/**
 * A heading without the marker its label already shows: label "三、（一）",
 * heading "（一）提升产业创新能力" → "提升产业创新能力". A heading that is the
 * label itself gives ''.
 */
export function headingTitle(label: string, heading: string): string {
  for (let i = 0; i < label.length; i++) {
    const suffix = label.slice(i);
    if (heading.startsWith(suffix)) return heading.slice(suffix.length).trim();
  }
  return heading;
}

/** Issuers for a result line: two names, then "等7个单位" for a long joint list. */
export function issuerText(issuers: string[]): string {
  if (issuers.length <= 2) return issuers.join('、');
  return `${issuers.slice(0, 2).join('、')}等${issuers.length}个单位`;
}
