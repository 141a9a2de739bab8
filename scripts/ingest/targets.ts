/**
 * Stage 5b: quantitative targets (量化目标) in the text of one provision.
 *
 * "到2026年，…规模以上工业营业收入突破350亿元" yields indicator 规模以上工业营业收入,
 * value 350, unit 亿元, comparator gte, year 2026. Everything returned is a
 * substring of the input: numbers, units and indicators are never rewritten.
 *
 * The rules, as measured on the seeds:
 * - Goal sentences only. A number counts when its sentence states a goal (到…年,
 *   力争, 目标, 突破, 达到, 新增, 培育, 建成, 每年, 累计…), or the number carries its
 *   own comparator (以上, 左右, ≥, 不少于…), or an action verb sets it (打造100个…,
 *   建设500家…). Sentences of past fact (同比, 已, 了, 截至, 去年, 位居: the news
 *   article's "经济总量达到1350.4亿元") and subsidy rules (给予, 补贴, 奖励…: "不超过
 *   500万元" caps a grant) yield nothing.
 * - Not numbers: years and dates (年/月/日 are not units), 〔2024〕29号, "1.", "（1）",
 *   第3, anything inside quotes, 《titles》 or brackets ("双30条", "4个1"), tokens
 *   such as 5G, M9, PM2.5, 1+1+3+4+10+N, and framing counts ("聚焦10个…", "…等14个").
 * - Comparator: a suffix wins (以上 gte, 以下/以内 lte, 左右 approx), then 多/余 (gt),
 *   then the verb or sign before the number (不低于/不少于/至少/≥ gte, 超过/突破/超/高于 gt,
 *   不超过/控制在/≤ lte, 低于 lt, 约/近 approx); 达到/达/为 and no verb give eq. As the
 *   Civil Code reads them (民法典 第一千二百五十九条: 以上、以下、以内 include the number,
 *   超过 does not), 以上 is ≥ and 超过 is >.
 * - Ranges "20—30家", "3-5个", "4至5件" give one target whose value is the range
 *   as written, comparator eq (gte when 以上 follows).
 * - Indicator: the noun phrase before the verb, without leading time phrases,
 *   adverbs and action verbs (到2026年累计培育…); after the last 等 of an enumeration
 *   (A、B等优质企业 → 优质企业); else the object after the number (打造100个X → X,
 *   from its last 的). It is not cut at 和, which belongs to names such as
 *   "软件和信息技术服务业". "A、B分别达到300家、50家" pairs names and values.
 * - Value: the number read as a number (full-width digits too: "１２０００" → 12000),
 *   kept as printed in `valueText`; a range gives its bounds (`value`, `upper`).
 * - Year, printed: the last 到2026年 / 2026年 / “十四五”期间 (→ 2025) earlier in the
 *   same sentence (not 比2020年, not a 2024—2026年 period). Inherited, when the sentence
 *   prints none: from an earlier sentence of the text that sets one for what follows
 *   ("到2027年，…。…占比超过60%"), else from `context.year` (a "到2025年，" paragraph
 *   above, or the document's period). A yearly target (每年, 年均) keeps only a year
 *   its own sentence prints: "每年新增…2家" is no 2025 figure.
 * - Period: yearly (每年, 年均), cumulative (累计, 三年新增…), else by-year when a
 *   year is known; the cue is looked for in the target's clause, and in the clause
 *   before when the target's clause opens with a verb ("每年新增A 2家，备案B 2家").
 * - Evidence: the sentence, with `context.line`.
 * - A text that is only a quantity ("≥56条") is a table cell: one target with an
 *   empty indicator (the row label is the caller's) and `context.year` (the column's).
 */
import type { Evidence, Target, TargetPeriod } from './model.ts';
import {
  ACTION_END,
  BARE_CELL,
  CARRIED_YEAR,
  CHANGE_TAIL,
  CUMULATIVE_CUE,
  FRAMING,
  GOAL_CUE,
  HAS_DIGIT,
  HAS_YEAR,
  LEADING,
  PAST_FACT,
  PLAN_PERIOD,
  PREDICATE_END,
  QUANTITY,
  SENTENCE_END,
  SHIELD_MARK,
  SHIELD_OPENERS,
  STARTS_WITH_ACTION,
  STARTS_WITH_VERB,
  SUBSIDY,
  TIME_LEADING,
  TRAILING,
  VERB_END,
  VERB_TAIL,
  YEAR,
  YEARLY_CUE,
} from './rules/targets.ts';

