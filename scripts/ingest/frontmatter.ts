/**
 * Stage 4 (first part): separate a document chunk's front and back matter
 * from its body.
 *
 * Front matter is the notice wrapper (letterhead, 发文字号, notice title, 主送,
 * the notice's text, signing issuers, 成文日期, （此件公开发布）), then the body
 * title and its status/period lines. Back matter is the 抄送/印发 footer. All
 * other lines stay, in order, in `bodyLines` for the body parser. Every line of
 * the chunk lands in exactly one place: nothing is dropped or rewritten; the
 * structured fields (number, date, issuers…) are readings of lines that are also
 * kept as printed in `notice.paragraphs`.
 */
import type { Diagnostic, DocumentChunk, Footer, LogicalLine, Notice, Paragraph, SourceSpan } from './model.ts';
import { chineseToInt, MARKERS } from './rules.ts';
import { HEAD_RULES, isRecipients, noticeTitleAt, titleAt } from './split.ts';

/** The parts of a chunk around its body. */
export interface FrontMatter {
  /**
   * The notice wrapper; `paragraphs` holds every notice line except its title,
   * as printed. A document issued directly (…的实施意见 with its own 发文字号 and
   * 主送 under the title) gets a notice without title holding just those lines.
   */
  notice?: Notice;
  /** The body title, lines joined; undefined when the document prints none. */
  title?: string;
  titleSpan?: SourceSpan;
  /** Status/period lines under the title: （征求意见稿）, (2024—2026年). */
  subtitle: string[];
  /** Everything else, in order: preamble and numbered body. */
  bodyLines: LogicalLine[];
  /** The 抄送/印发 block at the end. */
  footer?: Footer;
  diagnostics: Diagnostic[];
}

/** Organisation names end like this (a letterhead or a signature line). */
const ORG_END =
  /(?:政府|办公厅|办公室|委员会|管委会|领导小组|局|厅|委|部|院|会|中心|办|署|公司|集团)(?:[（(][^（）()]+[）)])?(?:文件)?$/;
/** Punctuation that never occurs in an organisation name. */
const ORG_STOP = /[，。；：:、,;《》“”]/;
/** Lines printed after the date: （此件公开发布）, （此页无正文）. */
const AFTER_DATE = /^[（(](?:此件|此页)[^（）()]*[）)]$/;
/** A footer starts at 抄送：… or at the "…2024年10月24日印发" line. */
const FOOTER_START = /^(?:抄送|抄报|分送|主题词)[：:]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/;
/** How far from the end a footer may start. */
const FOOTER_WINDOW = 10;
/** A notice's date is within this many lines of its 主送. */
const NOTICE_WINDOW = 40;
/** A news byline: □孙化鹏 孔雪, 记者 …, 文/… */
const BYLINE = /^(?:[□■◇◆○●]|(?:本报)?记者|通讯员|文[／/]|作者[：:])/;
/** A news headline is short and has no full stop. */
const MAX_HEADLINE_LENGTH = 60;

/** Splits a chunk into notice, title, subtitle, body lines and footer. */
export function parseFrontMatter(chunk: DocumentChunk): FrontMatter {
  const { file, lines } = chunk;
  const diagnostics: Diagnostic[] = [];
  const footerAt = findFooter(lines);
  const head = lines.slice(0, footerAt);

  let notice = readNotice(file, head, diagnostics);
  let p = notice ? notice.next : 0;
  const leading: LogicalLine[] = [];
  let title = titleAt(head, p);
  if (!title && !notice) {
    const headline = findHeadline(head);
    if (headline !== undefined) {
      leading.push(...head.slice(0, headline));
      title = { start: headline, end: headline, next: headline + 1 };
    }
  }
  let titleText: string | undefined;
  let titleSpan: SourceSpan | undefined;
  if (title) {
    titleText = head.slice(title.start, title.end + 1).map((l) => l.text).join('');
    titleSpan = { lineStart: head[title.start].lineStart, lineEnd: head[title.end].lineEnd };
    p = title.end + 1;
  }
  const subtitle: string[] = [];
  while (p < head.length && HEAD_RULES.periodLine.test(head[p].text)) subtitle.push(head[p++].text);
  if (!notice && title) {
    // A directly issued document prints its 发文字号 and 主送 under the title.
    notice = readDirectHeader(head, p);
    if (notice) p = notice.next;
  }
  if (!titleText) diagnostics.push(noTitle(file, lines[0], notice?.notice));

  const footer = footerAt < lines.length ? toFooter(lines.slice(footerAt)) : undefined;
  return {
    ...(notice && { notice: notice.notice }),
    ...(titleText !== undefined && { title: titleText, titleSpan }),
    subtitle,
    bodyLines: [...leading, ...head.slice(p)],
    ...(footer && { footer }),
    diagnostics,
  };
}

