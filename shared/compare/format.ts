/**
 * Plain-text formatting of targets and units shared by the document pages,
 * the compare views and the department pages. Kept free of Node and site
 * imports so the compare page's client can bundle it.
 */
import type { Evidence, Target, Unit } from '../../scripts/ingest/model.ts';

/** Reads a comparator the way a Chinese reader writes it. */
export function comparatorText(c: Target['comparator']): string {
  return { eq: '', gte: '≥', gt: '>', lte: '≤', lt: '<', approx: '约' }[c];
}

/** The value as read, a range with its bounds: "≥300家", "3–5个", "约17%". */
export function targetValue(t: Target): string {
  const number = t.upper === undefined ? `${t.value}` : `${t.value}–${t.upper}`;
  return `${comparatorText(t.comparator)}${number}${t.unit}`;
}

/** When the target is due: "到2027年", "每年", "到2027年每年", "到2026年累计", or '' when the text states none. */
export function targetWhen(t: Target): string {
  const by = t.year === undefined ? '' : `到${t.year}年`;
  if (t.period === 'yearly') return `${by}每年`;
  if (t.period === 'cumulative') return `${by}累计`;
  return by;
}

/** A target as "≥350亿元（到2026年）". */
export function targetText(t: Target): string {
  const when = targetWhen(t);
  return `${targetValue(t)}${when ? `（${when}）` : ''}`;
}

/** The longest evidence quoted in a tooltip; the open data keeps it whole. */
const QUOTE_LIMIT = 80;

/** Evidence as "第57行「…」", long sentences cut with an ellipsis; "第57行" alone without `quote`. */
export function evidenceText(e: Evidence, quote = true): string {
  const where = e.line > 0 ? `第${e.line}行` : '';
  if (!quote) return where;
  const text = e.text.length > QUOTE_LIMIT ? `${e.text.slice(0, QUOTE_LIMIT)}…` : e.text;
  return `${where}「${text}」`;
}

/**
 * A target's tooltip: what, how much, when, where an inherited year is written,
 * and (with `sentence`, in lists away from the text) the sentence it was read
 * from. A mark in the text is that sentence's own words, so it leaves the
 * sentence out, which keeps pages light (each byte is on every page).
 */
export function targetTitle(t: Target, sentence = true): string {
  const lines = [`${t.indicator || '（见表头）'} ${targetText(t)}`];
  if (t.yearFrom === 'inherited') lines.push(`年份承上文：${t.yearEvidence ? evidenceText(t.yearEvidence) : '文件期限'}`);
  if (sentence) lines.push(`原文：${evidenceText(t.evidence)}`);
  return lines.join('\n');
}

/** 牵头 / 配合 / '' (a responsible unit whose role the text does not state). */
export function roleText(role: Unit['role']): string {
  return role === 'lead' ? '牵头' : role === 'support' ? '配合' : '';
}

/** Lead units first, then responsible, then supporting; the order of the text within each. */
export function byRole<T extends Pick<Unit, 'role'>>(units: readonly T[]): T[] {
  const rank = { lead: 0, responsible: 1, support: 2 } as const;
  return [...units].sort((a, b) => rank[a.role] - rank[b.role]);
}

/**
 * A unit chip's tooltip: role, and where the unit was read. A clause elsewhere
 * (written once for later tasks, or deciding the role) is quoted with its line;
 * the task's own clause is the text just above the chips, so only its line is
 * named, which keeps pages light (the open data quotes every clause in full).
 */
export function unitTitle(u: Unit): string {
  const role = roleText(u.role);
  const lines: string[] = [];
  if (role) lines.push(`${role}单位${u.roleEvidence ? `（依据${evidenceText(u.roleEvidence)}）` : ''}`);
  lines.push(u.evidence.scope === 'document' ? `前文统一规定：${evidenceText(u.evidence)}` : `见本条原文${evidenceText(u.evidence, false)}`);
  return lines.join('\n');
}
