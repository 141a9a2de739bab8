/**
 * Rules for reading quantified targets (到2025年, 达到100家, 增长10%): numbers, units, goal and past cues,
 * verbs, years and periods. Each regular expression under a purpose name (the habit of marked's rules
 * file); targets.ts applies them.
 */

/** A digit, half- or full-width. */
export const DIGIT = '[0-9０-９]';
/** A number: digits with maybe a decimal part. */
export const NUM = `${DIGIT}+(?:[.．]${DIGIT}+)?`;
/** Magnitudes that may stand alone as a unit in tables ("1.5万", "8.4亿"). */
export const MAGNITUDE = '万亿|千亿|百亿|千万|百万|亿|万|千';
/** Measure words and units, longest first so 平方米 wins over 米. */
export const BASE_UNITS = [
  '个百分点',
  '百分点',
  '平方公里',
  '平方千米',
  '平方米',
  '立方米',
  '千瓦时',
  '千瓦',
  '兆瓦',
  '公里',
  '千米',
  '公顷',
  '公斤',
  '千克',
  '微克',
  '毫克',
  '标箱',
  '架次',
  '人次',
  '台套',
  '美元',
  '港元',
  '元',
  '家',
  '个',
  '项',
  '条',
  '所',
  '座',
  '台',
  '套',
  '辆',
  '架',
  '艘',
  '部',
  '件',
  '吨',
  '米',
  '亩',
  '户',
  '人',
  '名',
  '场',
  '列',
  '倍',
  '处',
  '片',
  '株',
  '张',
  '篇',
  '份',
  '组',
  '批',
  '种',
  '款',
  '支',
  '栋',
  '间',
  '床',
  '宗',
  '笔',
  '箱',
  '期',
  '类',
  '块',
  '例',
  '颗',
  '棵',
  '只',
  '头',
  '次',
  '届',
  '轮',
  'EFLOPS',
  'PFLOPS',
  'TFLOPS',
  'kWh',
  'TEU',
  'Gbps',
  'EB',
  'PB',
  'TB',
  'GW',
  'MW',
  'kW',
  'KW',
  'P',
  '%',
  '％',
  '‰',
].join('|');
/** "元/架次", "元／公斤": a price per something. */
export const PER = '(?:[/／](?:架次|公斤|千克|吨|千瓦时|kWh|年|月|人|次|平方米|立方米|亩|个|家|辆|小时|天))?';
/** A unit: a magnitude and maybe a measure word, or a measure word, maybe per something. */
export const UNIT = `(?:(?:${MAGNITUDE})(?:${BASE_UNITS})?|(?:${BASE_UNITS}))${PER}(?![A-Za-z])`;
/**
 * A number (or range) with what follows it. Not part of a longer token: M9, 5G,
 * IPv6, PM2.5, "1+1+3" and 第3 are skipped by the look-behind and later checks.
 */
export const QUANTITY = new RegExp(
  `(?<![0-9０-９A-Za-z.．+＋第])(${NUM})(?:\\s*([-—－~～至到])\\s*(${NUM}))?\\s*(多|余)?\\s*(${UNIT})?(\\s*(?:以上|以下|以内|左右|之内|上下))?`,
  'g',
);
/** A whole text that is one table cell: "≥56条", "1400列", "＞80%". */
export const BARE_CELL = new RegExp(`^\\s*([≥≧＞>≤≦＜<]|约)?\\s*(${NUM})\\s*(${UNIT})?\\s*(以上|以下|左右)?\\s*$`);
/** Words that make a whole sentence a goal. */
export const GOAL_CUE =
  /[到至]\s*[0-9０-９]{4}\s*年|[0-9０-９]{4}\s*年(?:年底|底|末|前)|力争|争取|目标|突破|达到|新增|培育|建成|每年|累计|超过|不低于|不少于|确保|提高到|提升至|控制在|稳定在|今年|全年|年均|[≥≧≤≦]/;
/**
 * A sentence reporting the past: its numbers are facts, not targets. "已批复的国家制造业创新中心": 已 in an
 * attribute ending in 的 describes a noun, it reports nothing; "出货量居全球第一位，市场占有率超过40%": a
 * ranking reports how things stand.
 */
export const PAST_FACT = /同比|已经?(?![^，,。；;]{0,5}的)|(?<![为除])了(?!解)|截至|截止|去年|上年|位居|被评为|居[^，,。；;]{0,6}第[一二三四五六七八九十0-9]/;
/** A sentence setting a grant or subsidy: "给予不超过500万元资金支持". */
export const SUBSIDY = /给予|补贴|补助|奖励|贴息|资助|奖补/;
/** A year as a target date; the look-arounds skip 比2020年, 在2023年基础上 and 2024—2026年. */
export const YEAR = /(?<![0-9０-９][-—－~～至到]\s*)(?<![比较在]\s*)([0-9０-９]{4})\s*年(?!\s*[-—－~～至到]\s*[0-9０-９])(?!度?(?:基础上|相比))/g;
/** “十四五”期间, “十四五”末: the five-year plan's last year (十四五 → 2025). */
export const PLAN_PERIOD = /“?十([一二三四五六七八九])五”?(?:期间|末|时期)/g;
/** A digit: a text without one holds no target and skips the sentence readers. */
export const HAS_DIGIT = /[0-9０-９]/;
/** A printed year: a text without one carries no year to the clauses after it. */
export const HAS_YEAR = /[0-9０-９]{4}\s*年/;
/**
 * A year set for the clauses after it: "到2027年，", "力争到2025年底，", a sentence
 * opening with "2025年，" — a time adverbial closed by a comma, not "到2027年每年…".
 */