/** What the caller knows about the text: the year its context sets, and where the text starts. */
export interface TargetContext {
  /** The year the context gives: a "到2025年，" paragraph above, or the document's period. */
  year?: number;
  /** Where that year is written, shown with an inherited year. */
  yearEvidence?: Evidence;
  /** Physical line where the text starts (evidence). */
  line?: number;
}

/** Reads the quantitative targets in one provision or paragraph. */
export function extractTargets(text: string, context: TargetContext = {}): Target[] {
  // Most texts hold no digit at all, and every target needs one: skipping them halves the stage's time.
  if (!HAS_DIGIT.test(text)) return [];
  const cell = readBareCell(text, context);
  if (cell) return [cell];
  const targets: Target[] = [];
  // One mask for the whole text, filled sentence by sentence, keeps this linear.
  const mask = new Uint8Array(text.length);
  let inherited: YearContext = { year: context.year, evidence: context.yearEvidence };
  for (const sentence of sentences(text)) {
    targets.push(...readSentence(text, sentence, { ...context, inherited }, mask));
    inherited = yearSetBy(text, sentence, context.line ?? 0) ?? inherited;
  }
  return targets;
}

/**
 * The year the text sets for what follows it, from its last "到2025年，" ("到2025年，
 * 工业强市建设迈上新台阶…", "通过实施…九大行动，到2025年，创新环境进一步优化…"): a
 * reader applies it to the bullets of a 发展目标 section; undefined when there is none.
 */
export function yearCarriedBy(text: string, line: number): { year: number; evidence: Evidence } | undefined {
  if (!HAS_YEAR.test(text)) return undefined;
  let carried: { year: number; evidence: Evidence } | undefined;
  for (const sentence of sentences(text)) {
    const set = yearSetBy(text, sentence, line);
    if (set) carried = { year: set.year!, evidence: set.evidence! };
  }
  return carried;
}

/** The last year a sentence sets for the clauses after it, with the sentence as its evidence. */
function yearSetBy(text: string, sentence: Span, line: number): YearContext | undefined {
  const body = text.slice(sentence.start, sentence.end);
  const last = [...body.matchAll(CARRIED_YEAR)].at(-1);
  return last ? { year: Number(toAscii(last[1])), evidence: { text: body, line } } : undefined;
}

/** A year the context gives, with where it is written. */
interface YearContext {
  year?: number;
  evidence?: Evidence;
}

// ---------------------------------------------------------------------------
// Sentences and clauses

interface Span {
  start: number;
  end: number;
}

interface Quantity extends Span {
  value: string;
  unit: string;
  suffix: string;
  /** 多/余 between number and unit: more than. */
  more: boolean;
}

/** What every clause of a sentence needs to know about the sentence. */
interface SentenceInfo extends Span {
  shield: Uint8Array;
  goal: boolean;
}

function readSentence(text: string, sentence: Span, context: TargetContext & { inherited: YearContext }, mask: Uint8Array): Target[] {
  const body = text.slice(sentence.start, sentence.end);
  if (!/[0-9０-９]/.test(body) || PAST_FACT.test(body) || SUBSIDY.test(body)) return [];
  const info: SentenceInfo = { ...sentence, shield: shielded(text, sentence, mask), goal: GOAL_CUE.test(body) };
  const years = yearMarkers(text, sentence, info.shield);
  const evidence: Evidence = { text: body, line: context.line ?? 0 };
  const targets: Target[] = [];
  const clauses = split(text, sentence.start, sentence.end, '，,；;：:\t', info.shield);

  clauses.forEach((clause, index) => {
    if (!/[0-9０-９]/.test(text.slice(clause.start, clause.end))) return;
    const quantities = findQuantities(text, clause, info.shield);
    if (quantities.length === 0) return;
    const found = readRespectively(text, clause, quantities, info) ?? readSegments(text, clause, quantities, info);
    for (const { at, reading } of found) {
      const printed = years.filter((y) => y.at < at).at(-1)?.year;
      const period = periodOf(text, clauses, index, at, printed !== undefined || context.inherited.year !== undefined);
      targets.push(finish(reading, { printed, period, evidence, inherited: period === 'yearly' ? {} : context.inherited }));
    }
  });
  return targets;
}

