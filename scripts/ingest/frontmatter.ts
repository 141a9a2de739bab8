/**
 * Stage 4 (first part): separate a document chunk's head and end from its body,
 * the way GB/T 9704 lays out an official document.
 *
 * The head, read construct by construct (one small reader each, as marked's
 * tokenizers): a title printed twice (an export's own title line), a registration
 * number (JNCR—2022—0040001), the letterhead (issuer lines, "…文件"), an order's head
 * ("上海市人民政府令" / "（第19号）"), the 发文字号 (bare or in brackets), the title —
 * a notice that issues or forwards a document (…印发《…》的通知) or the document's
 * own — with its period (（2021-2025年）, （试行）) and status lines (（征求意见稿）), and
 * the 主送. A notice or order that wraps a document runs to its 署名 and 成文日期
 * (and 附注); the wrapped document's title follows. A notice with its own numbered
 * items before its date is a document itself. The end (closing.ts): 附件说明, 署名,
 * 成文日期, 附注, attachments; and the 抄送/印发 footer.
 *
 * Every line of the chunk lands in exactly one place: nothing is dropped or
 * rewritten; the structured fields (number, date, issuers…) are readings of lines
 * that are also kept as printed.
 */
import type { Closing, Diagnostic, DocumentChunk, Footer, LogicalLine, Notice, Origin, Paragraph, SourceSpan } from './model.ts';
import { MARKERS } from './rules/markers.ts';
import { isRecipients, noticeTitleAt, titleAt } from './head-lines.ts';
import { AFTER_DATE, BYLINE, FOOTER_START, HEAD_CONSTRUCTS, HEAD_RULES, STATUS_LINE } from './rules/heads.ts';
import { readDocNumber, readOrderNumber } from './doc-number.ts';
import { isIssuerLike, isOfficialSignature, orderIssuer, orgName, splitNames } from './issuers.ts';
import { type AttachmentLines, readDocumentEnd, signatureAbove, toIsoDate } from './closing.ts';
import { CLOSING_RULES } from './rules/closing.ts';
import { titleKey } from './merge.ts';

export { toIsoDate } from './closing.ts';

/** The parts of a chunk around its body. */
export interface FrontMatter {
  /**
   * The notice or order wrapper; `paragraphs` holds every line of it except its
   * title, as printed. A document issued directly (its 发文字号 and 主送 under its
   * own title) gets a notice without title holding just those lines.
   */
  notice?: Notice;
  /** The body title, lines joined; undefined when the document prints none. */
  title?: string;
  titleSpan?: SourceSpan;
  /** Status lines under the title and history notes: （征求意见稿）, "2019年11月30日 …令第20号公布". */
  subtitle: string[];
  /** Everything else, in order: preamble and numbered body. */
  bodyLines: LogicalLine[];
  /** 附件说明, 署名, 成文日期, 附注 at the end of the body. */
  closing?: Closing;
  /** Attachments printed after the document, each with its own lines. */
  attachments: AttachmentLines[];
  /** The 抄送/印发 footer. */
  footer?: Footer;
  /** Lines that print the title a second time (an export's heading line); kept out of the page, shown on the original-text page. */
  repeated: LogicalLine[];
  /** The order's issuer ("上海市人民政府令" → 上海市人民政府), when the document is issued by an order. */
  orderIssuer?: string;
  diagnostics: Diagnostic[];
}

// Stage thresholds (the rules are in rules/) ---------------------------------

/** How far from the end a footer may start. */
const FOOTER_WINDOW = 10;
/** A notice's date is within this many lines of its 主送. */
const NOTICE_WINDOW = 40;
/** After a notice's date, the wrapped document's title is within this many lines (附注, contacts, attachment label). */
const AFTER_NOTICE_WINDOW = 16;
/** A title printed twice at the head repeats within this many lines. */
const REPEAT_WINDOW = 12;
/** A news headline is short and has no full stop. */
const MAX_HEADLINE_LENGTH = 60;

// Entry point ----------------------------------------------------------------

