/**
 * When a document is in force, read from its own words: a period in its title
 * (（2024—2026年）, “十四五”), and the sentences that say when it takes effect and
 * for how long (本办法自2019年8月20日起施行; 自印发之日起施行，有效期至2025年12月31日;
 * 本措施自2025年1月1日起施行，有效期3年; 本办法有效期五年，自发布之日起施行).
 *
 * A sentence counts only when it speaks of the document itself: its clause
 * starts with the date words, or with 本办法/本措施/本细则…, or with a 第…条
 * number; "临时行驶车号牌有效期…" or "《某条例》自…起施行" do not.
 */
import type { PolicyDocument } from '../ingest/model.ts';
import { textUnits, type TextUnit } from '../concepts/text-units.ts';
import { endAfterYears, firstDay, lastDay, readDate, readNumber, type WrittenDate } from './dates.ts';
import type { Evidence, Validity } from './model.ts';
import { evidenceAt, titleEvidence } from './sentences.ts';

const DATE = String.raw`\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?`;
/** 自2019年8月20日起施行 / 于2022年4月15日起施行 / 自印发之日起实施 / 自2023年2月22日施行. */
const TAKES_EFFECT = new RegExp(
  String.raw`(?:自|从|于)\s*(?:(${DATE})|(印发|发布|公布|发文|下发|颁布|签发)(?:之日)?)\s*(?:起|以后)?\s*(?:施行|实施|执行|生效|试行)`,
  'g',
);
/** 有效期至2025年12月31日 / 有效期到2025年8月 / 执行至2026年12月31日止. */
const ENDS_ON = new RegExp(
  String.raw`(?:(?:有效期|执行期|实施期|试行期)限?(?:为|是)?\s*(?:至|到|截至|截止(?:到|至)?)|(?:执行|实施|施行|试行)(?:期限)?(?:至|到))\s*(${DATE}|\d{4}\s*年(?:底|末)?)`,
  'g',
);
/** 有效期3年 / 有效期五年 / 有效期为两年. */
const LASTS = /(?:有效期|执行期|实施期|试行期)限?(?:为|是)?\s*([\d０-９一二两三四五六七八九十]+)\s*年/g;
/** 有效期为2024年1月1日至2026年12月31日. */
const SPAN = new RegExp(
  String.raw`(?:有效期|执行期|实施期|试行期)限?(?:为|是|自|从)?\s*(${DATE})\s*(?:起)?\s*(?:至|到|—|－|-|~|～)\s*(${DATE}|\d{4}\s*年(?:底|末)?)`,
  'g',
);

/** What may stand before the words in their clause: nothing, 第…条, 本办法/本政策措施/本实施细则, 现予公布. */
const OWN_SUBJECT = /^(?:第[一二三四五六七八九十百零〇\d]+条)?(?:本[\u4e00-\u9fff]{1,8}?)?(?:现予(?:公布|印发|发布))?(?:已经?[^，。；]*通过)?$/;
const CLAUSE_START = /[，。；：！？,;:!?]/;

/** A period in a title: （2024—2026年）, (2023-2025 年), （2021—2023）. */
const TITLE_SPAN = /[（(]\s*(\d{4})\s*年?\s*[-—–－~～至]+\s*(\d{4})\s*年?\s*[）)]/;
/** A plan for one year: 东丽区2024年招商引资提质攻坚行动方案. */
const TITLE_YEAR = /(?<![\d—–-])(\d{4})\s*年(?![\d—–-]|\s*\d)(?=.*(?:计划|方案|要点|安排|任务))/;
/** A five-year plan period: “十四五” is 2021—2025 (from the sixth, 1981—1985, every five years). */
const FIVE_YEAR_PLAN = /[“"]?(十[一二三四五六七八九]|[六七八九])五[”"]?(?:时期|期间|规划)?/;

/** Reads when `doc` is in force; null when neither its title nor its text says. */
export function readValidity(doc: PolicyDocument): Validity | null {
  const title = titlePeriod(doc);
  const stated = statedValidity(doc, textUnits(doc));
  if (!title && !stated) return null;
  const from = stated?.from !== undefined ? stated.from : (title?.from ?? null);
  const to = stated?.to !== undefined ? stated.to : (title?.to ?? null);
  return {
    from,
    to,
    text: [title?.text, stated?.text].filter(Boolean).join('；'),
    evidence: [...(title ? [title.evidence] : []), ...(stated?.evidence ?? [])],
  };
}

