/**
 * Normalise, per file: whether a file is hard-wrapped is measured from the file itself. PDF extractions
 * put ~30 characters on every line, so most lines sit at one width and stop mid-sentence; web extractions
 * put a paragraph on a line. Only in hard-wrapped files is "full line, no sentence end" enough to join;
 * elsewhere a join needs a visibly cut sentence.
 */
import type { Diagnostic } from '../model.ts';
import { SENTENCE_END } from '../rules/lines.ts';
import { type CleanLine, cleanLine } from './clean-line.ts';
import { endKind, isNumberToken } from './line-end.ts';

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
/** Too few lines to measure a layout: treat as one paragraph per line. */
const MIN_PROFILE_LINES = 8;
/** A PDF page is at most ~50 CJK characters wide; one-paragraph-per-line files measure in the hundreds. */
const MAX_WRAP_WIDTH = 200;
/** Widths above this are lumped together in the histogram (only the percentile matters). */
const WIDTH_CAP = 4096;

/** Measures whether physical lines are hard-wrapped, and at what width. */
export function measureWrap(lines: string[]): WrapProfile {
  return measureProfile(lines.map((raw, i) => cleanLine('', raw, i + 1, false)));
}

/** Measures the layout of cleaned lines: the typical width, the share of full lines cut mid-sentence, and whether numbers stand alone inside sentences. */
export function measureProfile(lines: CleanLine[]): WrapProfile {
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

/** The info diagnostic that says which layout was measured and what joining it implies. */
export function layoutDiagnostic(file: string, profile: WrapProfile): Diagnostic {
  const measured = `${profile.textLines} text lines, 80th-percentile width ${profile.typicalWidth} columns, ${Math.round(profile.wrappedShare * 100)}% full and cut mid-sentence`;
  const message = profile.hardWrapped
    ? `Hard-wrapped at about ${Math.round(profile.typicalWidth / 2)} characters per line (${measured}): wrapped lines are joined`
    : profile.tokenSplit
      ? `Split into tokens, numbers on lines of their own inside sentences (${measured}): numbers and units are joined to the words around them`
      : `One paragraph per line (${measured}): lines are joined only where a sentence is visibly cut`;
  return { severity: 'info', code: 'normalise/layout', message, file, line: 0 };
}