/** Splits a chunk into notice, title, subtitle, body lines, closing, attachments and footer. */
export function parseFrontMatter(chunk: DocumentChunk): FrontMatter {
  const { file, lines } = chunk;
  const diagnostics: Diagnostic[] = [];
  const footerAt = findFooter(lines);
  const head = lines.slice(0, footerAt);
  const repeated = repeatedTitle(head);
  let p = repeated.length;

  const opening = readOpening(head, p);
  let notice: Notice | undefined;
  let title: TitleRead | undefined;
  const subtitle: string[] = [];
  const leading: LogicalLine[] = [];
  if (opening) {
    p = opening.next;
    const wraps = opening.title?.notice || opening.orderIssuer !== undefined || (!opening.title && issuesWhatFollows(head, p));
    const closing = wraps ? readNoticeClosing(head, p) : undefined;
    if (closing && !closing.ownItems) {
      // A notice (or an order) wrapping the document that follows it.
      notice = toNotice(head, opening, closing, repeated.length);
      p = closing.end + 1;
      if (closing.date === undefined) diagnostics.push(noDate(file, head[0], head[closing.end] ?? head[0]));
      title = readTitle(head, p);
    } else if (opening.title) {
      // The document's own title (a 通知 with its own items, a 答复, a plan issued directly).
      title = opening.title;
      notice = toDirectHeader(opening);
    } else {
      notice = toDirectHeader(opening);
    }
  } else {
    // An attachment label over the title ("附件2" / 标题) when a notice issued this document with another.
    if (head[p] && HEAD_CONSTRUCTS.attachmentLabel.test(head[p].text) && readTitle(head, p + 1)) leading.push(head[p++]);
    title = readTitle(head, p);
    if (!title) {
      const headline = findHeadline(head);
      if (headline !== undefined) {
        leading.push(...head.slice(p, headline));
        title = { start: headline, end: headline, next: headline + 1, notice: false, text: head[headline].text, statusLines: [] };
      }
    }
  }
  if (title) {
    subtitle.push(...title.statusLines);
    p = Math.max(p, title.next);
  }
  if (!opening && title && !title.notice) {
    // A directly issued document prints its 发文字号 and 主送 under the title; a rule may print the order promulgating it.
    const direct = readOpening(head, p, true);
    const order = direct?.orderIssuer !== undefined ? readNoticeClosing(head, direct.next) : undefined;
    if (direct && order && !order.ownItems) {
      notice = toNotice(head, direct, order, p);
      p = order.end + 1;
    } else if (direct && (direct.number !== undefined || direct.recipients !== undefined)) {
      notice = toDirectHeader(direct);
      p = direct.next;
    }
  }
  while (p < head.length && (STATUS_LINE.test(head[p].text) || HEAD_RULES.periodLine.test(head[p].text) || HEAD_CONSTRUCTS.historyNote.test(head[p].text))) {
    subtitle.push(head[p++].text);
  }
  if (!title) diagnostics.push(noTitle(file, lines[0], notice));

  const end = readDocumentEnd(head.slice(p));
  const footer = footerAt < lines.length ? toFooter(lines.slice(footerAt)) : undefined;
  return {
    ...(notice && { notice }),
    ...(title && { title: title.text, titleSpan: { lineStart: head[title.start].lineStart, lineEnd: head[title.end].lineEnd } }),
    subtitle,
    bodyLines: [...leading, ...end.body],
    ...(end.closing && { closing: end.closing }),
    attachments: end.attachments,
    ...(footer && { footer }),
    repeated,
    ...(opening?.orderIssuer !== undefined && { orderIssuer: opening.orderIssuer }),
    diagnostics,
  };
}

// Title ----------------------------------------------------------------------

/** A title read at a position, with the period lines folded in and the status lines after it. */
interface TitleRead {
  start: number;
  end: number;
  /** First line after the title and its status lines. */
  next: number;
  /** A notice that issues or forwards a document (…印发《…》的通知). */
  notice: boolean;
  /** The title's lines joined, period lines included. */
  text: string;
  statusLines: string[];
}

/**
 * The title at `p`: a notice title or a document title, over one or two lines,
 * with the period or 试行 lines printed under it (part of the title) and the
 * status lines after them.
 */