/** A notice read from the head, and the index of the first line after it. */
interface NoticeRead {
  notice: Notice;
  next: number;
}

/** The opening of a notice: letterhead, 发文字号, notice title, 主送. */
interface NoticeOpening {
  letterhead: LogicalLine[];
  titleLines: LogicalLine[];
  number?: string;
  recipients?: string;
  /** Index of the first line of the notice's text. */
  next: number;
}

/** The close of a notice: signing issuers, 成文日期 and （此件公开发布）. */
interface NoticeClosing {
  signature: LogicalLine[];
  date?: string;
  /** Index of the notice's last line. */
  end: number;
}

/** Reads a notice wrapper at the start of the head, or returns null when there is none. */
function readNotice(file: string, lines: LogicalLine[], diagnostics: Diagnostic[]): NoticeRead | null {
  const opening = readOpening(lines);
  if (!opening) return null;
  const { signature, date, end } = readClosing(lines, opening.next);
  if (date === undefined) diagnostics.push(noDate(file, lines[0], lines[Math.max(end, 0)]));
  const { letterhead, titleLines, number, recipients } = opening;
  const notice: Notice = {
    ...(titleLines.length ? { title: titleLines.map((l) => l.text).join('') } : {}),
    issuers: unique([...letterhead, ...signature].map((l) => compact(l.text))),
    ...(number !== undefined && { number }),
    ...(recipients !== undefined && { recipients }),
    ...(date !== undefined && { date }),
    paragraphs: lines
      .slice(0, end + 1)
      .filter((l) => !titleLines.includes(l))
      .map(toParagraph),
    lineStart: lines[0].lineStart,
    lineEnd: lines[end].lineEnd,
  };
  return { notice, next: end + 1 };
}

/** Letterhead lines, then 发文字号 and notice title in either order, then 主送. */
function readOpening(lines: LogicalLine[]): NoticeOpening | null {
  let p = 0;
  while (p < Math.min(lines.length, 8) && isIssuerLike(lines[p].text)) p++;
  if (p > 0 && !(isDocNumber(lines[p]) || noticeTitleAt(lines, p))) p = 0; // names, but not a letterhead
  const letterhead = lines.slice(0, p);
  let titleLines: LogicalLine[] = [];
  let number: string | undefined;
  for (let step = 0; step < 2; step++) {
    const match = titleLines.length ? null : noticeTitleAt(lines, p);
    if (match) {
      titleLines = lines.slice(match.start, match.end + 1);
      p = match.end + 1;
    } else if (number === undefined && isDocNumber(lines[p])) number = compact(lines[p++].text);
  }
  if (!letterhead.length && !titleLines.length && number === undefined) return null;
  let recipients: string | undefined;
  if (lines[p] && isRecipients(lines[p].text)) recipients = lines[p++].text.replace(/[：:]$/, '');
  return { letterhead, titleLines, number, recipients, next: p };
}

/**
 * The notice's text runs from `p` to its 成文日期; the organisation lines just
 * above the date are the signature. Without a date the notice ends before the
 * document's title or first section.
 */
function readClosing(lines: LogicalLine[], p: number): NoticeClosing {
  let d = p;
  while (d < lines.length && d - p < NOTICE_WINDOW && !endsNotice(lines, d)) d++;
  if (d >= lines.length || !HEAD_RULES.date.test(lines[d].text)) return { signature: [], end: d - 1 };
  let s = d;
  while (s > p && isIssuerLike(lines[s - 1].text)) s--;
  let end = d;
  while (end + 1 < lines.length && AFTER_DATE.test(lines[end + 1].text)) end++;
  return { signature: lines.slice(s, d), date: toIsoDate(lines[d].text), end };
}

/** The warning for a notice without a 成文日期 line. */
function noDate(file: string, first: LogicalLine, last: LogicalLine): Diagnostic {
  return {
    severity: 'warning',
    code: 'frontmatter/notice-no-date',
    file,
    line: first.lineStart,
    message:
      `${file}:${first.lineStart}: the notice has no 成文日期 line (like "2024年10月24日") ` +
      `before the document starts; the notice was ended at line ${last.lineEnd}`,
    hint: 'Check the seed for a missing or garbled date line under the signature.',
  };
}

