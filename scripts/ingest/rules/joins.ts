/**
 * Rules for joining physical lines into logical lines: what starts a block, what continues a sentence,
 * which tokens a web extraction split off. Each regular expression under a purpose name (the habit of
 * marked's rules file); normalise/join.ts and normalise/wrap-profile.ts apply them.
 */
import { EXTENSION_A, UNIFIED } from '../../../shared/document/cjk.ts';
import { ABOUT_TITLE_WORDS, kindWordsPattern, UNWRAPPED_TITLE_WORDS } from '../../../shared/document/kind-words.ts';
import { MARKERS } from './markers.ts';

/** A number (or a cell of numbers and signs) alone on a line: "2021", "1.2", "0:00-06:00", "80%≤". */
export const NUMBER_TOKEN = /^[\d.,:%~\-–—/×≤≥<> ]+$/;
/** An opening bracket or quote alone on a line: what follows it was cut off onto the next line. */
export const OPENER_TOKEN = /^[（(〔［\[【《“‘「『]$/;
/** Date units that a number follows ("2021" / "年" / "2" / "月"). */
export const DATE_UNIT_TOKEN = /^[年月]$/;
/** A line of leader dots only: the rest of a table-of-contents entry broken over lines. */
export const LEADER_ONLY = /^[.．·…。]{3,}$/;
/** A single ideograph on a line ("目" / "录"): a spaced-out heading broken into characters. */
export const SINGLE_IDEOGRAPH = new RegExp(`^[${EXTENSION_A}${UNIFIED}]$`);
/** The 版记's last line, "…办公室 2022年3月10日印发": the end of a document, never wrapped. */
export const PRINTED_ON = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/;
/** Lines that start a new block, so nothing is joined onto the line before them. */
export const BLOCK_START: RegExp[] = [
  MARKERS.sec,
  MARKERS.subsec,
  MARKERS.item,
  MARKERS.point,
  MARKERS.box,
  /^(?:——|--)/, // "——制造业能级显著提升" list dashes
  /^第[一二三四五六七八九十百零〇两\d]+[条章节编]/,
  /^(?:抄送|印发|主送|附件|附录|附表)(?:[：:\s\d一二三四五六七八九十]|$)/,
  // What the chrome stage reads, one rule for speed: a label alone ("发 文 字 号 ：", its value on the next
  // line), a database-export field (【发布部门】), an export link or a web page's info line, a YAML fence or key.
  /^(?:[\u4e00-\u9fff][\u4e00-\u9fff ]{1,12}[：:]$|【[^【】\s]{2,10}】|(?:原文链接|信息来源|来源|发布时间|发布日期)\s*[：:]|(?:---|\.\.\.)$|[A-Za-z_][\w-]*:\s)/,
  new RegExp(`^关于.*${kindWordsPattern(ABOUT_TITLE_WORDS)}$`),
  /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/, // a date line (signature)
  /^[（(][^（）()]{1,20}[）)]$/, // "（此件公开发布）", "（征求意见稿）", "(2024—2026年)"
  /^[□■●◆◇○]/, // bylines and bullets
];
/** Punctuation that cannot begin a line of text: the line continues the one before. */
export const CONTINUATION_START = /^[，。、；：？！）》」』”’】〕,;:?!)]/;
/** Clause punctuation: a line ending in it has not ended its paragraph. */
export const CLAUSE_END = /[，、,]$/;
/** Clause punctuation anywhere: the line is running text, not a heading or title. */
export const CLAUSE_PUNCT = /[，、,；;。：]/;
/** Quote or bracket closers that end a line without necessarily ending the sentence. */
export const SOFT_END = /[”’」』）)〕】]$/;
/** Closing quotes: a line ending in one may continue its sentence on the next line. */
export const QUOTE_CLOSERS = '”’」』';
/** Each closing bracket with its opener, to find where an aside at the end of a line began. */
export const BRACKET_PAIRS: Record<string, string> = { '）': '（', ')': '(', '〕': '〔', '】': '【' };
/** Full stops, half- and full-width: a closer right after one ends the sentence. */
export const FULL_STOPS = '。！？；!?;';
/** Document-type words that end titles, which are never joined to the line after them. */
export const TITLE_END = new RegExp(`${kindWordsPattern(UNWRAPPED_TITLE_WORDS)}$`);
/** Punctuation alone on a line that does not end a sentence: "〕", "）", "、". */
export const INNER_PUNCT_TOKEN = /^[〕）)\]］】》”’」』、，,：:]$/;
/** What may follow a number in running text: a unit or word, or punctuation that is not an opening bracket. */
export const NUMBER_CONTINUES = new RegExp(`^[${EXTENSION_A}${UNIFIED}．、，。；：:;,）)〕】》”’%‰℃/.~～\\-]`);