function readTitle(lines: LogicalLine[], p: number, noticeOnly = false): TitleRead | undefined {
  const noticeMatch = noticeTitleAt(lines, p);
  const match = noticeMatch ?? (noticeOnly ? null : titleAt(lines, p));
  if (!match) return undefined;
  let end = match.end;
  while (end + 1 < lines.length && HEAD_CONSTRUCTS.titlePeriod.test(lines[end + 1].text.replace(/\s+/g, ''))) end++;
  let next = end + 1;
  const statusLines: string[] = [];
  while (next < lines.length && STATUS_LINE.test(lines[next].text)) statusLines.push(lines[next++].text);
  const text = lines
    .slice(match.start, end + 1)
    .map((l) => l.text)
    .join('');
  return { start: match.start, end, next, notice: noticeMatch !== null, text, statusLines };
}

/**
 * A title printed at the very head and again within a few lines (a database
 * export's heading over the document's own title): the first print is set aside.
 */
function repeatedTitle(lines: LogicalLine[]): LogicalLine[] {
  const first = lines[0];
  if (!first || !titleAt(lines, 0)) return [];
  const key = titleKey(first.text);
  for (let k = 1; k < Math.min(lines.length, REPEAT_WINDOW); k++) {
    // Only a line of about the title's length can repeat it (brackets and spaces may differ).
    if (Math.abs(lines[k].text.length - first.text.length) <= 4 && titleKey(lines[k].text) === key) return [first];
  }
  return [];
}

// Opening --------------------------------------------------------------------

/** The head's constructs read so far. */
interface Opening {
  /** Letterhead and registration lines, "文件", order head: kept as notice paragraphs. */
  headLines: LogicalLine[];
  letterhead: string[];
  letterheadLine?: number;
  orderIssuer?: string;
  orderLine?: number;
  number?: string;
  numberLine?: number;
  title?: TitleRead;
  recipients?: string;
  /** First line after the opening. */
  next: number;
}

/**
 * Reads the head's constructs from `p` in whatever order they are printed
 * (PDF extraction moves the 发文字号 above "文件"), then the 主送. Null when
 * there is none of them.
 */
function readOpening(lines: LogicalLine[], p: number, afterTitle = false): Opening | null {
  const start = p;
  const opening: Opening = { headLines: [], letterhead: [], next: p };
  for (let step = 0; step < 12 && p < lines.length; step++) {
    const text = lines[p].text;
    const order = orderIssuer(text);
    const number = readDocNumber(text) ?? (opening.orderIssuer !== undefined ? readOrderNumber(text) : undefined);
    if (!afterTitle && (HEAD_CONSTRUCTS.registration.test(text) || HEAD_CONSTRUCTS.documentWord.test(text))) {
      opening.headLines.push(lines[p++]);
    } else if (!opening.title && order !== undefined && opening.orderIssuer === undefined) {
      opening.orderIssuer = order;
      opening.orderLine = lines[p].lineStart;
      opening.headLines.push(lines[p++]);
    } else if (number !== undefined && opening.number === undefined) {
      opening.number = number;
      opening.numberLine = lines[p].lineStart;
      opening.headLines.push(lines[p++]);
    } else if (!afterTitle && !opening.title && isIssuerLike(text) && !isRecipients(text) && letterheadContinues(lines, p + 1)) {
      opening.letterhead.push(orgName(text));
      opening.letterheadLine ??= lines[p].lineStart;
      opening.headLines.push(lines[p++]);
    } else {
      const title = !afterTitle && !opening.title ? readTitle(lines, p) : undefined;
      if (!title || !(opening.headLines.length > 0 || title.notice)) break;
      opening.title = title;
      p = title.next;
    }
  }
  if (lines[p] && isRecipients(lines[p].text) && !MARKERS.sec.test(lines[p].text)) {
    opening.recipients = lines[p].text.replace(/[：:]$/, '');
    opening.headLines.push(lines[p++]);
  }
  opening.next = p;
  if (p === start) return null;
  if (!opening.title && opening.number === undefined && opening.recipients === undefined && opening.orderIssuer === undefined) return null;
  return opening;
}

