/**
 * Stage 2 — normalise: physical lines → logical lines.
 *
 * Repairs what PDF/web extraction did to the text and records every change as a Normalisation, so
 * the original-text page can show it: hard-wrapped lines are joined (no space inserted), page
 * numbers dropped, spaced-out letterheads closed up, extraction spaces between Chinese and
 * digits/Latin removed, control characters removed, private-use glyphs flagged. Numbers, names and
 * wording are never changed; tabs (flattened tables) are kept exactly.
 *
 * Whether a file is hard-wrapped is measured per file (see `measureWrap`): PDF extractions put
 * ~30 characters on every line, so most lines sit at one width and stop mid-sentence; web
 * extractions put a paragraph on a line. Only in hard-wrapped files is "full line, no sentence
 * end" enough to join; elsewhere a join needs a visibly cut sentence.
 */
import type { Diagnostic, LogicalLine, Normalisation, NormalisationKind, NormalisedFile, SourceFile } from './model.ts';
import { MARKERS, SENTENCE_END } from './rules.ts';
import { looksLikeMarkdown, stripMarkup } from './markup.ts';
import { COMPATIBILITY, CJK_PUNCTUATION, EXTENSION_A, FULL_WIDTH, HAN_CHAR, UNIFIED } from '../../shared/document/cjk.ts';
import { ABOUT_TITLE_WORDS, kindWordsPattern, UNWRAPPED_TITLE_WORDS } from '../../shared/document/kind-words.ts';

/** How a file's lines are laid out, measured from the file itself. */
export interface WrapProfile {
  /** True when the file is hard-wrapped at a fixed width (a PDF extraction). */
  hardWrapped: boolean;
  /** The typical full line width in display columns (CJK = 2): the 80th-percentile text-line width. */
  typicalWidth: number;
  /** Lines at least this wide count as filled to the right margin. */
  fullWidth: number;
  /** Text lines measured (non-blank, no tab, not a page number). */
  textLines: number;
  /** Share of text lines that are full and stop mid-sentence. */
  wrappedShare: number;
  /**
   * True when a web extraction put every styled run on a line of its own
   * ("2021" / "年" / "2" / "月"): numbers then sit alone between the words of a sentence.
   */
  tokenSplit: boolean;
}

/** A non-whitespace character of the seed that is neither in the output text nor in a recorded removal. */
export interface UnaccountedCharacter {
  line: number;
  char: string;
}

// ---------------------------------------------------------------------------
// Stage rules

/** Percentile of text-line widths taken as the typical full line width. */
const WIDTH_PERCENTILE = 0.8;
/** Share of the typical width a line must reach to count as full (paragraph first lines are indented two characters). */
const FULL_LINE_SHARE = 0.85;
/** A file is hard-wrapped when at least this share of its text lines are full and stop mid-sentence (measured: 0.80 and 0.85 in the PDF seeds, ≤ 0.01 in the others). */
const HARD_WRAP_SHARE = 0.3;
/**
 * A file is split into tokens when at least this many numbers stand alone on a line inside a
 * sentence, and they are at least TOKEN_SPLIT_SHARE of its text lines (measured: 122 of 453 lines
 * in the Tianjin web page of the corpus; at most 1 in every other corpus file and seed).
 */
const TOKEN_SPLIT_MIN = 10;
const TOKEN_SPLIT_SHARE = 0.1;
/** A number (or a cell of numbers and signs) alone on a line: "2021", "1.2", "0:00-06:00", "80%≤". */
const NUMBER_TOKEN = /^[\d.,:%~\-–—/×≤≥<> ]+$/;
/** An opening bracket or quote alone on a line: what follows it was cut off onto the next line. */
const OPENER_TOKEN = /^[（(〔［\[【《“‘「『]$/;
/** Date units that a number follows ("2021" / "年" / "2" / "月"). */
const DATE_UNIT_TOKEN = /^[年月]$/;
/** A line of leader dots only: the rest of a table-of-contents entry broken over lines. */
const LEADER_ONLY = /^[.．·…。]{3,}$/;
/** A single ideograph on a line ("目" / "录"): a spaced-out heading broken into characters. */
const SINGLE_IDEOGRAPH = new RegExp(`^[${EXTENSION_A}${UNIFIED}]$`);
/**
 * A numbered heading glued after the end of the previous sentence by PDF extraction
 * ("…机器人。 三、推进平台提质升级"): the space and the marker show the line break that was lost.
 */
const GLUED_HEADING = /[。！？；]([ \u3000\u00a0]+)(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])\S)/;
/**
 * A pinyin gloss inserted after a character by annotation tools ("工業(yè)"): a bracketed
 * syllable with a tone mark, right after an ideograph. Not part of the document's text.
 */
