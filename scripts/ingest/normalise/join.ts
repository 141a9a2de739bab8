/**
 * Normalise, joining: physical lines → logical lines. Hard-wrapped lines are joined (no space
 * inserted between Chinese), lone page numbers inside a sentence dropped; every join is recorded.
 */
import type { LogicalLine, Normalisation } from '../model.ts';
import { MARKERS } from '../rules/markers.ts';
import { LONE_NUMBER, SENTENCE_END } from '../rules/lines.ts';
import {
  BLOCK_START,
  BRACKET_PAIRS,
  CLAUSE_PUNCT,
  CONTINUATION_START,
  DATE_UNIT_TOKEN,
  FULL_STOPS,
  INNER_PUNCT_TOKEN,
  LEADER_ONLY,
  NUMBER_CONTINUES,
  OPENER_TOKEN,
  PRINTED_ON,
  QUOTE_CLOSERS,
  SINGLE_IDEOGRAPH,
  TITLE_END,
} from '../rules/joins.ts';
import type { CleanLine } from './clean-line.ts';
import { endKind, isNumberToken } from './line-end.ts';
import type { WrapProfile } from './wrap-profile.ts';

/** In one-paragraph-per-line files, this many blank lines in a row always separate paragraphs (documents are separated so). */
const PARAGRAPH_GAP = 2;
/** Longest bracketed aside, e.g. "（网）", that may end a wrapped line without ending the sentence. */
const MAX_INLINE_ASIDE = 12;

interface Building {
  text: string;
  lineStart: number;
  lineEnd: number;
  privateUse: boolean;
  /** The last physical line joined in: the one a wrap would continue. */
  last: CleanLine;
}

/** Joins cleaned lines into logical lines where the evidence says a line continues the one before, recording each join (and each lone page number dropped). */
export function joinLines(lines: CleanLine[], profile: WrapProfile, records: Normalisation[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  const nextText = nextTextIndex(lines);
  let current: Building | null = null;
  let blankRun = 0;
  const flush = () => {
    if (current) out.push(toLogical(current));
    current = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'blank') {
      blankRun++;
      continue;
    }
    if (line.kind === 'page-number' || line.kind === 'markup') continue;
    const building: Building | null = current;
    if (building && isLonePageNumber(lines, i, nextText[i + 1], building.last, profile)) {
      records.push({ kind: 'page-number', line: line.line, before: line.text, after: '' });
      continue;
    }
    if (building && shouldJoin(building.last, line, blankRun, profile)) {
      const seam = /[A-Za-z]$/.test(building.text) && /^[A-Za-z]/.test(line.text) ? ' ' : '';
      records.push({ kind: 'wrap-join', line: building.last.line, before: tail(building.last.text), after: tail(building.last.text) + seam + head(line.text) });
      building.text += seam + line.text;
      building.lineEnd = line.line;
      building.privateUse ||= line.privateUse;
      building.last = line;
    } else {
      flush();
      current = { text: line.text, lineStart: line.line, lineEnd: line.line, privateUse: line.privateUse, last: line };
    }
    blankRun = 0;
  }
  flush();
  return out;
}

export function toLogical(b: Building): LogicalLine {
  const logical: LogicalLine = { text: b.text, lineStart: b.lineStart, lineEnd: b.lineEnd };
  if (b.privateUse) logical.flags = ['private-use'];
  return logical;
}

/** For each index, the index of the first text line at or after it (lines.length when none). */
export function nextTextIndex(lines: CleanLine[]): Int32Array {
  const next = new Int32Array(lines.length + 1).fill(lines.length);
  for (let i = lines.length - 1; i >= 0; i--) next[i] = lines[i].kind === 'text' ? i : next[i + 1];
  return next;
}

/** A bare "19" is a page number only in a hard-wrapped file, set off by a blank line, inside a sentence that continues after it. */
export function isLonePageNumber(lines: CleanLine[], i: number, nextIndex: number, prev: CleanLine, profile: WrapProfile): boolean {
  const line = lines[i];
  if (!profile.hardWrapped || !LONE_NUMBER.test(line.text)) return false;
  const setOff = lines[i - 1]?.kind !== 'text' || lines[i + 1]?.kind !== 'text';
  const next = lines[nextIndex];
  return setOff && next !== undefined && shouldJoin(prev, next, 0, profile);
}

