/**
 * Reading the lines of a document's head: is this line numbered, a title, half a title, a 主送 line;
 * where does a title or a notice title start. The splitter finds documents with them and front-matter
 * parsing reads the head with the same tests.
 */
import type { LogicalLine } from './model.ts';
import { isDocNumberLine } from './doc-number.ts';
import { HEAD_RULES } from './rules/heads.ts';
import { MARKER_START, MARKERS } from './rules/markers.ts';

/** Lines of a title found at a position: title lines `start..end`, the document starts at `next`. */
export interface TitleMatch {
  /** Index of the first title line. */
  start: number;
  /** Index of the last title line (a title may be broken over two lines). */
  end: number;
  /** Index of the first line after the title and its bracketed status/period lines. */
  next: number;
}

/** A title longer than this is a sentence, not a title. */
const MAX_TITLE_LENGTH = 80;
/** The first half of a title broken over two lines is shorter than this. */
const MAX_FRAGMENT_LENGTH = 40;

/** True when the line opens with a provision marker (一、 （一） 1. （1） 专栏1 第一章). */
export function isNumbered(text: string): boolean {
  // Cheap first: every marker starts with one of a few characters (measured: this test runs on every line, several times).
  if (!MARKER_START.test(text)) return false;
  return MARKER_LIST.some((re) => re.test(text)) || /^第[一二三四五六七八九十百零〇\d]+[章节条部分]/.test(text) || /^[—–-]{2}/.test(text);
}

const MARKER_LIST = Object.values(MARKERS);

/** True when the line alone reads as a document title (…计划, …方案（2024—2026年）). */
export function isTitleLine(text: string): boolean {
  return (
    text.length >= 4 &&
    text.length <= MAX_TITLE_LENGTH &&
    // Cheap first: a title ends in a kind word, maybe with brackets after it (measured: 1% of the ingest otherwise).
    KIND_LAST.has(lastBeforeBrackets(text)) &&
    !isNumbered(text) &&
    !/^特此/.test(text) &&
    // Punctuation inside quotes is the quoted title's (民政部对“关于…，…的建议”的答复).
    !HEAD_RULES.titleStop.test(withoutQuotes(text)) &&
    !HEAD_RULES.periodLine.test(text) &&
    HEAD_RULES.docKindEnd.test(text)
  );
}

/** The last characters of the kind words docKindEnd accepts. */
const KIND_LAST = new Set('划案施制见法则定策要南引点例知告复录单'.split(''));

/** The last character before trailing bracketed parts ("办法（试行）" → "法"). */
function lastBeforeBrackets(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '）' || text[end - 1] === ')')) {
    const open = Math.max(text.lastIndexOf('（', end - 1), text.lastIndexOf('(', end - 1));
    if (open < 0) break;
    end = open;
  }
  return text[end - 1] ?? '';
}

/** The text with quoted spans removed: “…”, "…", 《…》, 「…」. */
function withoutQuotes(text: string): string {
  return text.replace(/“[^“”]*[”"]|"[^"]*"|《[^《》]*》|「[^「」]*」/g, '');
}

/** True when the line may be the first half of a title broken over two lines. */
function isTitleFragment(text: string, maxLength = MAX_FRAGMENT_LENGTH): boolean {
  return (
    text.length >= 2 &&
    text.length <= maxLength &&
    !/^[（(《]/.test(text) &&
    !/^(?:附件|附录|附表)\s*[\d一二三四五六七八九十]*\s*[：:]?$/.test(text) &&
    !isNumbered(text) &&
    !HEAD_RULES.titleStop.test(text) &&
    !HEAD_RULES.periodLine.test(text) &&
    !HEAD_RULES.date.test(text) &&
    !isDocNumberLine(text) &&
    !HEAD_RULES.preamble.test(text)
  );
}

/** True for a 主送 line: "各街道办事处，区政府各部门：" (ends in a colon, no full stop, not numbered). */
export function isRecipients(text: string): boolean {
  return /[：:]$/.test(text) && text.length <= 300 && !/[。；;]/.test(text) && !isNumbered(text) && !HEAD_RULES.preamble.test(text);
}

/**
 * The document title starting at `i` (one line, or a short fragment plus a
 * title line), with the bracketed status/period lines under it; null if none.
 */
export function titleAt(lines: LogicalLine[], i: number): TitleMatch | null {
  const first = lines[i]?.text ?? '';
  let end: number;
  if (isTitleLine(first)) end = i;
  else if (i + 1 < lines.length && isTitleFragment(first) && isTitleLine(lines[i + 1].text) && first.length + lines[i + 1].text.length <= MAX_TITLE_LENGTH)
    end = i + 1;
  else return null;
  let next = end + 1;
  while (next < lines.length && next - end <= 2 && HEAD_RULES.periodLine.test(lines[next].text)) next++;
  return { start: i, end, next };
}

/** The notice title starting at `i` (one line or two), or null. */
export function noticeTitleAt(lines: LogicalLine[], i: number): TitleMatch | null {
  const first = lines[i]?.text ?? '';
  const second = lines[i + 1]?.text ?? '';
  if (isNumbered(first) || first.startsWith('《') || HEAD_RULES.titleStop.test(first)) return null;
  let end: number;
  if (HEAD_RULES.noticeTitle.test(first) && first.length <= 200) end = i;
  else if (
    isTitleFragment(first, MAX_TITLE_LENGTH) &&
    !HEAD_RULES.titleStop.test(second) &&
    !HEAD_RULES.noticeTitle.test(second) &&
    HEAD_RULES.noticeTitle.test(first + second)
  )
    end = i + 1;
  else return null;
  return { start: i, end, next: end + 1 };
}