const PINYIN_GLOSS = new RegExp(`(?<=[${EXTENSION_A}${UNIFIED}])[（(][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}[）)]`, 'g');
/** A sentence end followed by a space: where a heading may have been glued. */
const GLUE = /[。！？；][ \u3000\u00a0]/;
/** A bracket opening a toned syllable: only a line holding one can hold a pinyin gloss (a cheap test first; measured 6% of normalise otherwise). */
const GLOSS_START = /[（(][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;
/** Too few lines to measure a layout: treat as one paragraph per line. */
const MIN_PROFILE_LINES = 8;
/** A PDF page is at most ~50 CJK characters wide; one-paragraph-per-line files measure in the hundreds. */
const MAX_WRAP_WIDTH = 200;
/** Widths above this are lumped together in the histogram (only the percentile matters). */
const WIDTH_CAP = 4096;
/** In one-paragraph-per-line files, this many blank lines in a row always separate paragraphs (documents are separated so). */
const PARAGRAPH_GAP = 2;
/** Longest bracketed aside, e.g. "（网）", that may end a wrapped line without ending the sentence. */
const MAX_INLINE_ASIDE = 12;

/** Page numbers as PDF extraction leaves them: "- 19 -", "— 3 —", "-3-", "第 3 页", "第3页 共12页". */
const PAGE_NUMBER = /^(?:[-—–－―~～]\s*\d{1,4}\s*[-—–－―~～]|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?)$/;
/** A bare number on its own line: a page number only when it interrupts a wrapped sentence. */
const LONE_NUMBER = /^\d{1,3}$/;
/** C0/C1 control characters except tab (tables are flattened into tabs). */
const CONTROL_CHAR = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Private-use code points (PDF glyphs without a Unicode mapping). */
const PRIVATE_USE_CHARS = /[\ue000-\uf8ff]/g;
/** A CJK ideograph or CJK/full-width punctuation (not the ideographic space). */
const CJK_SIDE = `[${CJK_PUNCTUATION}${EXTENSION_A}${UNIFIED}${COMPATIBILITY}${FULL_WIDTH}]`;
/** A half-width digit, Latin letter or unit sign. */
const ALNUM_SIDE = '[0-9A-Za-z%‰℃]';
/** One space that extraction put between Chinese and digits/Latin ("2026 年", "5G 基站"); wider gaps are layout and stay. */
const CJK_DIGIT_SPACE = new RegExp(`(?<=${CJK_SIDE})[ \\u00a0](?=${ALNUM_SIDE})|(?<=${ALNUM_SIDE})[ \\u00a0](?=${CJK_SIDE})`, 'g');
/** The 版记's last line, "…办公室 2022年3月10日印发": the end of a document, never wrapped. */
const PRINTED_ON = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/;
/** A front matter block longer than this is not one. */
const FRONT_MATTER_MAX_LINES = 60;
/** A CJK ideograph (for letterhead detection). */
const IDEOGRAPH = HAN_CHAR;
/** Lines that start a new block, so nothing is joined onto the line before them. */
const BLOCK_START: RegExp[] = [
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
const CONTINUATION_START = /^[，。、；：？！）》」』”’】〕,;:?!)]/;
/** Clause punctuation: a line ending in it has not ended its paragraph. */
const CLAUSE_END = /[，、,]$/;
/** Clause punctuation anywhere: the line is running text, not a heading or title. */
const CLAUSE_PUNCT = /[，、,；;。：]/;
/** Quote or bracket closers that end a line without necessarily ending the sentence. */
const SOFT_END = /[”’」』）)〕】]$/;
const QUOTE_CLOSERS = '”’」』';
const BRACKET_PAIRS: Record<string, string> = { '）': '（', ')': '(', '〕': '〔', '】': '【' };
const FULL_STOPS = '。！？；!?;';
/** Document-type words that end titles, which are never joined to the line after them. */
const TITLE_END = new RegExp(`${kindWordsPattern(UNWRAPPED_TITLE_WORDS)}$`);

// ---------------------------------------------------------------------------
// Public API

/** Turns a source file's physical lines into logical lines, recording every change. */
export function normalise(source: SourceFile): NormalisedFile {
  const { file } = source;
  const markdown = looksLikeMarkdown(source.lines);
  const fence = frontMatterEnd(source.lines);
  const lines: CleanLine[] = [];
  for (let i = 0; i < source.lines.length; i++) {
    const line = cleanLine(file, source.lines[i], i + 1, markdown && i > fence);
    const glued = splitGluedHeading(line);
    if (glued === null) lines.push(line);
    else lines.push(...glued);
  }
  const profile = measureProfile(lines);
  const diagnostics: Diagnostic[] = [layoutDiagnostic(file, profile)];
  const normalisations: Normalisation[] = [];
  for (const line of lines) {
    normalisations.push(...line.records);
    diagnostics.push(...line.diagnostics);
  }
  const logical = joinLines(lines, profile, normalisations);
  // Joins are recorded when they happen, after the lines in between: restore line order (stable).
  normalisations.sort((a, b) => a.line - b.line);
  return { file, lines: logical, normalisations, diagnostics };
}

/** Measures whether physical lines are hard-wrapped, and at what width. */
export function measureWrap(lines: string[]): WrapProfile {
  return measureProfile(lines.map((raw, i) => cleanLine('', raw, i + 1, false)));
}

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

/**
 * Lists the seed's non-whitespace characters that appear neither, in order, in the logical lines'
 * text nor in a recorded removal (page numbers, control characters). Empty means faithful.
 */
export function unaccountedCharacters(source: SourceFile, normalised: NormalisedFile): UnaccountedCharacter[] {
  const output = nonWhitespace(normalised.lines.map((l) => l.text).join(''));
  const removedByLine = new Map<number, string>();
  for (const record of normalised.normalisations) {
    const removed = nonWhitespace(removedBy(record.before, record.after));
    if (removed) removedByLine.set(record.line, (removedByLine.get(record.line) ?? '') + removed);
  }
  const missing: UnaccountedCharacter[] = [];
  let p = 0;
  source.lines.forEach((raw, i) => {
    const line = i + 1;
    const removed = removedByLine.get(line) ?? '';
    let r = 0;
    for (const char of nonWhitespace(raw)) {
      // Removals first: a removed page number's digits must not be matched against the text after it.
      if (r < removed.length && removed.startsWith(char, r)) r += char.length;
      else if (output.startsWith(char, p)) p += char.length;
      else missing.push({ line, char });
    }
  });
  return missing;
}

// ---------------------------------------------------------------------------
// Per-line cleaning

interface CleanLine {
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

function cleanLine(file: string, raw: string, line: number, markdown: boolean): CleanLine {
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
function splitGluedHeading(line: CleanLine): CleanLine[] | null {
  if (line.kind !== 'text' || line.hasTab) return null;
  // Cheap first: the glue is a sentence end and a space, which most Chinese lines do not hold.
  if (!GLUE.test(line.text)) return null;
  const m = GLUED_HEADING.exec(line.text);
  if (!m) return null;
  // m[0] is the sentence end and the gap after it; the heading starts after the gap.
  const before = line.text.slice(0, m.index + 1);
  const heading = line.text.slice(m.index + m[0].length);
  line.records.push({ kind: 'glued-heading', line: line.line, before: line.text.slice(m.index, m.index + m[0].length + 2), after: `${before.slice(-1)}\n${heading.slice(0, 2)}` });
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

// ---------------------------------------------------------------------------
// Layout profile

function measureProfile(lines: CleanLine[]): WrapProfile {
  const histogram = new Uint32Array(WIDTH_CAP + 1);
  let textLines = 0;
  for (const line of lines) {
    if (line.kind !== 'text' || line.hasTab) continue;
    histogram[Math.min(line.width, WIDTH_CAP)]++;
    textLines++;
  }
  let typicalWidth = 0;
  const rank = Math.floor((textLines - 1) * WIDTH_PERCENTILE) + 1;
  for (let w = 0, seen = 0; w <= WIDTH_CAP && textLines > 0; w++) {
    seen += histogram[w];
    if (seen >= rank) {
      typicalWidth = w;
      break;
    }
  }
  const fullWidth = Math.ceil(typicalWidth * FULL_LINE_SHARE);
  let wrapped = 0;
  for (const line of lines) {
    if (line.kind === 'text' && !line.hasTab && line.width >= fullWidth && !SENTENCE_END.test(line.text)) wrapped++;
  }
  const wrappedShare = textLines === 0 ? 0 : wrapped / textLines;
  const hardWrapped = textLines >= MIN_PROFILE_LINES && typicalWidth <= MAX_WRAP_WIDTH && wrappedShare >= HARD_WRAP_SHARE;
  let numbersInSentences = 0;
  for (let i = 1; i + 1 < lines.length; i++) {
    const [prev, line, next] = [lines[i - 1], lines[i], lines[i + 1]];
    if (line.kind !== 'text' || prev.kind !== 'text' || next.kind !== 'text' || !isNumberToken(line.text)) continue;
    const end = endKind(prev.text);
    if (end === 'open' || end === 'clause') numbersInSentences++;
  }
  const tokenSplit = !hardWrapped && numbersInSentences >= TOKEN_SPLIT_MIN && numbersInSentences >= TOKEN_SPLIT_SHARE * textLines;
  return { hardWrapped, typicalWidth, fullWidth, textLines, wrappedShare: Math.round(wrappedShare * 1000) / 1000, tokenSplit };
}

function layoutDiagnostic(file: string, profile: WrapProfile): Diagnostic {
  const measured = `${profile.textLines} text lines, 80th-percentile width ${profile.typicalWidth} columns, ${Math.round(profile.wrappedShare * 100)}% full and cut mid-sentence`;
  const message = profile.hardWrapped
    ? `Hard-wrapped at about ${Math.round(profile.typicalWidth / 2)} characters per line (${measured}): wrapped lines are joined`
    : profile.tokenSplit
      ? `Split into tokens, numbers on lines of their own inside sentences (${measured}): numbers and units are joined to the words around them`
      : `One paragraph per line (${measured}): lines are joined only where a sentence is visibly cut`;
  return { severity: 'info', code: 'normalise/layout', message, file, line: 0 };
}

// ---------------------------------------------------------------------------
// Joining

interface Building {
  text: string;
  lineStart: number;
  lineEnd: number;
  privateUse: boolean;
  /** The last physical line joined in: the one a wrap would continue. */
  last: CleanLine;
}

function joinLines(lines: CleanLine[], profile: WrapProfile, records: Normalisation[]): LogicalLine[] {
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

function toLogical(b: Building): LogicalLine {
  const logical: LogicalLine = { text: b.text, lineStart: b.lineStart, lineEnd: b.lineEnd };
  if (b.privateUse) logical.flags = ['private-use'];
  return logical;
}

/** For each index, the index of the first text line at or after it (lines.length when none). */
function nextTextIndex(lines: CleanLine[]): Int32Array {
  const next = new Int32Array(lines.length + 1).fill(lines.length);
  for (let i = lines.length - 1; i >= 0; i--) next[i] = lines[i].kind === 'text' ? i : next[i + 1];
  return next;
}

/** A bare "19" is a page number only in a hard-wrapped file, set off by a blank line, inside a sentence that continues after it. */
function isLonePageNumber(lines: CleanLine[], i: number, nextIndex: number, prev: CleanLine, profile: WrapProfile): boolean {
  const line = lines[i];
  if (!profile.hardWrapped || !LONE_NUMBER.test(line.text)) return false;
  const setOff = lines[i - 1]?.kind !== 'text' || lines[i + 1]?.kind !== 'text';
  const next = lines[nextIndex];
  return setOff && next !== undefined && shouldJoin(prev, next, 0, profile);
}

/** Decides by evidence whether `next` continues the sentence that `prev` (the last line joined so far) was cut in. */
function shouldJoin(prev: CleanLine, next: CleanLine, blankRun: number, profile: WrapProfile): boolean {
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

/** Punctuation alone on a line that does not end a sentence: "〕", "）", "、". */
const INNER_PUNCT_TOKEN = /^[〕）)\]］】》”’」』、，,：:]$/;
/** What may follow a number in running text: a unit or word, or punctuation that is not an opening bracket. */
const NUMBER_CONTINUES = new RegExp(`^[${EXTENSION_A}${UNIFIED}．、，。；：:;,）)〕】》”’%‰℃/.~～\\-]`);

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

/** A number alone on a line (digits and the signs of a cell of numbers, at least one digit). */
function isNumberToken(text: string): boolean {
  return NUMBER_TOKEN.test(text) && /\d/.test(text);
}

function startsBlock(text: string): boolean {
  for (const rule of BLOCK_START) if (rule.test(text)) return true;
  return false;
}

type EndKind = 'open' | 'clause' | 'semicolon' | 'soft' | 'colon' | 'hard';

function endKind(text: string): EndKind {
  if (CLAUSE_END.test(text)) return 'clause';
  if (SOFT_END.test(text)) return 'soft';
  if (/[：:]$/.test(text)) return 'colon';
  if (/[；;]$/.test(text)) return 'semicolon';
  if (SENTENCE_END.test(text)) return 'hard';
  // Some documents end sentences with a half-width full stop after Chinese ("制定本方案.").
  if (/[.．]$/.test(text) && !/[0-9A-Za-z][.．]$/.test(text)) return 'hard';
  return 'open';
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

function excerpt(text: string, at: number): string {
  return text.slice(Math.max(0, at - 10), at + 10);
}

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function nonWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The characters of `before` left over after matching `after` as a subsequence: what a change removed. */
function removedBy(before: string, after: string): string {
  let removed = '';
  let j = 0;
  for (const ch of before) {
    // Whitespace a change put in (a pipe table's cells joined by tabs) matches nothing of the seed.
    while (j < after.length && /\s/.test(after[j]) && !/\s/.test(ch)) j++;
    if (after.startsWith(ch, j)) j += ch.length;
    else removed += ch;
  }
  return removed;
}