/** Decides by evidence whether `next` continues the sentence that `prev` (the last line joined so far) was cut in. */
export function shouldJoin(prev: CleanLine, next: CleanLine, blankRun: number, profile: WrapProfile): boolean {
  if (prev.hasTab || next.hasTab) return false; // table rows are the table parser's business
  if (startsBlock(next.text)) return false;
  if (!profile.hardWrapped && blankRun >= PARAGRAPH_GAP) return false;
  if (CONTINUATION_START.test(next.text)) return true;
  // A bracket alone on a line was cut from its content; leader dots alone continue a contents entry.
  if (OPENER_TOKEN.test(prev.text) || LEADER_ONLY.test(next.text)) return true;
  if (profile.tokenSplit && joinsTokens(prev.text, next.text)) return true;
  const end = endKind(prev.text);
  if (profile.hardWrapped) {
    if (prev.width < profile.fullWidth) return false; // a short line ended where its author ended it
    if (prev.text.endsWith('印发') && PRINTED_ON.test(prev.text)) return false; // the 版记's "…印发" line ends a document
    // Measured: the one full line ending in "；" in the PDF seeds (000:51) is mid-paragraph.
    if (end === 'open' || end === 'clause' || end === 'semicolon') return true;
    if (end === 'soft') return softEndContinues(prev.text);
    if (end === 'colon') return hasUnclosedBracket(prev.text); // "（责任单位：" cut at the margin
    return false;
  }
  // One paragraph per line: only a visibly cut sentence is joined.
  if (isHeading(prev.text)) return false;
  if (end === 'clause') return true;
  if (end !== 'open') return false;
  return CLAUSE_PUNCT.test(stripMarker(prev.text)) && !TITLE_END.test(prev.text) && isRunningText(next.text);
}

/**
 * In a file split into tokens: a number or a bracket alone on a line belongs to the sentence around
 * it, a date unit to the number after it, and single ideographs on consecutive lines to one word.
 */
function joinsTokens(prev: string, next: string): boolean {
  const prevIsToken = isNumberToken(prev) || INNER_PUNCT_TOKEN.test(prev);
  if ((isNumberToken(next) || OPENER_TOKEN.test(next)) && !isHeading(prev) && !TITLE_END.test(prev)) {
    const end = endKind(prev);
    if (end === 'open' || end === 'clause' || prevIsToken) return true;
  }
  if (isNumberToken(prev) && NUMBER_CONTINUES.test(next)) return true;
  if (DATE_UNIT_TOKEN.test(prev) && isNumberToken(next)) return true;
  return SINGLE_IDEOGRAPH.test(prev) && SINGLE_IDEOGRAPH.test(next) && !/[年月日号]/.test(prev);
}

function startsBlock(text: string): boolean {
  for (const rule of BLOCK_START) if (rule.test(text)) return true;
  return false;
}

/**
 * A closing quote or a short inline bracket ("“一区多园”", "（网）") at the margin does not end the
 * sentence unless a full stop sits inside it; a bracket opened on an earlier line, or one holding a
 * colon, is an attribution like "（责任单位：…）" that ends the paragraph.
 */
function softEndContinues(text: string): boolean {
  const close = text[text.length - 1];
  if (FULL_STOPS.includes(text[text.length - 2] ?? '')) return false;
  if (QUOTE_CLOSERS.includes(close)) return true;
  const open = BRACKET_PAIRS[close];
  const start = text.lastIndexOf(open);
  if (start < 0) return false;
  const aside = text.slice(start + 1, -1);
  return aside.length <= MAX_INLINE_ASIDE && !/[：:]/.test(aside);
}

function hasUnclosedBracket(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
  }
  return depth > 0;
}

/** A numbered heading: a marker and no full stop after it ("一、总体要求", "（一）实施…行动"). */
function isHeading(text: string): boolean {
  const body = stripMarker(text);
  return body !== text && !/[。.．]/.test(body);
}

function stripMarker(text: string): string {
  for (const rule of [MARKERS.sec, MARKERS.subsec, MARKERS.item, MARKERS.point]) {
    const m = rule.exec(text);
    if (m) return text.slice(m[0].length);
  }
  return text;
}

/** Running text, not a caption or byline: it has clause punctuation or ends a sentence. */
function isRunningText(text: string): boolean {
  return CLAUSE_PUNCT.test(text) || SENTENCE_END.test(text);
}

// ---------------------------------------------------------------------------
// Small helpers

const SEAM_CONTEXT = 8;

function tail(text: string): string {
  return [...text.slice(-SEAM_CONTEXT * 2)].slice(-SEAM_CONTEXT).join('');
}

function head(text: string): string {
  return [...text.slice(0, SEAM_CONTEXT * 2)].slice(0, SEAM_CONTEXT).join('');
}
