/**
 * Document-kind words (文种), in one place: the table that names a document's kind from the word
 * its title ends in (scripts/ingest/kinds.ts), and the selections of it that other reading rules
 * use: the words a title may end in, a document's words for itself, the words of a closing
 * clause. Each selection is typed as words of the table, so a word cannot be added to a rule
 * without being a kind word; each keeps its own order (an alternation tries its words in order).
 */

/** Kind words, most specific first; each maps to the kind it names (暂行办法 and 管理办法 are 办法). */
export const KIND_WORDS = [
  ['行动计划', '行动计划'],
  ['行动方案', '行动方案'],
  ['实施方案', '实施方案'],
  ['推进方案', '推进方案'],
  ['工作方案', '工作方案'],
  ['若干政策措施', '若干措施'],
  ['若干措施', '若干措施'],
  ['政策措施', '政策措施'],
  ['若干政策', '若干政策'],
  ['指导意见', '指导意见'],
  ['实施意见', '实施意见'],
  ['实施细则', '实施细则'],
  ['细则', '实施细则'],
  ['工作机制', '工作机制'],
  ['办法', '办法'],
  ['规定', '规定'],
  ['条例', '条例'],
  ['规则', '规则'],
  ['指南', '指南'],
  ['指引', '指引'],
  ['规划', '规划'],
  ['纲要', '纲要'],
  ['要点', '要点'],
  ['目录', '目录'],
  ['清单', '清单'],
  ['方案', '方案'],
  ['计划', '计划'],
  ['措施', '措施'],
  ['意见', '意见'],
  ['政策', '政策'],
  ['机制', '机制'],
  ['通知', '通知'],
  ['通告', '通告'],
  ['公告', '公告'],
  ['决定', '决定'],
  ['答复', '答复'],
  ['批复', '批复'],
  ['报告', '报告'],
  ['函', '函'],
] as const satisfies ReadonlyArray<readonly [string, string]>;

/** A word of the kind table. */
export type KindWord = (typeof KIND_WORDS)[number][0];

/** The words as a non-capturing alternation for a regular expression: "(?:行动计划|方案)". */
export function kindWordsPattern(words: readonly KindWord[]): string {
  return `(?:${words.join('|')})`;
}

/** Words a document title ends in (maybe followed by （2024—2026年）): the splitter's head rule. */
export const TITLE_KIND_WORDS: readonly KindWord[] = [
  '计划',
  '方案',
  '措施',
  '机制',
  '意见',
  '办法',
  '规划',
  '细则',
  '规定',
  '政策',
  '纲要',
  '指南',
  '指引',
  '要点',
  '决定',
  '条例',
  '规则',
  '通知',
  '通告',
  '公告',
  '答复',
  '批复',
  '目录',
  '清单',
];

/** Words a line ends in that make it a title, never joined to the line after it (normalisation). */
export const UNWRAPPED_TITLE_WORDS: readonly KindWord[] = [
  '通知',
  '方案',
  '计划',
  '意见',
  '措施',
  '办法',
  '规定',
  '细则',
  '决定',
  '规划',
  '纲要',
  '机制',
  '报告',
  '公告',
  '通告',
  '批复',
  '要点',
  '指引',
  '清单',
  '目录',
];

/** Words a "关于…的X" line ends in when it is a title that starts a block (normalisation). */
export const ABOUT_TITLE_WORDS: readonly KindWord[] = ['通知', '意见', '决定', '方案', '办法', '规定', '批复', '函'];

/** Words a document uses for itself when it states its subject ("制定本行动计划", "提出如下意见"): title inference. */
export const SELF_REFERENCE_WORDS: readonly KindWord[] = [
  '行动计划',
  '行动方案',
  '实施方案',
  '推进方案',
  '工作方案',
  '实施意见',
  '指导意见',
  '实施细则',
  '若干措施',
  '若干政策',
  '政策措施',
  '计划',
  '方案',
  '意见',
  '办法',
  '细则',
  '措施',
  '政策',
  '规划',
  '指南',
  '规定',
];

/** Words of a closing clause of the whole document ("本方案自…施行", "本措施所称…"): the body parser. */
export const CLOSING_CLAUSE_WORDS: readonly KindWord[] = [
  '政策措施',
  '实施方案',
  '行动计划',
  '工作方案',
  '方案',
  '措施',
  '政策',
  '计划',
  '意见',
  '办法',
  '细则',
  '规定',
  '机制',
  '通知',
];