/** What a clause reader found: everything of a target but its time and evidence. */
interface Reading {
  text: string;
  indicator: string;
  q: Quantity;
  quantity: string;
  comparator: Target['comparator'];
}

/** A target from a reading, its year (printed or inherited), period and evidence. */
function finish(r: Reading, t: { printed?: number; period?: TargetPeriod; evidence: Evidence; inherited: YearContext }): Target {
  const year = t.printed ?? t.inherited.year;
  const period = t.period === 'by-year' && year === undefined ? undefined : t.period;
  return {
    text: r.text,
    indicator: r.indicator,
    ...numbers(r.q.value),
    unit: r.q.unit,
    quantity: r.quantity,
    comparator: r.comparator,
    ...(year === undefined ? {} : { year, yearFrom: t.printed !== undefined ? 'printed' : 'inherited' }),
    ...(t.printed === undefined && t.inherited.year !== undefined && t.inherited.evidence ? { yearEvidence: t.inherited.evidence } : {}),
    ...(period ? { period } : {}),
    evidence: t.evidence,
  };
}

/** The value, upper bound and printed text of a number or range ("3－5", "１２０００"). */
function numbers(printed: string): Pick<Target, 'value' | 'upper' | 'valueText'> {
  const [low, high] = toAscii(printed)
    .replace(/．/g, '.')
    .split(/\s*[-—－~～至到]\s*/);
  return high === undefined ? { value: Number(low), valueText: printed } : { value: Number(low), upper: Number(high), valueText: printed };
}

/**
 * yearly or cumulative from a cue in the target's clause before the number (and in
 * the clauses before it while each opens with a verb: "力争每年新增A 2家，备案B 2家"),
 * else by-year when the target has a year.
 */
function periodOf(text: string, clauses: Span[], index: number, at: number, hasYear: boolean): TargetPeriod | undefined {
  for (let i = index; i >= 0; i--) {
    const lead = text.slice(clauses[i].start, i === index ? at : clauses[i].end);
    const yearly = lastIndexOf(lead, YEARLY_CUE);
    const cumulative = lastIndexOf(lead, CUMULATIVE_CUE);
    if (yearly >= 0 || cumulative >= 0) return yearly > cumulative ? 'yearly' : 'cumulative';
    // A clause that opens with a verb shares the time adverbs of the clause before it.
    if (!STARTS_WITH_VERB.test(text.slice(clauses[i].start, clauses[i].end).trim())) break;
  }
  return hasYear ? 'by-year' : undefined;
}

/** Index of the last match of `re` in `s`, or -1. */
function lastIndexOf(s: string, re: RegExp): number {
  let last = -1;
  for (const m of s.matchAll(new RegExp(re.source, 'g'))) last = m.index;
  return last;
}

/**
 * Sentences end at 。！？ and line breaks, and at a "." that follows a word (one
 * seed document ends its sentences with ASCII "."), not at "1." or "2.5".
 */
function sentences(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  // A native regex finds the ends: a character loop here was a tenth of the whole ingest.
  for (const m of text.matchAll(SENTENCE_END)) {
    spans.push(...split(text, from, m.index, ''));
    from = m.index + 1;
  }
  spans.push(...split(text, from, text.length, ''));
  return spans;
}

/** Splits [start, end) at separator characters outside quotes/brackets into trimmed, non-empty spans. */
function split(text: string, start: number, end: number, separators: string, shield?: Uint8Array): Span[] {
  const spans: Span[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && (!separators.includes(text[i]) || shield?.[i])) continue;
    let s = from;
    let e = i;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
    from = i + 1;
  }
  return spans;
}

/**
 * Marks characters inside quotes, titles and brackets: numbers there are names
 * ("双30条", "4个1", 《…2023-2025年》, 〔2024〕29号, "（投资额5000万元以上）").
 */