/** After a letterhead line come more issuers, "文件", a 发文字号 or a title. */
function letterheadContinues(lines: LogicalLine[], k: number): boolean {
  for (let j = k; j < Math.min(lines.length, k + 8); j++) {
    const text = lines[j].text;
    if (HEAD_CONSTRUCTS.documentWord.test(text) || readDocNumber(text) !== undefined || orderIssuer(text) !== undefined) return true;
    if (noticeTitleAt(lines, j) || titleAt(lines, j)) return true;
    if (!isIssuerLike(text)) return false;
  }
  return false;
}

/** A notice without a title line whose text issues what follows it ("现将《…》印发给你们"). */
function issuesWhatFollows(lines: LogicalLine[], p: number): boolean {
  for (let k = p; k < Math.min(lines.length, p + 4); k++) {
    if (HEAD_CONSTRUCTS.issuing.test(lines[k].text)) return true;
    if (MARKERS.sec.test(lines[k].text)) return false;
  }
  return false;
}

// Notice closing --------------------------------------------------------------

/** Where a wrapping notice ends. */
interface NoticeClosing {
  /** Index of the notice's last line. */
  end: number;
  date?: string;
  /** Signature lines (names, or an order's signer). */
  signature: LogicalLine[];
  dateLine?: number;
  /** The notice has numbered items of its own before its date: it is a document itself. */
  ownItems: boolean;
}

/**
 * The notice's text runs from `p` to its 成文日期; the names just above the date
 * are its signature; 附注, contacts and an attachment label after the date belong
 * to it when the wrapped document's title follows them. Without a date it ends
 * before the document's title or first section.
 */
function readNoticeClosing(lines: LogicalLine[], p: number): NoticeClosing {
  let d = p;
  while (d < lines.length && d - p < NOTICE_WINDOW) {
    const text = lines[d].text;
    if (CLOSING_RULES.date.test(text)) break;
    if (MARKERS.sec.test(text) || MARKERS.chapter.test(text) || MARKERS.article.test(text)) {
      return { end: d - 1, signature: [], ownItems: hasDateAhead(lines, d) };
    }
    const title = titleAt(lines, d);
    if (title && d > p && (title.next >= lines.length || HEAD_RULES.preamble.test(lines[title.next].text) || MARKERS.sec.test(lines[title.next].text))) {
      return { end: d - 1, signature: [], ownItems: false };
    }
    d++;
  }
  if (d >= lines.length || !CLOSING_RULES.date.test(lines[d].text)) return { end: d - 1, signature: [], ownItems: false };
  const s = signatureAbove(lines, d, p);
  let end = d;
  while (end + 1 < lines.length && AFTER_DATE.test(lines[end + 1].text)) end++;
  // Contacts and an attachment label may stand between the notice and what it issues.
  for (let k = end + 1; k < Math.min(lines.length, end + 1 + AFTER_NOTICE_WINDOW); k++) {
    if (titleAt(lines, k) || noticeTitleAt(lines, k)) {
      if (lines.slice(end + 1, k).every((l) => !MARKERS.sec.test(l.text))) end = k - 1;
      break;
    }
    if (MARKERS.sec.test(lines[k].text)) break;
  }
  return { end, date: toIsoDate(lines[d].text), dateLine: lines[d].lineStart, signature: lines.slice(s, d), ownItems: false };
}

/** True when a 成文日期 follows within the notice's window: its numbered items are its own. */
function hasDateAhead(lines: LogicalLine[], d: number): boolean {
  for (let k = d; k < Math.min(lines.length, d + NOTICE_WINDOW * 2); k++) {
    if (CLOSING_RULES.date.test(lines[k].text)) return signatureAbove(lines, k) < k && nextIsTitle(lines, k);
  }
  return false;
}

/**
 * After the date (and its 附注), the end of the document or another document's title: the
 * notice's items were its own (a document forwarded after it is a document of its own).
 */
function nextIsTitle(lines: LogicalLine[], d: number): boolean {
  let k = d + 1;
  while (
    k < lines.length &&
    (AFTER_DATE.test(lines[k].text) || CLOSING_RULES.annotation.test(lines[k].text) || HEAD_CONSTRUCTS.attachmentLabel.test(lines[k].text))
  )
    k++;
  return k >= lines.length || titleAt(lines, k) !== null || noticeTitleAt(lines, k) !== null;
}

