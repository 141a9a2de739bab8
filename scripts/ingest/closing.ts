/**
 * The end of a document (GB/T 9704 主体 after 正文): 附件说明 ("附件：1.…"), 署名,
 * 成文日期 and 附注 ("（此件公开发布）"), then the attachments printed after it
 * (附件1 …, 附录2：…), each with its heading and text. The body parser never sees
 * these lines, so an attachment list is not taken for numbered items of the last
 * article, and an attachment's own 一、（一） do not continue the body's numbering.
 */
import type { Closing, LogicalLine, Paragraph } from './model.ts';
import { isIssuerLike, isNameLine, isOfficialSignature, splitNames } from './issuers.ts';
import { CLOSING_RULES } from './rules/closing.ts';
import { MARKERS, TOC_ENTRY } from './rules/markers.ts';
import { readMarker } from './hierarchy/lexer.ts';

/** The lines of one attachment: its heading and its text. */
export interface AttachmentLines {
  /** "附件1", "附录2：", "附件" as printed, with the colon after it. */
  marker: string;
  /** The attachment's title ('' when it prints none). */
  title: string;
  /** The heading line(s): the marker line and a title line under it. */
  heading: LogicalLine[];
  /** The attachment's text. */
  lines: LogicalLine[];
}

/** A document's lines after its head, divided. */
export interface DocumentEnd {
  body: LogicalLine[];
  closing?: Closing;
  attachments: AttachmentLines[];
}

// Stage thresholds (the rules are in rules/) ---------------------------------

/** A 附件说明 is followed by its signature within this many lines (the attachment names). */
const ATTACHMENT_NOTE_SPAN = 6;
/** An attachment title is at most this long. */
const MAX_ATTACHMENT_TITLE = 60;

// Entry point ----------------------------------------------------------------

/** Divides a document's lines after its head into body, closing and attachments. */
export function readDocumentEnd(lines: LogicalLine[]): DocumentEnd {
  const attachStart = findAttachments(lines);
  const before = lines.slice(0, attachStart);
  const closingStart = findClosing(before);
  const closingLines = before.slice(closingStart);
  return {
    body: before.slice(0, closingStart),
    ...(closingLines.length > 0 && { closing: toClosing(closingLines) }),
    attachments: splitAttachments(lines.slice(attachStart)),
  };
}