function shielded(text: string, span: Span, mask: Uint8Array): Uint8Array {
  let depth = 0;
  let asciiQuote = false;
  let from = span.start;
  // Jumps from bracket to bracket and fills the runs between them: a loop over every character was 6% of the ingest.
  const marks = new RegExp(SHIELD_MARK.source, 'g');
  marks.lastIndex = span.start;
  for (let m = marks.exec(text); m !== null && m.index < span.end; m = marks.exec(text)) {
    const i = m.index;
    if (depth > 0 || asciiQuote) mask.fill(1, from, i);
    const ch = text[i];
    if (ch === '"') {
      asciiQuote = !asciiQuote;
      mask[i] = 1;
    } else if (SHIELD_OPENERS.includes(ch)) {
      depth++;
      mask[i] = 1;
    } else if (depth > 0) {
      // The seeds mix "(" with "）", so any closer closes the innermost opener.
      depth--;
      mask[i] = 1;
    } else if (asciiQuote) mask[i] = 1;
    from = i + 1;
  }
  if (depth > 0 || asciiQuote) mask.fill(1, from, span.end);
  return mask;
}

interface YearMarker {
  at: number;
  year: number;
}

/** Target years stated in the sentence: 到2026年, 2026年底, "2024年，" — not 比2020年 or 2024—2026年. */
function yearMarkers(text: string, sentence: Span, shield: Uint8Array): YearMarker[] {
  const markers: YearMarker[] = [];
  for (const m of text.slice(sentence.start, sentence.end).matchAll(YEAR)) {
    const at = sentence.start + m.index;
    const year = Number(toAscii(m[1]));
    if (!shield[at] && year >= 1990 && year <= 2100) markers.push({ at, year });
  }
  for (const m of text.slice(sentence.start, sentence.end).matchAll(PLAN_PERIOD)) {
    // The quotes around 十四五 are shielded; the word after them is not, unless in a 《title》.
    if (!shield[sentence.start + m.index + m[0].length - 1]) markers.push({ at: sentence.start + m.index, year: 1955 + 5 * (10 + chineseDigit(m[1])) });
  }
  return markers.sort((a, b) => a.at - b.at);
}

// ---------------------------------------------------------------------------
// Quantities

/** Numbers with a unit (or after a comparator verb at the end of the clause). */
function findQuantities(text: string, clause: Span, shield: Uint8Array): Quantity[] {
  const found: Quantity[] = [];
  for (const m of text.slice(clause.start, clause.end).matchAll(QUANTITY)) {
    const start = clause.start + m.index;
    const end = start + m[0].trimEnd().length;
    if (shield[start]) continue;
    const after = text.slice(end, clause.end);
    if (/^\s*[+＋]/.test(after)) continue;
    const value = m[3] ? m[0].slice(0, m[0].indexOf(m[3], m[1].length) + m[3].length) : m[1];
    const unit = m[5] ?? '';
    // A bare number is a target only in "指数达到110": right after a comparator
    // verb and closing the clause. This keeps out 2024年, 10月, 29号, 1.优化….
    if (unit === '' && (after.trim() !== '' || !VERB_TAIL.test(text.slice(clause.start, start)))) continue;
    found.push({ start, end, value, unit, suffix: (m[6] ?? '').trim(), more: Boolean(m[4]) });
  }
  return found;
}

/** Comparator from the suffix first, then 多/余, then the verb or sign before the number. */
function comparatorOf(q: Pick<Quantity, 'suffix' | 'more'>, verb: string): Target['comparator'] {
  if (q.suffix === '以上') return 'gte';
  if (q.suffix === '以下' || q.suffix === '以内' || q.suffix === '之内') return 'lte';
  if (q.suffix === '左右' || q.suffix === '上下') return 'approx';
  if (q.more) return 'gt';
  if (/^(不低于|不少于|至少|≥|≧)$/.test(verb)) return 'gte';
  if (/^(突破|超过|超|高于|多于|＞|>)$/.test(verb)) return 'gt';
  if (/^(不超过|不高于|不多于|最多|控制在|≤|≦)$/.test(verb)) return 'lte';
  if (/^(低于|少于|＜|<)$/.test(verb)) return 'lt';
  if (/^(约|大约|近)$/.test(verb)) return 'approx';
  return 'eq';
}

/** A number stated as a goal by itself: 以上/左右/多, or a comparator verb other than 为/达. */
function isStatedGoal(q: Quantity, verb: string): boolean {
  return q.suffix !== '' || q.more || (verb !== '' && verb !== '为' && verb !== '达');
}

// ---------------------------------------------------------------------------
// Indicators

interface Found {
  /** Index of the number, for the year lookup. */
  at: number;
  reading: Reading;
}