export const CARRIED_YEAR = /(?:^(?:力争|争取)?(?:到|至)?|(?:到|至))\s*([0-9０-９]{4})\s*年(?:年底|底|末)?\s*[，,]/g;
/** Time cues of a target's clause: per year (summed over the plan: CUMULATIVE_CUE). */
export const YEARLY_CUE = /每年|年均|每一年|逐年/;
/** A target summed over the plan: 累计, 三年内新增. */
export const CUMULATIVE_CUE = /累计|总计|合计|共计|[一二三两四五]年(?:内|来|间)?(?:累计|共|新增|新引进|引进|新|培育|打造|建成|建设|完成)/;
/** Comparator verbs written just before the number, longest first. */
export const VERB_TAIL =
  /(不低于|不少于|不超过|不高于|不多于|至少|最多|超过|突破|高于|低于|多于|少于|达到|保持在|稳定在|控制在|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|增至|降至|降到|降低到|降低至|下降到|下降至|压减到|压减至|减少到|减少至|达|超|为|大约|约|近|[≥≧＞>≤≦＜<])\s*$/;
/** Verbs of change kept in the indicator: "单位工业增加值能耗比2020年降低", "年均增长". */
export const CHANGE_TAIL = /(?:增长|增幅|降低|下降|减少|提高|提升|增加|压减|压降|扩大|覆盖)\s*$/;
/** Verbs that set a target by doing: "培育…100家", "打造100个…", "新建、改造13座…". */
export const ACTION =
  '培育形成|培育认定|培育壮大|培育打造|新引进|新认定|新培育|新建|新增|新开|新设|培育|培养|建成|建好|建设|打造|实施|创建|争创|认定|引进|引育|招引|推出|推广|形成|完成|举办|发布|遴选|优选|选树|建立|设立|谋划|储备|开通|开行|开发|引入|集聚|获批|孵化|涌现出|涌现|实现|提升|改造|安排|主攻';
/** Verbs that only lead into the object ("推动6条重点产业链提升能级"): dropped, but no goal by themselves. */
export const WEAK_VERB = '推动|支持|带动|吸引|引导|扶持|探索|组织|开展|布局|滚动|评选|申报|备案';
/** A text ending in a verb of ACTION. */
export const ACTION_END = new RegExp(`(?:${ACTION})\\s*$`);
/** A subject ending in a verb ("市级每年优选") is the actor; the indicator is the object. */
export const VERB_END = new RegExp(`(?:${ACTION}|${WEAK_VERB})\\s*$`);
/** Time phrases and adverbs before the indicator: "到2026年", "力争", "每年", "三年累计". */
export const TIME_OR_ADVERB =
  '“?十[一二三四五六七八九]五”?(?:期间|末|时期)|[到至]\\s*[0-9０-９]{4}\\s*年(?:年底|底|末|前)?|[0-9０-９]{4}\\s*年(?:年底|底|末|前)?|今年|明年|全年|每年|年内|[一二三两四五六七八九十]年(?:内|来)?|力争|争取|努力|确保|累计|总计|合计|进一步|持续|逐步|其中|同时|以及|并且|并|将|要|再|共|和|及|、|达到|突破|为';
/** One leading time phrase, adverb or action verb, dropped from the front of an indicator. */
export const LEADING = new RegExp(`^(?:${TIME_OR_ADVERB}|${ACTION}|${WEAK_VERB})\\s*`);
/** Only time phrases and adverbs, for indicators that need their verb. */
export const TIME_LEADING = new RegExp(`^(?:${TIME_OR_ADVERB})\\s*`);
/** Time phrases or weak verbs, then an action verb: "每年新增…", "推动建成…". */
export const STARTS_WITH_ACTION = new RegExp(`^(?:(?:${TIME_OR_ADVERB}|${WEAK_VERB})\\s*)*(?:${ACTION})`);
/** A clause that opens with a verb (no subject of its own): "备案市级以上众创空间2家". */
export const STARTS_WITH_VERB = new RegExp(`^(?:(?:${TIME_OR_ADVERB})\\s*)*(?:${ACTION}|${WEAK_VERB})`);
/** Adverbs left between an indicator and its verb: "百亿级企业力争达到". */
export const TRAILING = /\s*(?:力争|争取|分别|均|将|要|总计|累计|稳定|也|都|可|能够)$/;
/**
 * Numbers that only frame the sentence, not a goal: "聚焦10个标志性产业链群",
 * "围绕我区6条主导产业链"; and the count closing a list, "…交通运输等14个".
 */
export const FRAMING = /^(?:聚焦|围绕|依托|针对|面向|按照|根据|通过|立足|结合|对|在|以|从)[^0-9０-９]{0,4}$|等\s*$/;
/** An object that is still an attribute clause: "建设30个产业规模效益突出，…的“产业大脑”". */
export const PREDICATE_END = /(?:突出|完善|较高|高|强|大|好|优|显著|明显|鲜明|活跃)$/;
/** 。！？, a line break, or a "." (ASCII or full-width) that does not follow a digit or a Latin letter. */
export const SENTENCE_END = /[。！？!?\n]|(?<=[^0-9０-９A-Za-z])[.．]/g;
/** Quotes, titles and brackets that shield the numbers inside them; any closer closes the innermost opener. */
export const SHIELD_OPENERS = '“‘《«〔（(「『【';
export const SHIELD_MARK = /["“‘《«〔（(「『【”’》»〕）)」』】]/;