/** The notice node: every line of the notice except its title, as printed; issuers from letterhead or signature. */
function toNotice(lines: LogicalLine[], opening: Opening, closing: NoticeClosing, start = 0): Notice {
  const titleLines = opening.title ? lines.slice(opening.title.start, opening.title.end + 1) : [];
  const signatureNames = splitNames(closing.signature.map((l) => l.text).filter((t) => !isOfficialSignature(t)));
  const fromHead = headIssuers(opening);
  const issuers = fromHead?.issuers ?? signatureNames ?? [];
  const issuersFrom: Origin | undefined =
    fromHead?.from ?? (signatureNames && closing.signature[0] ? { part: 'signature', line: closing.signature[0].lineStart } : undefined);
  const first = lines[start];
  return {
    ...(opening.title && { title: opening.title.text }),
    issuers: unique(issuers),
    ...(issuers.length > 0 && issuersFrom && { issuersFrom }),
    ...(opening.number !== undefined && { number: opening.number, numberLine: opening.numberLine }),
    ...(opening.recipients !== undefined && { recipients: opening.recipients }),
    ...(closing.date !== undefined && { date: closing.date, dateLine: closing.dateLine }),
    paragraphs: lines
      .slice(start, closing.end + 1)
      .filter((l) => !titleLines.includes(l))
      .map(toParagraph),
    lineStart: first.lineStart,
    lineEnd: lines[closing.end].lineEnd,
  };
}

/** The 发文字号, letterhead and 主送 of a document issued directly, as a notice without title. */
function toDirectHeader(opening: Opening): Notice | undefined {
  const kept = opening.headLines;
  if (kept.length === 0) return undefined;
  const fromHead = headIssuers(opening);
  return {
    issuers: unique(fromHead?.issuers ?? []),
    ...(fromHead && { issuersFrom: fromHead.from }),
    ...(opening.number !== undefined && { number: opening.number, numberLine: opening.numberLine }),
    ...(opening.recipients !== undefined && { recipients: opening.recipients }),
    paragraphs: kept.map(toParagraph),
    lineStart: kept[0].lineStart,
    lineEnd: kept[kept.length - 1].lineEnd,
  };
}

/** The issuers an opening names: an order's head, or the letterhead. */
function headIssuers(opening: Opening): { issuers: string[]; from: Origin } | undefined {
  if (opening.orderIssuer !== undefined) return { issuers: [opening.orderIssuer], from: { part: 'order', line: opening.orderLine ?? 0 } };
  if (opening.letterhead.length > 0) return { issuers: opening.letterhead, from: { part: 'letterhead', line: opening.letterheadLine ?? 0 } };
  return undefined;
}

// Other readers ----------------------------------------------------------------

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

/** Index of a news headline: the line just above a byline near the top. */
function findHeadline(lines: LogicalLine[]): number | undefined {
  const byline = lines.slice(0, 5).findIndex((l) => BYLINE.test(l.text));
  if (byline < 1) return undefined;
  const text = lines[byline - 1].text;
  return text.length <= MAX_HEADLINE_LENGTH && !/[。；]/.test(text) ? byline - 1 : undefined;
}

/** Index where the 抄送/印发 footer starts, or `lines.length` when there is none. */
function findFooter(lines: LogicalLine[]): number {
  for (let k = Math.max(1, lines.length - FOOTER_WINDOW); k < lines.length; k++) if (FOOTER_START.test(lines[k].text)) return k;
  return lines.length;
}

/** The diagnostic for a document without a printed title. */
function noTitle(file: string, first: LogicalLine | undefined, notice: Notice | undefined): Diagnostic {
  const line = first?.lineStart ?? 0;
  const named = notice?.paragraphs
    .map((p) => p.text)
    .join('')
    .match(/《([^《》]+)》/)?.[1];
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
        hint: 'Give the title in the curated metadata for this document, or let the page show the title inferred from its text.',
      };
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
