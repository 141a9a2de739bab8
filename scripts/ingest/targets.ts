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

/** What the caller knows about the text: the year its context sets, and where the text starts. */
export interface TargetContext {
  /** The year the context gives: a "到2025年，" paragraph above, or the document's period. */
  year?: number;
  /** Where that year is written, shown with an inherited year. */
  yearEvidence?: Evidence;
  /** Physical line where the text starts (evidence). */
  line?: number;
}

// ---------------------------------------------------------------------------
// Rules

const DIGIT = '[0-9０-９]';
const NUM = `${DIGIT}+(?:[.．]${DIGIT}+)?`;
/** Magnitudes that may stand alone as a unit in tables ("1.5万", "8.4亿"). */
const MAGNITUDE = '万亿|千亿|百亿|千万|百万|亿|万|千';
/** Measure words and units, longest first so 平方米 wins over 米. */
const BASE_UNITS = [
  '个百分点', '百分点', '平方公里', '平方千米', '平方米', '立方米', '千瓦时', '千瓦', '兆瓦', '公里', '千米',
  '公顷', '公斤', '千克', '微克', '毫克', '标箱', '架次', '人次', '台套', '美元', '港元', '元',
  '家', '个', '项', '条', '所', '座', '台', '套', '辆', '架', '艘', '部', '件', '吨', '米', '亩', '户',
  '人', '名', '场', '列', '倍', '处', '片', '株', '张', '篇', '份', '组', '批', '种', '款', '支', '栋',
  '间', '床', '宗', '笔', '箱', '期', '类', '块', '例', '颗', '棵', '只', '头', '次', '届', '轮',
  'EFLOPS', 'PFLOPS', 'TFLOPS', 'kWh', 'TEU', 'Gbps', 'EB', 'PB', 'TB', 'GW', 'MW', 'kW', 'KW', 'P',
  '%', '％', '‰',
].join('|');
/** "元/架次", "元／公斤": a price per something. */
const PER = '(?:[/／](?:架次|公斤|千克|吨|千瓦时|kWh|年|月|人|次|平方米|立方米|亩|个|家|辆|小时|天))?';
const UNIT = `(?:(?:${MAGNITUDE})(?:${BASE_UNITS})?|(?:${BASE_UNITS}))${PER}(?![A-Za-z])`;

/**
 * A number (or range) with what follows it. Not part of a longer token: M9, 5G,
 * IPv6, PM2.5, "1+1+3" and 第3 are skipped by the look-behind and later checks.
 */
const QUANTITY = new RegExp(
  `(?<![0-9０-９A-Za-z.．+＋第])(${NUM})(?:\\s*([-—－~～至到])\\s*(${NUM}))?\\s*(多|余)?\\s*(${UNIT})?(\\s*(?:以上|以下|以内|左右|之内|上下))?`,
  'g',
);

/** A whole text that is one table cell: "≥56条", "1400列", "＞80%". */
const BARE_CELL = new RegExp(`^\\s*([≥≧＞>≤≦＜<]|约)?\\s*(${NUM})\\s*(${UNIT})?\\s*(以上|以下|左右)?\\s*$`);

/** Words that make a whole sentence a goal. */
const GOAL_CUE =
  /[到至]\s*[0-9０-９]{4}\s*年|[0-9０-９]{4}\s*年(?:年底|底|末|前)|力争|争取|目标|突破|达到|新增|培育|建成|每年|累计|超过|不低于|不少于|确保|提高到|提升至|控制在|稳定在|今年|全年|年均|[≥≧≤≦]/;
/** A sentence reporting the past: its numbers are facts, not targets. */
// "已批复的国家制造业创新中心": 已 in an attribute ending in 的 describes a noun, it reports nothing.
// "出货量居全球第一位，市场占有率超过40%": a ranking reports how things stand.
const PAST_FACT = /同比|已经?(?![^，,。；;]{0,5}的)|(?<![为除])了(?!解)|截至|截止|去年|上年|位居|被评为|居[^，,。；;]{0,6}第[一二三四五六七八九十0-9]/;
/** A sentence setting a grant or subsidy: "给予不超过500万元资金支持". */
const SUBSIDY = /给予|补贴|补助|奖励|贴息|资助|奖补/;
/** A year as a target date; the look-arounds skip 比2020年, 在2023年基础上 and 2024—2026年. */
const YEAR =
  /(?<![0-9０-９][-—－~～至到]\s*)(?<![比较在]\s*)([0-9０-９]{4})\s*年(?!\s*[-—－~～至到]\s*[0-9０-９])(?!度?(?:基础上|相比))/g;

/** “十四五”期间, “十四五”末: the five-year plan's last year (十四五 → 2025). */
const PLAN_PERIOD = /“?十([一二三四五六七八九])五”?(?:期间|末|时期)/g;
/**
 * A year set for the clauses after it: "到2027年，", "力争到2025年底，", a sentence
 * opening with "2025年，" — a time adverbial closed by a comma, not "到2027年每年…".
 */
/** Cheap tests that let a text without digits, or without a printed year, skip the sentence readers. */
const HAS_DIGIT = /[0-9０-９]/;
const HAS_YEAR = /[0-9０-９]{4}\s*年/;
const CARRIED_YEAR = /(?:^(?:力争|争取)?(?:到|至)?|(?:到|至))\s*([0-9０-９]{4})\s*年(?:年底|底|末)?\s*[，,]/g;
/** Time cues of a target's clause: per year, or summed over the plan. */
const YEARLY_CUE = /每年|年均|每一年|逐年/;
const CUMULATIVE_CUE = /累计|总计|合计|共计|[一二三两四五]年(?:内|来|间)?(?:累计|共|新增|新引进|引进|新|培育|打造|建成|建设|完成)/;