/**
 * "A、B、C分别达到300家、50家、30家以上": pairs the listed indicators with the
 * listed values when the counts match; a 以上 on the last value applies to all.
 */
function readRespectively(text: string, clause: Span, qs: Quantity[], info: SentenceInfo): Found[] | null {
  const at = qs.length < 2 ? -1 : text.slice(clause.start, qs[0].start).indexOf('分别') + clause.start;
  if (at < clause.start) return null;
  for (let i = 1; i < qs.length; i++) {
    if (!/^\s*[、和及与]\s*$/.test(text.slice(qs[i - 1].end, qs[i].start))) return null;
  }
  const verb = VERB_TAIL.exec(text.slice(at + 2, qs[0].start))?.[1] ?? '';
  const last = qs[qs.length - 1];
  if (!info.goal && !isStatedGoal(last, verb)) return [];
  const names = split(text, clause.start, at, '、', info.shield).map((s) => cleanIndicator(text.slice(s.start, s.end)));
  const paired = names.length === qs.length;
  // "高新技术企业、科技型中小企业数量": 数量 belongs to both names.
  if (paired) names[names.length - 1] = names[names.length - 1].replace(/数量$/, '');
  const whole = cleanIndicator(text.slice(clause.start, at), info.shield, clause.start);
  const fragment = text.slice(clause.start, last.end);
  return qs.map((q, i) => ({
    at: q.start,
    reading: {
      text: fragment,
      indicator: paired ? names[i] : whole,
      q,
      quantity: text.slice(q.start, q.end),
      comparator: comparatorOf(q.suffix ? q : { suffix: last.suffix, more: q.more }, verb),
    },
  }));
}

/**
 * One target per quantity. Several quantities in a clause are split at the 、
 * between them ("企业40家以上、产品50个以上"), or at a 和/及/与 just before the
 * next number ("100项工程项目和30项以上研究项目"); with neither between them the one
 * followed by 的 or the earlier one only qualifies the other ("年产10万辆以上新能源
 * 整车生产企业3家", "10部以上分账超2000万元的网络剧") and is not a target.
 */
function readSegments(text: string, clause: Span, qs: Quantity[], info: SentenceInfo): Found[] {
  const kept = qs.length > 1 ? qs.filter((q) => !/^\s*的/.test(text.slice(q.end, clause.end))) : qs;
  const found: Found[] = [];
  let start = clause.start;
  for (let i = 0; i < kept.length; i++) {
    const q = kept[i];
    const next = kept[i + 1];
    let end = clause.end;
    if (next) {
      const cut = lastTopLevel(text, q.end, next.start, '、', info.shield);
      // "实施100项重大科技创新工程项目和30项以上重大基础研究项目": 和/及/与 right before a number joins two targets.
      const joined = /[和及与]\s*$/.exec(text.slice(q.end, next.start));
      if (cut < 0 && !joined) continue; // a qualifier of the next quantity
      end = cut >= 0 ? cut : next.start - joined![0].length;
    }
    const reading = readOne(text, { start, end }, q, info);
    if (reading) found.push({ at: q.start, reading });
    start = end + 1;
  }
  return found;
}

/** The indicator, comparator and fragment of one quantity in its segment. */
function readOne(text: string, span: Span, q: Quantity, info: SentenceInfo): Reading | null {
  const lead = text.slice(span.start, q.start);
  if (FRAMING.test(lead.trim())) return null;
  const verbMatch = VERB_TAIL.exec(lead);
  const verb = verbMatch?.[1] ?? '';
  // "年超1亿件品牌企业总数": 超 + number + noun describes the noun.
  if (verb === '超' && text.slice(q.end, span.end).trim() !== '') return null;
  const pre = verbMatch && !CHANGE_TAIL.test(lead) ? lead.slice(0, verbMatch.index) : lead;
  const byAction = ACTION_END.test(pre) || STARTS_WITH_ACTION.test(pre.trim());
  if (!info.goal && !isStatedGoal(q, verb) && !byAction) return null;
  // "每个区（县）至少遴选1条": 至少 before the verb still means at least.
  const comparator = comparatorOf(q, !verb && /至少\S{0,4}$/.test(pre) ? '至少' : verb);

  let end = span.end;
  let indicator = cleanIndicator(pre, info.shield, span.start);
  const object = objectAfter(text, q.end, end, info.shield);
  if (indicator === '' || ((VERB_END.test(indicator) || indicator.length <= 2) && object !== '')) {
    indicator = object;
    const attribute = PREDICATE_END.test(object) ? nounAfterAttribute(text, span.end, info) : null;
    if (attribute) ({ indicator, end } = attribute);
  } else if (VERB_END.test(indicator) && indicator.replace(VERB_END, '').length > 2) {
    // "市级及以上绿色工厂新增4个": the verb after the noun is not part of it.
    indicator = indicator.replace(VERB_END, '');
  } else if (indicator.length <= 2) {
    // "新增就业2万人", "完成投资260亿元": the verb is part of a short indicator.
    indicator = cleanIndicator(pre, info.shield, span.start, TIME_LEADING);
  }
  if (indicator === '') return null;
  return { text: text.slice(span.start, end).trim(), indicator, q, quantity: text.slice(q.start, q.end), comparator };
}

