/**
 * The text model every document format is read into: physical lines, as a text extraction would
 * give them, plus a source map from each line back to its place in the original file, and the lines
 * the reader set aside (running headers, page numbers, site navigation) so they are shown on the
 * original-text page but never parsed as document text.
 */
import type { Diagnostic, Normalisation } from '../model.ts';

/** Formats the build reads, by what the file is (not by its extension alone). */
export type DocumentFormat = 'txt' | 'pdf' | 'docx' | 'html';

/** Where one extracted line sits in its original file. */
export type LineOrigin =
  /** A line rebuilt from text positions: 1-based page and line on that page. */
  | { type: 'pdf'; page: number; line: number }
  /** A Word paragraph (1-based, in document order, table cells included); `row` set for a table row. */
  | { type: 'docx'; paragraph: number; table?: number; row?: number }
  /** An HTML element, as a CSS-like path from <body> (e.g. `div.content > p:nth-of-type(3)`). */
  | { type: 'html'; path: string };

/** What a reader made of one file: the lines, their origins, and what it set aside or added. */
export interface ExtractedText {
  format: Exclude<DocumentFormat, 'txt'>;
  /** Physical lines; `lines[0]` is line 1. */
  lines: string[];
  /** `origins[i]` is where `lines[i]` came from. */
  origins: LineOrigin[];
  /**
   * Changes the reader made or lines it set aside, by line: a running header, a page number,
   * navigation (`after` is ''), or a list number restored from Word's numbering (`after` holds it).
   */
  normalisations: Normalisation[];
  /** 1-based lines that are not document text (running headers and footers, site navigation). */
  setAside: number[];
  /**
   * 1-based lines that the layout shows continue the paragraph of the line before them (PDF: the
   * line before reaches the right margin and this one starts at the left margin, not indented):
   * joined even where the text alone would not tell (a wrap right after "。", before "第十三条").
   */
  continues?: number[];
  diagnostics: Diagnostic[];
}

/** The original file of a source, for the site's link to it and the source map on its original-text page. */
export interface OriginalFile {
  file: string;
  format: DocumentFormat;
  byteLength: number;
  /** Per line (index 0 = line 1); empty for .txt, whose lines are the file's own. */
  origins: LineOrigin[];
}

/** Builds the one-line diagnostic a reader gives for a file it cannot read at all. */
export function unreadable(file: string, code: string, message: string, hint: string): Diagnostic {
  return { severity: 'error', code, message: `${file}: ${message}`, file, line: 0, hint };
}