/** True at the line that ends a notice's text: its date, the document's title or first section. */
function endsNotice(lines: LogicalLine[], d: number): boolean {
  const text = lines[d].text;
  if (HEAD_RULES.date.test(text) || MARKERS.sec.test(text)) return true;
  const title = titleAt(lines, d);
  return title !== null && title.next < lines.length && HEAD_RULES.preamble.test(lines[title.next].text);
}

/** The 发文字号 and/or 主送 printed under the title of a directly issued document. */
function readDirectHeader(lines: LogicalLine[], p: number): NoticeRead | null {
  const start = p;
  let number: string | undefined;
  let recipients: string | undefined;
  if (isDocNumber(lines[p])) number = compact(lines[p++].text);
  if (lines[p] && isRecipients(lines[p].text)) recipients = lines[p++].text.replace(/[：:]$/, '');
  if (p === start) return null;
  const notice: Notice = {
    issuers: [],
    ...(number !== undefined && { number }),
    ...(recipients !== undefined && { recipients }),
    paragraphs: lines.slice(start, p).map(toParagraph),
    lineStart: lines[start].lineStart,
    lineEnd: lines[p - 1].lineEnd,
  };
  return { notice, next: p };
}

/** Index of a news headline: the line just above a byline near the top. */
function findHeadline(lines: LogicalLine[]): number | undefined {
  const byline = lines.slice(0, 5).findIndex((l) => BYLINE.test(l.text));
  if (byline < 1) return undefined;
  const text = lines[byline - 1].text;
  return text.length <= MAX_HEADLINE_LENGTH && !/[。；]/.test(text) ? byline - 1 : undefined;
}

/** Index where the 抄送/印发 footer starts, or `lines.length` when there is none. */
function findFooter(lines: LogicalLine[]): number {
  for (let k = Math.max(1, lines.length - FOOTER_WINDOW); k < lines.length; k++)
    if (FOOTER_START.test(lines[k].text)) return k;
  return lines.length;
}

/** The diagnostic for a document without a printed title. */
function noTitle(file: string, first: LogicalLine | undefined, notice: Notice | undefined): Diagnostic {
  const line = first?.lineStart ?? 0;
  const named = notice?.paragraphs.map((p) => p.text).join('').match(/《([^《》]+)》/)?.[1];
  return named
    ? {
        severity: 'info',
        code: 'frontmatter/no-title',
        file,
        line,
        message: `${file}:${line}: the document prints no title of its own; its notice names it 《${named}》`,
      }
    : {
        severity: 'warning',
        code: 'frontmatter/no-title',
        file,
        line,
        message: `${file}:${line}: no document title found at the head of the document`,
        hint: 'Give the title in the curated metadata for this document.',
      };
}

/** True for a letterhead or signature line: an organisation name alone. */
function isIssuerLike(text: string): boolean {
  const name = compact(text);
  return name.length >= 2 && name.length <= 40 && !ORG_STOP.test(name) && ORG_END.test(name);
}

/** True for a 发文字号 line. */
function isDocNumber(line: LogicalLine | undefined): boolean {
  return line !== undefined && HEAD_RULES.docNumber.test(line.text);
}

/** Converts a 成文日期 ("2024 年 10 月 24 日", "二〇二四年十月二十四日") to YYYY-MM-DD. */
export function toIsoDate(text: string): string | undefined {
  const m = compact(text).match(/^(.{4})年(.{1,3})月(.{1,3})日$/);
  if (!m) return undefined;
  const year = [...m[1]].map((c) => (/\d/.test(c) ? c : String(chineseToInt(c === '〇' ? '零' : c)))).join('');
  const [month, day] = [chineseToInt(m[2]), chineseToInt(m[3])];
  if (!/^\d{4}$/.test(year) || !(month >= 1 && month <= 12) || !(day >= 1 && day <= 31)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The text without any whitespace (spaced letterheads, "2024 年"). */
function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Keeps the first of equal strings. */
function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** A logical line as a paragraph node. */
function toParagraph(line: LogicalLine): Paragraph {
  return { type: 'paragraph', text: line.text, lineStart: line.lineStart, lineEnd: line.lineEnd };
}

/** The footer node for the given lines. */
function toFooter(lines: LogicalLine[]): Footer {
  return {
    paragraphs: lines.map(toParagraph),
    lineStart: lines[0].lineStart,
    lineEnd: lines[lines.length - 1].lineEnd,
  };
}
