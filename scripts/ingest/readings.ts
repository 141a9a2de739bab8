/**
 * Stage 6 helper: every value the text itself states for title, kind, issuer,
 * 发文字号 and 成文日期, each with where it was read, in the order a reader trusts
 * them (GB/T 9704): the title line over the notice that issues it; the letterhead
 * or an order's head over the signature over the title's own issuer; the
 * 发文字号 line; the 成文日期 under the signature. A history note ("…令第20号公布")
 * and, last, the lines set aside around the document (web page, export header,
 * front matter) complete what the text leaves out. metadata.ts picks the first.
 */
import type { Origin, ParsedDocument, SourceField } from './model.ts';
import { issuersInTitle } from './issuers.ts';
import { kindOfSelfReference, kindOfTitle } from './kinds.ts';
import { inferTitle } from './title-inference.ts';
import { blockText } from './hierarchy/block-text.ts';
import { READING_RULES } from './rules/readings.ts';

/** One value read from the text, and where. */
export interface Reading<T> {
  value: T;
  from: Origin;
}

/** How many paragraphs from the start the self-reference of a document is looked for. */
const SELF_REFERENCE_PARAGRAPHS = 6;

// Title ------------------------------------------------------------------------

/**
 * The titles the text prints, or names through the notice that issues it, in the order they are
 * trusted; a generator, so that a caller taking the first computes no more.
 */
export function* titleReadings(doc: ParsedDocument): Generator<Reading<string>> {
  const line = doc.titleSpan?.lineStart ?? doc.span.lineStart;
  if (doc.title) yield { value: doc.title, from: { part: 'title', line } };
  const notice = doc.notice;
  if (notice?.title) {
    const cited = READING_RULES.noticeTitle.exec(notice.title)?.[1];
    if (cited) yield { value: cited.trim(), from: { part: 'notice-title', line: notice.lineStart } };
  }
  for (const p of notice?.paragraphs ?? []) {
    if (!p.text.includes('《')) continue;
    const cited = READING_RULES.issued.exec(p.text)?.[1];
    if (cited) yield { value: cited.trim(), from: { part: 'cited-title', line: p.lineStart } };
  }
}

/** The first of a generator's values, or undefined. */
export function first<T>(values: Iterable<T>): T | undefined {
  for (const value of values) return value;
  return undefined;
}

/** A title inferred from what the text says of itself, or undefined. */
export function inferredTitle(doc: ParsedDocument): Reading<string> | undefined {
  const inferred = inferTitle(firstParagraphs(doc));
  return inferred && { value: inferred.title, from: { part: 'self-reference', line: inferred.line } };
}

/** The title a set-aside field gives (a web page's 名称; the document a notice title there issues). */
export function fieldTitle(field: SourceField | undefined): Reading<string> | undefined {
  if (!field) return undefined;
  const cited = READING_RULES.noticeTitle.exec(field.value)?.[1];
  return { value: cited ?? field.value, from: { part: field.from, line: field.line } };
}

// Kind ---------------------------------------------------------------------------

/**
 * The kind: the word the title ends in; a notice whose issued text is absent is a
 * 通知; otherwise the word the text uses for itself.
 */
export function kindReading(doc: ParsedDocument, title: Reading<string> | undefined): Reading<string> | undefined {
  const printedTitle = title && ['title', 'web-page', 'export', 'front-matter'].includes(title.from.part);
  if (title && printedTitle) {
    const kind = kindOfTitle(title.value);
    if (kind) return { value: kind, from: title.from };
  }
  if (doc.notice && issuedTextAbsent(doc)) return { value: '通知', from: { part: 'notice-title', line: doc.notice.lineStart } };
  if (title && title.from.part !== 'self-reference') {
    const kind = kindOfTitle(title.value);
    if (kind) return { value: kind, from: title.from };
  }
  // No printed title: the most specific word the text uses for itself (本行动计划 over 本计划).
  const paragraphs = firstParagraphs(doc, Number.POSITIVE_INFINITY);
  const self = kindOfSelfReference(paragraphs.map((p) => p.text));
  return self ? { value: self, from: { part: 'self-reference', line: paragraphs[0]?.line ?? doc.span.lineStart } } : undefined;
}

