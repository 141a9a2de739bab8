/**
 * Normalise, per physical line: cleans one line and records every change as a Normalisation. Numbers,
 * names and wording are never changed; tabs (flattened tables) are kept exactly.
 */
import type { Diagnostic, Normalisation, NormalisationKind } from '../model.ts';
import { stripMarkup } from '../markup.ts';
import {
  CJK_DIGIT_SPACE,
  CONTROL_CHAR,
  CONTROL_CHARS,
  GLOSS_START,
  GLUE,
  GLUED_HEADING,
  IDEOGRAPH,
  PAGE_NUMBER,
  PINYIN_GLOSS,
  PRIVATE_USE_CHARS,
} from '../rules/lines.ts';

/** One physical line after cleaning, with what was changed on it. */
export interface CleanLine {
  line: number;
  /** The line as it will appear in logical text ('' when blank or removed). */
  text: string;
  kind: 'blank' | 'page-number' | 'markup' | 'text';
  /** Display width of the trimmed original line (the width it had on the page). */
  width: number;
  hasTab: boolean;
  privateUse: boolean;
  /** Records for this line, in the order the changes were made. */
  records: Normalisation[];
  diagnostics: Diagnostic[];
}

/** Cleans one physical line: control characters, page numbers, edge spaces, markup, letterhead spacing, extraction spaces, pinyin glosses, private-use glyphs. */
export function cleanLine(file: string, raw: string, line: number, markdown: boolean): CleanLine {
  const records: Normalisation[] = [];
  const diagnostics: Diagnostic[] = [];
  const record = (kind: NormalisationKind, before: string, after: string) => records.push({ kind, line, before, after });

  let text = raw;
  if (CONTROL_CHAR.test(text)) {
    const found = [...new Set(text.match(CONTROL_CHARS))].map(codePoint).join(', ');
    const cleaned = text.replace(CONTROL_CHARS, '');
    record('control-char', text, cleaned);
    diagnostics.push({
      severity: 'warning',
      code: 'normalise/control-char',
      message: `Control character(s) ${found} removed from line ${line}`,
      file,
      line,
      hint: 'The extraction left invisible control characters; check the line against the original document.',
    });
    text = cleaned;
  }

  const trimmed = trimSpaces(text);
  const blank = { line, text: '', width: 0, hasTab: false, privateUse: false, records, diagnostics };
  if (isBlank(trimmed)) return { ...blank, kind: 'blank' };
  if (PAGE_NUMBER.test(trimmed)) {
    record('page-number', trimmed, '');
    return { ...blank, kind: 'page-number' };
  }
  const edges = text.length - trimmed.length;
  if (edges > 0 && isNotableEdge(text, trimmed)) record('edge-space', text, trimmed);

  const width = displayWidth(trimmed);
  text = trimmed;
  if (markdown) {
    const stripped = stripMarkup(text, false);
    if (stripped !== null) {
      const kept = trimSpaces(stripped);
      record('markup', text, kept);
      if (isBlank(kept)) return { ...blank, kind: 'markup' };
      text = kept;
    }
  }
  const letterhead = closeLetterhead(text);
  if (letterhead !== null) {
    record('letterhead-spacing', text, letterhead);
    text = letterhead;
  }
  if (text.includes(' ') || text.includes('\u00a0')) {
    const closed = text.replace(CJK_DIGIT_SPACE, '');
    if (closed !== text) {
      record('cjk-digit-space', text, closed);
      text = closed;
    }
  }
  if (GLOSS_START.test(text)) {
    const unglossed = text.replace(PINYIN_GLOSS, '');
    if (unglossed !== text) {
      record('pinyin-gloss', text, unglossed);
      text = unglossed;
    }
  }
  const glyphs = text.match(PRIVATE_USE_CHARS);
  if (glyphs) {
    const unique = [...new Set(glyphs)];
    record('private-use', glyphs.join(''), glyphs.join(''));
    diagnostics.push({
      severity: 'warning',
      code: 'normalise/private-use',
      message: `Private-use glyph(s) ${unique.map(codePoint).join(', ')} kept on line ${line}: "${excerpt(text, text.indexOf(glyphs[0]))}"`,
      file,
      line,
      hint: 'PDF extraction could not map these glyphs to characters; look them up in the original document.',
    });
  }
  return { line, text, kind: 'text', width, hasTab: text.includes('\t'), privateUse: glyphs !== null, records, diagnostics };
}