/**
 * Trims an indicator to its noun phrase: drops leading time phrases and verbs
 * ("到2026年累计培育"), trailing adverbs ("力争"), and for an enumeration
 * "A、B、C等优质企业" keeps the collective noun after the last 等.
 */
function cleanIndicator(raw: string, shield?: Uint8Array, offset = 0, leading = LEADING): string {
  let s = raw;
  let start = offset;
  for (let guard = 0; guard < 20; guard++) {
    const lead = /^\s+/.exec(s) ?? leading.exec(s);
    if (!lead || lead[0].length === 0) break;
    s = s.slice(lead[0].length);
    start += lead[0].length;
  }
  s = s.replace(TRAILING, '').replace(TRAILING, '').trimEnd();
  const etc = s.lastIndexOf('等');
  const enumerates = etc > 0 && s.slice(0, etc).includes('、') && !shield?.[start + etc];
  return enumerates && s.length - etc - 1 >= 2 ? s.slice(etc + 1) : s;
}

/** "打造100个行业数字化转型标杆": the object after the number, from its last 的. */
function objectAfter(text: string, from: number, to: number, shield: Uint8Array): string {
  const de = lastTopLevel(text, from, to, '的', shield);
  return text.slice(de >= 0 ? de + 1 : from, to).trim();
}

/**
 * "建设30个产业规模效益突出，数据资源体系完善，…高的“产业大脑”": the attribute
 * runs over several clauses; the noun is after the next 的 in the sentence.
 */
function nounAfterAttribute(text: string, from: number, info: SentenceInfo): { indicator: string; end: number } | null {
  for (let i = from; i < info.end; i++) {
    if (info.shield[i]) continue;
    if ('、。；;'.includes(text[i])) return null;
    if (text[i] !== '的') continue;
    const noun = split(text, i + 1, info.end, '，,；;、', info.shield)[0];
    return noun ? { indicator: text.slice(noun.start, noun.end), end: noun.end } : null;
  }
  return null;
}

/** Index of the last separator in [from, to) outside quotes and brackets, or -1. */
function lastTopLevel(text: string, from: number, to: number, separator: string, shield: Uint8Array): number {
  for (let i = to - 1; i >= from; i--) if (text[i] === separator && !shield[i]) return i;
  return -1;
}

// ---------------------------------------------------------------------------
// Table cells

/** A text that is only a quantity ("≥56条") is a table cell; its indicator is the row's, not ours. */
function readBareCell(text: string, context: TargetContext): Target | null {
  const m = BARE_CELL.exec(text);
  if (!m || (!m[3] && !m[1])) return null;
  const comparator = comparatorOf({ suffix: m[4] ?? '', more: false }, m[1] ?? '');
  const target: Target = {
    text: text.trim(),
    indicator: '',
    ...numbers(m[2]),
    unit: m[3] ?? '',
    quantity: text.trim(),
    comparator,
    evidence: { text: text.trim(), line: context.line ?? 0 },
  };
  if (context.year === undefined) return target;
  return { ...target, year: context.year, yearFrom: 'inherited', ...(context.yearEvidence ? { yearEvidence: context.yearEvidence } : {}), period: 'by-year' };
}

function chineseDigit(d: string): number {
  return '一二三四五六七八九'.indexOf(d) + 1;
}

function toAscii(digits: string): string {
  return digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