/** A notice that issues a document whose text is not in the file (a cover page): no body at all. */
function issuedTextAbsent(doc: ParsedDocument): boolean {
  return !doc.title && doc.preamble.length === 0 && doc.body.length === 0;
}

// Issuer, number, date ----------------------------------------------------------------

/** Issuers the text prints: letterhead or order, signature, the title's own issuer, a history note. */
export function* issuerReadings(doc: ParsedDocument): Generator<Reading<string[]>> {
  const notice = doc.notice;
  if (notice && notice.issuers.length > 0) yield { value: notice.issuers, from: notice.issuersFrom ?? { part: 'signature', line: notice.lineStart } };
  const closing = doc.closing;
  if (closing && closing.issuers.length > 0) yield { value: closing.issuers, from: { part: 'signature', line: closing.signatureLine ?? closing.lineStart } };
  for (const [title, from] of [
    [doc.title, { part: 'title', line: doc.titleSpan?.lineStart ?? doc.span.lineStart }],
    [notice?.title, { part: 'notice-title', line: notice?.lineStart ?? 0 }],
  ] as const) {
    const names = title ? issuersInTitle(title.replace(/[\s\u3000]+/g, ' ')) : [];
    if (names.length > 0) yield { value: names, from };
  }
  const note = promulgation(doc);
  if (note) yield { value: [note.issuer], from: note.from };
}

/** 发文字号 the text prints: the number line (or an order's number), a history note. */
export function* numberReadings(doc: ParsedDocument): Generator<Reading<string>> {
  const notice = doc.notice;
  if (notice?.number)
    yield { value: notice.number, from: { part: notice.issuersFrom?.part === 'order' ? 'order' : 'number-line', line: notice.numberLine ?? notice.lineStart } };
  const note = promulgation(doc);
  if (note) yield { value: note.number, from: note.from };
}

/** 成文日期 the text prints: under the notice's or the document's signature, a history note. */
export function* dateReadings(doc: ParsedDocument): Generator<Reading<string>> {
  const notice = doc.notice;
  if (notice?.date) yield { value: notice.date, from: { part: 'date-line', line: notice.dateLine ?? notice.lineEnd } };
  const closing = doc.closing;
  if (closing?.date) yield { value: closing.date, from: { part: 'date-line', line: closing.dateLine ?? closing.lineEnd } };
  const note = promulgation(doc);
  if (note) yield { value: note.date, from: note.from };
}

/** A date field (2021.10.18, 2021-10-18, 2021年10月18日) as YYYY-MM-DD, or undefined. */
export function isoDateOf(text: string): string | undefined {
  const m = READING_RULES.anyDate.exec(text.trim());
  if (!m) return undefined;
  const [month, day] = [Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The promulgation note of each document, read once (issuer, number and date all ask for it). */
const promulgations = new WeakMap<ParsedDocument, ReturnType<typeof readPromulgation>>();

/** The history note that names the promulgating order: under the title, or a paragraph of the preamble. */
function promulgation(doc: ParsedDocument): { issuer: string; number: string; date: string; from: Origin } | undefined {
  if (!promulgations.has(doc)) promulgations.set(doc, readPromulgation(doc));
  return promulgations.get(doc);
}

function readPromulgation(doc: ParsedDocument): { issuer: string; number: string; date: string; from: Origin } | undefined {
  const preamble = doc.preamble.slice(0, 3).flatMap((b) => (b.type === 'paragraph' ? [{ text: b.text, line: b.lineStart }] : []));
  const texts = [...doc.subtitle.map((text) => ({ text, line: doc.titleSpan?.lineEnd ?? doc.span.lineStart })), ...preamble];
  for (const { text, line } of texts) {
    if (!text.includes('令')) continue; // cheap first
    const m = READING_RULES.promulgation.exec(text);
    if (!m) continue;
    const date = isoDateOf(m[1].replace(/\s+/g, ''));
    if (date) return { issuer: m[2], number: m[3].replace(/\s+/g, ''), date, from: { part: 'promulgation', line } };
  }
  return undefined;
}

/** The document's first paragraphs (preamble, then the body's text), with their lines. */
function firstParagraphs(doc: ParsedDocument, limit = SELF_REFERENCE_PARAGRAPHS): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  for (const block of [...doc.preamble, ...doc.body]) {
    if (out.length >= limit) break;
    out.push({ text: blockText(block), line: block.lineStart });
  }
  return out;
}