/** A front matter block longer than this is not one. */
const FRONT_MATTER_MAX_LINES = 60;

/**
 * Index of the closing fence of a YAML front matter block at the top of the file
 * ("---" … "---"), or -1: its lines are left as they are for the chrome stage to read.
 */
export function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trim() !== '---') return -1;
  for (let i = 1; i < Math.min(lines.length, FRONT_MATTER_MAX_LINES); i++) {
    const text = lines[i].trim();
    if (text === '---' || text === '...') return i;
  }
  return -1;
}

/** Display width in columns: CJK, full-width forms and Chinese quotes/dashes count 2, everything else 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const wide =
      (c >= 0x1100 &&
        (c <= 0x115f ||
          (c >= 0x2e80 && c <= 0xa4cf) ||
          (c >= 0xac00 && c <= 0xd7a3) ||
          (c >= 0xf900 && c <= 0xfaff) ||
          (c >= 0xfe30 && c <= 0xfe4f) ||
          (c >= 0xff00 && c <= 0xff60) ||
          (c >= 0xffe0 && c <= 0xffe6))) ||
      c === 0x2014 ||
      (c >= 0x2018 && c <= 0x201d) ||
      c === 0x2026;
    // A surrogate pair (CJK extension B…) counts 1 + 1 = 2, as it should.
    width += wide ? 2 : 1;
  }
  return width;
}

/** Trims spaces (ASCII, no-break, ideographic, BOM) from both ends, but never tabs: a leading tab is an empty table cell. */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
}

/** Whitespace only (tabs included): such a line carries no content. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x09 && !isSpace(c)) return false;
  }
  return true;
}

/**
 * Splits a line where a numbered heading was glued after a sentence end (see GLUED_HEADING) into
 * two lines with the same line number (null when there is none); the heading keeps the full line's
 * width, so a heading wrapped at the margin is still joined to its continuation.
 */
export function splitGluedHeading(line: CleanLine): CleanLine[] | null {
  if (line.kind !== 'text' || line.hasTab) return null;
  // Cheap first: the glue is a sentence end and a space, which most Chinese lines do not hold.
  if (!GLUE.test(line.text)) return null;
  const m = GLUED_HEADING.exec(line.text);
  if (!m) return null;
  // m[0] is the sentence end and the gap after it; the heading starts after the gap.
  const before = line.text.slice(0, m.index + 1);
  const heading = line.text.slice(m.index + m[0].length);
  line.records.push({
    kind: 'glued-heading',
    line: line.line,
    before: line.text.slice(m.index, m.index + m[0].length + 2),
    after: `${before.slice(-1)}\n${heading.slice(0, 2)}`,
  });
  return [
    { ...line, text: before, width: displayWidth(before) },
    { ...line, text: heading, records: [], diagnostics: [] },
  ];
}

/** Edge whitespace worth recording: typographic spaces (U+3000…) or a run of 4+ (alignment), not a stray space. */
function isNotableEdge(text: string, trimmed: string): boolean {
  const start = text.indexOf(trimmed);
  const edges = text.slice(0, start) + text.slice(start + trimmed.length);
  return edges.length >= 4 || /[^ ]/.test(edges);
}

/** "济 南 市 人 民 政 府" → "济南市人民政府" when (nearly) every ideograph is spaced out by single spaces; null otherwise. */
function closeLetterhead(text: string): string | null {
  if (!text.includes(' ') && !text.includes('\u3000')) return null;
  let ideographs = 0;
  let spaced = 0;
  let adjacent = 0;
  let gap = -1; // spaces since the last ideograph; -1 before the first one
  for (const ch of text) {
    if (ch === ' ' || ch === '\u3000') {
      if (gap < 0 || ++gap > 1) return null;
    } else if (IDEOGRAPH.test(ch)) {
      ideographs++;
      if (gap === 0) adjacent++;
      else if (gap === 1) spaced++;
      gap = 0;
    } else return null;
  }
  if (ideographs < 3 || spaced < 2 || adjacent > spaced * 0.2) return null;
  return text.replace(/[ \u3000]/g, '');
}

function excerpt(text: string, at: number): string {
  return text.slice(Math.max(0, at - 10), at + 10);
}

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