/** Comparator verbs written just before the number, longest first. */
const VERB_TAIL =
  /(不低于|不少于|不超过|不高于|不多于|至少|最多|超过|突破|高于|低于|多于|少于|达到|保持在|稳定在|控制在|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|增至|降至|降到|降低到|降低至|下降到|下降至|压减到|压减至|减少到|减少至|达|超|为|大约|约|近|[≥≧＞>≤≦＜<])\s*$/;
/** Verbs of change kept in the indicator: "单位工业增加值能耗比2020年降低", "年均增长". */
const CHANGE_TAIL = /(?:增长|增幅|降低|下降|减少|提高|提升|增加|压减|压降|扩大|覆盖)\s*$/;

/** Verbs that set a target by doing: "培育…100家", "打造100个…", "新建、改造13座…". */
const ACTION =
  '培育形成|培育认定|培育壮大|培育打造|新引进|新认定|新培育|新建|新增|新开|新设|培育|培养|建成|建好|建设|打造|实施|创建|争创|认定|引进|引育|招引|推出|推广|形成|完成|举办|发布|遴选|优选|选树|建立|设立|谋划|储备|开通|开行|开发|引入|集聚|获批|孵化|涌现出|涌现|实现|提升|改造|安排|主攻';
/** Verbs that only lead into the object ("推动6条重点产业链提升能级"): dropped, but no goal by themselves. */
const WEAK_VERB = '推动|支持|带动|吸引|引导|扶持|探索|组织|开展|布局|滚动|评选|申报|备案';
const ACTION_END = new RegExp(`(?:${ACTION})\\s*$`);
/** A subject ending in a verb ("市级每年优选") is the actor; the indicator is the object. */
const VERB_END = new RegExp(`(?:${ACTION}|${WEAK_VERB})\\s*$`);
/** Time phrases and adverbs before the indicator: "到2026年", "力争", "每年", "三年累计". */
const TIME_OR_ADVERB =
  '“?十[一二三四五六七八九]五”?(?:期间|末|时期)|[到至]\\s*[0-9０-９]{4}\\s*年(?:年底|底|末|前)?|[0-9０-９]{4}\\s*年(?:年底|底|末|前)?|今年|明年|全年|每年|年内|[一二三两四五六七八九十]年(?:内|来)?|力争|争取|努力|确保|累计|总计|合计|进一步|持续|逐步|其中|同时|以及|并且|并|将|要|再|共|和|及|、|达到|突破|为';
/** One leading time phrase, adverb or action verb, dropped from the front of an indicator. */
const LEADING = new RegExp(`^(?:${TIME_OR_ADVERB}|${ACTION}|${WEAK_VERB})\\s*`);
/** Only time phrases and adverbs, for indicators that need their verb. */
const TIME_LEADING = new RegExp(`^(?:${TIME_OR_ADVERB})\\s*`);
/** Time phrases or weak verbs, then an action verb: "每年新增…", "推动建成…". */
const STARTS_WITH_ACTION = new RegExp(`^(?:(?:${TIME_OR_ADVERB}|${WEAK_VERB})\\s*)*(?:${ACTION})`);
/** A clause that opens with a verb (no subject of its own): "备案市级以上众创空间2家". */
const STARTS_WITH_VERB = new RegExp(`^(?:(?:${TIME_OR_ADVERB})\\s*)*(?:${ACTION}|${WEAK_VERB})`);
/** Adverbs left between an indicator and its verb: "百亿级企业力争达到". */
const TRAILING = /\s*(?:力争|争取|分别|均|将|要|总计|累计|稳定|也|都|可|能够)$/;
/**
 * Numbers that only frame the sentence, not a goal: "聚焦10个标志性产业链群",
 * "围绕我区6条主导产业链"; and the count closing a list, "…交通运输等14个".
 */
const FRAMING = /^(?:聚焦|围绕|依托|针对|面向|按照|根据|通过|立足|结合|对|在|以|从)[^0-9０-９]{0,4}$|等\s*$/;
/** An object that is still an attribute clause: "建设30个产业规模效益突出，…的“产业大脑”". */
const PREDICATE_END = /(?:突出|完善|较高|高|强|大|好|优|显著|明显|鲜明|活跃)$/;

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
  const [low, high] = toAscii(printed).replace(/．/g, '.').split(/\s*[-—－~～至到]\s*/);
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

/** 。！？, a line break, or a "." (ASCII or full-width) that does not follow a digit or a Latin letter. */
const SENTENCE_END = /[。！？!?\n]|(?<=[^0-9０-９A-Za-z])[.．]/g;

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

/** Quotes, titles and brackets that shield the numbers inside them; any closer closes the innermost opener. */
const SHIELD_OPENERS = '“‘《«〔（(「『【';
const SHIELD_MARK = /["“‘《«〔（(「『【”’》»〕）)」』】]/;

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
  const target: Target = { text: text.trim(), indicator: '', ...numbers(m[2]), unit: m[3] ?? '', quantity: text.trim(), comparator, evidence: { text: text.trim(), line: context.line ?? 0 } };
  if (context.year === undefined) return target;
  return { ...target, year: context.year, yearFrom: 'inherited', ...(context.yearEvidence ? { yearEvidence: context.yearEvidence } : {}), period: 'by-year' };
}

function chineseDigit(d: string): number {
  return '一二三四五六七八九'.indexOf(d) + 1;
}

function toAscii(digits: string): string {
  return digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