/** The period a title names, as the years it covers. */
export function titlePeriod(doc: PolicyDocument): { from: string; to: string; text: string; evidence: Evidence } | null {
  const title = doc.meta.title.value;
  const texts = [title, ...doc.subtitle, doc.meta.period.value ?? ''];
  const line = doc.sources[0]?.lineStart ?? 1;
  for (const text of texts) {
    const span = TITLE_SPAN.exec(text);
    if (span && Number(span[1]) <= Number(span[2])) {
      const mark: [number, number] = [span.index, span.index + span[0].length];
      return { from: `${span[1]}-01-01`, to: `${span[2]}-12-31`, text: `${span[1]}—${span[2]}年`, evidence: titleEvidence(doc.id, text, line, mark) };
    }
  }
  const year = TITLE_YEAR.exec(title);
  if (year) {
    return {
      from: `${year[1]}-01-01`,
      to: `${year[1]}-12-31`,
      text: `${year[1]}年`,
      evidence: titleEvidence(doc.id, title, line, [year.index, year.index + year[0].length]),
    };
  }
  const plan = FIVE_YEAR_PLAN.exec(title);
  if (plan) {
    const n = readNumber(plan[1]);
    if (n !== null && n >= 6) {
      const start = 1981 + 5 * (n - 6);
      return {
        from: `${start}-01-01`,
        to: `${start + 4}-12-31`,
        text: `${start}—${start + 4}年`,
        evidence: titleEvidence(doc.id, title, line, [plan.index, plan.index + plan[0].length]),
      };
    }
  }
  return null;
}

interface Stated {
  from?: string | null;
  to?: string | null;
  text: string;
  evidence: Evidence[];
}

/** The first sentences of the text that say when the document takes effect and ends. */
export function statedValidity(doc: PolicyDocument, units: readonly TextUnit[]): Stated | null {
  let start: { from: string | null; words: string; unit: TextUnit; at: [number, number] } | undefined;
  let end: { to: string; years?: number; words: string; unit: TextUnit; at: [number, number] } | undefined;
  let span: { from: string; to: string; words: string; unit: TextUnit; at: [number, number] } | undefined;
  for (const unit of units) {
    if (unit.part === 'heading' && unit.isTask) continue;
    const text = unit.text;
    if (!/施行|实施|执行|生效|有效期|试行/.test(text)) continue;
    if (!span) {
      for (const m of text.matchAll(SPAN)) {
        if (!ownClause(text, m.index)) continue;
        const a = readDate(compact(m[1]));
        const b = readEnd(m[2]);
        if (a && b) span = { from: firstDay(a), to: b, words: m[0], unit, at: [m.index, m.index + m[0].length] };
        if (span) break;
      }
    }
    if (!start) {
      for (const m of text.matchAll(TAKES_EFFECT)) {
        if (!ownClause(text, m.index)) continue;
        const date = m[1] ? readDate(compact(m[1])) : null;
        if (m[1] && !date) continue;
        start = { from: date ? firstDay(date) : doc.meta.date.value, words: m[0], unit, at: [m.index, m.index + m[0].length] };
        break;
      }
    }
    if (!end) {
      for (const m of text.matchAll(ENDS_ON)) {
        if (!ownClause(text, m.index)) continue;
        const to = readEnd(m[1]);
        if (to) end = { to, words: m[0], unit, at: [m.index, m.index + m[0].length] };
        if (end) break;
      }
    }
    if (!end) {
      for (const m of text.matchAll(LASTS)) {
        if (!ownClause(text, m.index)) continue;
        const years = readNumber(m[1]);
        if (years && years <= 50) end = { to: '', years, words: m[0], unit, at: [m.index, m.index + m[0].length] };
        if (end) break;
      }
    }
  }
  if (!start && !end && !span) return null;
  const found = [span, start, end].filter((x) => x !== undefined);
  const evidence: Evidence[] = [];
  for (const f of found) {
    const ev = evidenceAt(f.unit, f.at[0], f.at[1]);
    // 自印发之日起施行，有效期至…: one sentence, two marks.
    const same = evidence.find((e) => e.anchor === ev.anchor && e.line === ev.line && e.sentence === ev.sentence);
    if (same) same.marks = [...same.marks, ...ev.marks].sort((x, y) => x[0] - y[0]);
    else evidence.push(ev);
  }
  const from = span?.from ?? start?.from;
  let to: string | null | undefined = span?.to ?? (end?.years !== undefined ? (from ? endAfterYears(from, end.years) : null) : end?.to);
  if (to === undefined && start) to = null;
  return { from: from === undefined ? undefined : from, to, text: found.map((f) => f.words.replace(/\s+/g, '')).join('，'), evidence };
}

/** True when the words at `at` open their clause, or follow only 第…条 / 本办法 / 现予公布. */
function ownClause(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && !CLAUSE_START.test(text[start - 1])) start -= 1;
  return OWN_SUBJECT.test(compact(text.slice(start, at)));
}

/** An end date: 2025年12月31日, 2025年8月 (its last day), 2025年底 (the year's last day). */
function readEnd(words: string): string | null {
  const text = compact(words).replace(/[底末]$/, '');
  const date: WrittenDate | null = readDate(text);
  return date ? lastDay(date) : null;
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