/** Reads a 成文日期 ("2024 年 10 月 24 日", "二〇二四年十月二十四日") as YYYY-MM-DD. */
export function toIsoDate(text: string): string | undefined {
  const m = text.replace(/\s+/g, '').match(/^(.{4})年(.{1,3})月(.{1,3})日$/);
  if (!m) return undefined;
  const digit = (c: string) => (/\d/.test(c) ? c : String('〇一二三四五六七八九'.indexOf(c === '零' || c === '○' ? '〇' : c)));
  const year = [...m[1]].map(digit).join('');
  const [month, day] = [chineseNumber(m[2]), chineseNumber(m[3])];
  if (!/^\d{4}$/.test(year) || !(month >= 1 && month <= 12) || !(day >= 1 && day <= 31)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 1–31 in Arabic or Chinese numerals (十, 二十四, 三十一). */
function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const d = (c: string | undefined) => (c === undefined ? 0 : '〇一二三四五六七八九'.indexOf(c));
  const [a, b, c] = [...text];
  if (text.length === 1) return a === '十' ? 10 : d(a);
  if (a === '十') return 10 + d(b);
  if (b === '十') return d(a) * 10 + (c === undefined ? 0 : d(c));
  return Number.NaN;
}

/** The signature lines just above line `d` (names, or an official's title and name). */
export function signatureAbove(lines: LogicalLine[], d: number, from = 0): number {
  let s = d;
  while (s > from && (isNameLine(lines[s - 1].text) || isOfficialSignature(lines[s - 1].text)) && !isHeadingLike(lines[s - 1].text)) s--;
  if (s === d) return d;
  const texts = lines.slice(s, d).map((l) => l.text);
  if (texts.some(isOfficialSignature) || splitNames(texts) !== undefined) return s;
  // Some lines above are names and some are not: keep only the trailing names.
  while (s < d && splitNames(lines.slice(s, d).map((l) => l.text)) === undefined) s++;
  return s;
}

/** A numbered heading or a title is never a signature line. */
function isHeadingLike(text: string): boolean {
  return readMarker(text) !== null || MARKERS.box.test(text);
}

// Closing --------------------------------------------------------------------

/**
 * Index where the closing starts: the 附件说明, signature, date and 附注 at the end
 * of `lines`; lines.length when there is none.
 */
function findClosing(lines: LogicalLine[]): number {
  let end = lines.length;
  while (end > 0 && CLOSING_RULES.annotation.test(lines[end - 1].text)) end--;
  let start = end;
  const last = lines[end - 1];
  if (last && CLOSING_RULES.date.test(last.text)) start = signatureAbove(lines, end - 1);
  else if (last && isIssuerLike(last.text) && end >= 2 && /[。！!]$/.test(lines[end - 2].text)) {
    start = signatureAbove(lines, end); // a signature without a date ("民政部" closing a reply)
  }
  if (start === end && end === lines.length) return findAttachmentNote(lines, lines.length) ?? lines.length;
  return findAttachmentNote(lines, start) ?? start;
}

/** The 附件说明 ending right before `end`: "附件：…" and the list items after it. */
function findAttachmentNote(lines: LogicalLine[], end: number): number | undefined {
  for (let k = end - 1; k >= Math.max(0, end - ATTACHMENT_NOTE_SPAN); k--) {
    const m = CLOSING_RULES.attachment.exec(lines[k].text);
    if (!m) continue;
    const between = lines.slice(k + 1, end);
    if (between.every((l) => CLOSING_RULES.listItem.test(l.text) || !/[。；]/.test(l.text))) return k;
  }
  return undefined;
}

/** The closing node: names and date read, every line kept as printed. */
function toClosing(lines: LogicalLine[]): Closing {
  const d = lines.findLastIndex((l) => CLOSING_RULES.date.test(l.text));
  const dateLine = d >= 0 ? d : lines.length;
  const s = signatureAbove(lines, dateLine);
  const signature = lines
    .slice(s, dateLine)
    .map((l) => l.text)
    .filter((t) => !isOfficialSignature(t));
  const date = d >= 0 ? toIsoDate(lines[d].text) : undefined;
  return {
    issuers: splitNames(signature) ?? [],
    ...(date !== undefined && { date }),
    ...(d >= 0 && { dateLine: lines[d].lineStart }),
    ...(s < dateLine && { signatureLine: lines[s].lineStart }),
    paragraphs: lines.map(toParagraph),
    lineStart: lines[0].lineStart,
    lineEnd: lines[lines.length - 1].lineEnd,
  };
}

// Attachments ----------------------------------------------------------------

/**
 * Index of the first attachment heading (lines.length when none). A "附件：…" that a
 * signature and date follow is the 附件说明, not an attachment; so is one whose
 * next lines list the attachments ("附件：1.… / 2.…").
 */
function findAttachments(lines: LogicalLine[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].text.startsWith('附')) continue; // cheap first: every heading starts so
    const m = CLOSING_RULES.attachment.exec(lines[i].text);
    if (!m || TOC_ENTRY.test(lines[i].text)) continue;
    const rest = m[3] ?? '';
    if (CLOSING_RULES.listItem.test(rest) || CLOSING_RULES.listItem.test(lines[i + 1]?.text ?? '')) continue;
    if (signatureFollows(lines, i + 1)) continue;
    return i;
  }
  return lines.length;
}

/** True when, within a few lines from `j`, name lines and then a 成文日期 follow (a signature). */
function signatureFollows(lines: LogicalLine[], j: number): boolean {
  for (let k = j; k < Math.min(lines.length, j + ATTACHMENT_NOTE_SPAN); k++) {
    if (CLOSING_RULES.date.test(lines[k].text)) return signatureAbove(lines, k, j) < k;
  }
  return false;
}

/** Splits the lines from the first attachment heading into attachments. */
function splitAttachments(lines: LogicalLine[]): AttachmentLines[] {
  const out: AttachmentLines[] = [];
  for (const line of lines) {
    const m = TOC_ENTRY.test(line.text) ? null : CLOSING_RULES.attachment.exec(line.text);
    if (m) {
      // The marker keeps the colon printed after it ("附件：名词解释"), so marker + title is the line.
      const marker = line.text.slice(0, line.text.length - (m[3]?.length ?? 0));
      out.push({ marker, title: (m[3] ?? '').trim(), heading: [line], lines: [] });
      continue;
    }
    const current = out.at(-1);
    if (!current) continue;
    if (current.title === '' && current.lines.length === 0 && isAttachmentTitle(line.text)) {
      current.title = line.text;
      current.heading.push(line);
    } else current.lines.push(line);
  }
  return out;
}

/** A line under an attachment heading that is its title: short, not numbered, not a sentence, not a form number. */
function isAttachmentTitle(text: string): boolean {
  return text.length <= MAX_ATTACHMENT_TITLE && !/^\d/.test(text) && readMarker(text) === null && !/[。；，]/.test(text);
}

function toParagraph(line: LogicalLine): Paragraph {
  return { type: 'paragraph', text: line.text, lineStart: line.lineStart, lineEnd: line.lineEnd };
}
