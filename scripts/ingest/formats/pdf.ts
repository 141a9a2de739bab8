/**
 * PDF reader: rebuilds the lines of each page from pdf.js text positions (pdfjs-dist, Mozilla's
 * PDF.js, legacy build for Node), sets aside running headers, running footers and page numbers, and
 * maps every line back to its page and line on that page. Ruled tables are read cell by cell from their
 * ruling lines (pdf-rulings.ts, pdf-tables.ts), one row a line; two-column pages column by column
 * (pdf-columns.ts).
 *
 * Lines come out as a text extraction gives them (hard-wrapped at the right margin); joining the
 * wraps is the normalise stage's job, as for PDF-extracted .txt seeds. A spaced-out letterhead
 * ("济 南 市 公 安 局") keeps its spaces for the same reason: normalise closes it up and records it.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Diagnostic, Normalisation } from '../model.ts';
import { unreadable, type ExtractedText, type LineOrigin } from './model.ts';
import { groupLines, lineText, type Glyph } from './pdf-lines.ts';
import { pageRulings, type Ruling } from './pdf-rulings.ts';
import { mayHoldTable, readTables, repeatedHeaderRows } from './pdf-tables.ts';
import { findGutter, readingOrder, splitColumns, type ColumnBox } from './pdf-columns.ts';

// ---------------------------------------------------------------------------
// Stage rules

/** Largest PDF read, in bytes: scanned pages make PDFs large, and pdf.js holds the whole file in memory. */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;
/** Page-margin lines (first or last of a page) repeated on this share of pages are running headers or footers. */
const REPEAT_SHARE = 0.4;
/** Their baselines may drift this many points from page to page. */
const REPEAT_DRIFT = 6;
/** A page number as printed in a header or footer: "— 3 —", "-3-", "3", "第 3 页", "第3页 共12页", "3 / 12". */
const PAGE_NUMBER = /^[-—–－―~～\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[,，/／]?\s*共?\s*\d{1,4}\s*页?)?[-—–－―~～\s]*$/;
/** Pages with fewer characters than this (whitespace excluded) count as having no text. */
const MIN_PAGE_TEXT = 1;

// ---------------------------------------------------------------------------
// Public API

/** Reads a PDF's text into lines with their page and line; refuses encrypted, corrupt and text-less PDFs with a diagnostic. */
export async function readPdf(file: string, bytes: Uint8Array): Promise<ExtractedText | { error: Diagnostic }> {
  if (bytes.length > MAX_PDF_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return {
      error: unreadable(
        file,
        'read/too-large',
        `PDF of ${mb(bytes.length)}; PDFs over ${mb(MAX_PDF_BYTES)} are not read`,
        'Split the PDF, or remove scanned images from it.',
      ),
    };
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js may detach the buffer it is given; hand it a copy so the caller's bytes stay usable.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: PDFJS_DATA.cmaps,
    cMapPacked: true,
    standardFontDataUrl: PDFJS_DATA.standardFonts,
    wasmUrl: PDFJS_DATA.wasm,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: PageLines[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const glyphs = glyphsOf(
        content.items.flatMap((item) => (isTextItem(item) ? [item] : [])),
        page.view[3] - page.view[1],
      );
      // The operator list costs about as much again as the text: asked for only where a table may be.
      const rulings = mayHoldTable(glyphs) ? pageRulings(await page.getOperatorList(), pdfjs.OPS, page.view[3] - page.view[1]) : [];
      pages.push(pageLines(n, glyphs, rulings));
      page.cleanup();
    }
    return assemble(file, pages);
  } catch (cause) {
    return { error: pdfError(file, cause) };
  } finally {
    await task.destroy();
  }
}

// ---------------------------------------------------------------------------
// Lines from positions

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

interface PositionedLine {
  text: string;
  /** Baseline, in points from the top of the page. */
  top: number;
  left: number;
  right: number;
  /** Font size of the line's first item, in points. */
  size: number;
  /** A row of a ruled table: never a running header, never part of a paragraph. */
  tableRow?: boolean;
  /** On a two-column page, the text block of the line's column (its margins for wrapped lines). */
  column?: ColumnBox;
}

interface PageLines {
  page: number;
  lines: PositionedLine[];
}

/** Where pdf.js keeps the CMaps (Chinese PDFs with non-embedded fonts need them), standard fonts and decoders. */
const PDFJS_DATA = (() => {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cmaps: `${root}/cmaps/`, standardFonts: `${root}/standard_fonts/`, wasm: `${root}/wasm/` };
})();

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** The page's pieces of text with their positions from the top of the page; blank pieces dropped. */
function glyphsOf(items: TextItem[], pageHeight: number): Glyph[] {
  return items
    .filter((item) => item.str !== '' && item.str.trim() !== '')
    .map((item) => {
      const [a, b, , , x, y] = item.transform;
      const size = Math.hypot(a, b) || item.height || 1;
      return { str: item.str, x, top: pageHeight - y, width: item.width, size };
    });
}

/**
 * The lines of a page: each row of a ruled table as one line of tab-parted cells, the rest grouped
 * by baseline and read left to right, with spaces and tabs from the gaps; top to bottom, or on a
 * two-column page, each band between lines across the page left column first.
 */
function pageLines(page: number, glyphs: Glyph[], rulings: Ruling[]): PageLines {
  const tables = readTables(glyphs, rulings);
  const rows = tables.rows.map((row): PositionedLine => ({ ...row, tableRow: true }));
  const gutter = findGutter(tables.rest);
  if (!gutter) return { page, lines: [...groupLines(tables.rest).map((l) => positioned(l)), ...rows].sort((p, q) => p.top - q.top) };
  const columns = splitColumns(tables.rest, gutter);
  const left = columns.left.map((l) => positioned(l, columns.boxes.left));
  const right = columns.right.map((l) => positioned(l, columns.boxes.right));
  return { page, lines: readingOrder([...columns.across.map((l) => positioned(l)), ...rows], left, right) };
}

/** A line of pieces with its position (and, in a column, that column's text block). */
function positioned(line: Glyph[], column?: ColumnBox): PositionedLine {
  const { text, right } = lineText(line, true);
  return { text, top: line[0].top, left: line[0].x, right, size: line[0].size, ...(column ? { column } : {}) };
}

// ---------------------------------------------------------------------------
// Running headers, footers and page numbers

/** The text a running header keeps from page to page: digits (page numbers, dates) and spaces do not count. */
function repeatKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, '');
}

/** Lines set aside on each page, as indexes into that page's lines, with the kind of normalisation. */
function marginLines(pages: PageLines[]): Map<PageLines, Map<number, Normalisation['kind']>> {
  const found = new Map<PageLines, Map<number, Normalisation['kind']>>();
  for (const page of pages) found.set(page, new Map());
  for (const edge of ['first', 'last'] as const) {
    const kind = edge === 'first' ? 'running-header' : 'running-footer';
    const at = (page: PageLines, depth: number) => (edge === 'first' ? depth : page.lines.length - 1 - depth);
    // Two levels deep: a footer may be a page number under a repeated line, a header two lines high.
    for (let depth = 0; depth < 2; depth++) {
      const groups = new Map<string, Array<{ page: PageLines; index: number; top: number }>>();
      for (const page of pages) {
        const index = at(page, depth);
        if (index < 0 || index >= page.lines.length) continue;
        // Only below (or above) what was already set aside on this page.
        const set = found.get(page)!;
        if (depth > 0 && !set.has(at(page, depth - 1))) continue;
        const line = page.lines[index];
        // A table row is document text even at the page's edge (a table broken over pages).
        if (line.tableRow) continue;
        if (PAGE_NUMBER.test(line.text)) {
          set.set(index, 'page-number');
          continue;
        }
        const key = repeatKey(line.text);
        groups.set(key, [...(groups.get(key) ?? []), { page, index, top: line.top }]);
      }
      for (const group of groups.values()) {
        if (group.length < 2 || group.length < REPEAT_SHARE * pages.length) continue;
        const tops = group.map((g) => g.top).sort((p, q) => p - q);
        const median = tops[Math.floor(tops.length / 2)];
        for (const g of group) if (Math.abs(g.top - median) <= REPEAT_DRIFT) found.get(g.page)!.set(g.index, kind);
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------
// Assembly and errors

function assemble(file: string, pages: PageLines[]): ExtractedText | { error: Diagnostic } {
  const margins = marginLines(pages);
  // A table's header row repeated on each page it runs on to is shown once: the rest are set aside.
  const repeats = repeatedHeaderRows(pages.map((page) => page.lines.map((line, i) => ({ ...line, aside: margins.get(page)!.has(i) }))));
  pages.forEach((page, p) => {
    for (const i of repeats[p]) margins.get(page)!.set(i, 'running-header');
  });
  // Page numbers and running headers alone (a word processor's export of scanned pages) are no text.
  const textChars = pages.reduce(
    (sum, page) => sum + page.lines.reduce((s, l, i) => s + (margins.get(page)!.has(i) ? 0 : l.text.replace(/\s/g, '').length), 0),
    0,
  );
  if (textChars < MIN_PAGE_TEXT) {
    return {
      error: unreadable(
        file,
        'read/pdf-no-text',
        `PDF of ${pages.length} page(s) has no text layer (a scanned document?): there is no text to read, and OCR is not done`,
        'Use a PDF with a text layer (the one exported from the word processor), or run OCR on it first.',
      ),
    };
  }
  const lines: string[] = [];
  const origins: LineOrigin[] = [];
  const normalisations: Normalisation[] = [];
  const setAside: number[] = [];
  const diagnostics: Diagnostic[] = [];
  const empty: number[] = [];
  for (const page of pages) {
    if (page.lines.length === 0) empty.push(page.page);
    const set = margins.get(page)!;
    page.lines.forEach((line, i) => {
      lines.push(line.text);
      origins.push({ type: 'pdf', page: page.page, line: i + 1 });
      const kind = set.get(i);
      if (kind) {
        normalisations.push({ kind, line: lines.length, before: line.text, after: '' });
        setAside.push(lines.length);
      }
    });
  }
  const continues = layoutContinuations(pages, margins, lines.length);
  if (empty.length > 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'read/pdf-page-without-text',
      message: `${file}: page(s) ${empty.join(', ')} have no text layer (scanned?); their content is missing, OCR is not done`,
      file,
      line: 0,
      hint: 'Check those pages in the PDF; a page that is an image needs OCR before it can be read.',
    });
  }
  return { format: 'pdf', lines, origins, normalisations, setAside, continues, diagnostics };
}

// ---------------------------------------------------------------------------
// Paragraphs from the layout

/**
 * Lines that continue the paragraph of the kept line before them, by position: the line before is
 * full (the next line's first word would not have fitted after it) and this one starts at the left
 * margin at the same size (body text: a new paragraph is indented, a heading is centred), or both
 * are centred lines of a large size (a title wrapped over two lines).
 */
function layoutContinuations(pages: PageLines[], margins: Map<PageLines, Map<number, Normalisation['kind']>>, count: number): number[] {
  const kept: Array<{ line: PositionedLine; page: number; number: number }> = [];
  let number = 0;
  for (const page of pages) {
    const set = margins.get(page)!;
    page.lines.forEach((line, i) => {
      number++;
      if (!set.has(i)) kept.push({ line, page: page.page, number });
    });
  }
  const sizes = kept.map((k) => Math.round(k.line.size * 2) / 2);
  const body = mode(sizes);
  const bodyLines = kept.filter((_, i) => sizes[i] === body && !isCells(kept[i].line)).map((k) => k.line);
  if (bodyLines.length === 0 || count === 0) return [];
  const left = mode(bodyLines.map((l) => Math.round(l.left)));
  const rights = bodyLines.map((l) => l.right).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)];
  const centre = (left + right) / 2;
  const continues: number[] = [];
  for (let i = 1; i < kept.length; i++) {
    const prev = kept[i - 1].line;
    const next = kept[i].line;
    if (isCells(prev) || isCells(next) || Math.abs(prev.size - next.size) > 0.5) continue;
    const size = next.size;
    // The line before is full when the next line's first word would not have fitted after it.
    // In a column, its own margins: the wrap of a line at the foot of one column may go on at the head of the next.
    const full = prev.right + firstWordWidth(next.text, size) > (prev.column?.right ?? right) - 0.2 * size;
    const atLeft = Math.abs(next.left - (next.column?.left ?? left)) < 0.5 * size;
    const centred = (l: PositionedLine) => Math.abs((l.left + l.right) / 2 - centre) < size;
    // A title wrapped over two lines: large, both centred, the first as wide as the text block.
    const title = size > body * 1.15 && kept[i].page === kept[i - 1].page && centred(prev) && centred(next);
    const wrapped = full && (atLeft || title);
    if (wrapped) continues.push(kept[i].number);
  }
  return continues;
}

/** A table row, ruled or parted by wide gaps: not a line of a paragraph. */
const isCells = (line: PositionedLine) => line.tableRow === true || line.text.includes('\t');

/**
 * Width of the first unbreakable unit of a line: an ideograph or a run of Latin letters and digits
 * (about half an em each), with an opening bracket before it and closing punctuation after it,
 * which line breaking keeps together (a line may not end in "（" nor start with "，").
 */
function firstWordWidth(text: string, size: number): number {
  // Latin words joined by a comma ("Domain，ODD") are not broken apart by LibreOffice or Word.
  const unit = /^[（(“‘《〈【〔「『]*(?:(?:[A-Za-z0-9.\-']+[，,]?)+|.)[，。、；：？！）)”’》〉】〕」』,.;:?!%]*/u.exec(text)?.[0] ?? '';
  let width = 0;
  for (const ch of unit) width += /[\x21-\x7e]/.test(ch) ? 0.55 * size : size;
  return width;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] ?? 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

function pdfError(file: string, cause: unknown): Diagnostic {
  const name = (cause as { name?: string })?.name;
  const detail = (cause as Error)?.message ?? String(cause);
  if (name === 'PasswordException') {
    return unreadable(
      file,
      'read/pdf-encrypted',
      'PDF is encrypted with a password and cannot be read',
      'Save an unprotected copy of the PDF (or ask the publisher for one) and build again.',
    );
  }
  if (name === 'InvalidPDFException') {
    return unreadable(file, 'read/pdf-invalid', `not a readable PDF (${detail})`, 'The file may be damaged or only partly downloaded; download it again.');
  }
  return unreadable(file, 'read/pdf-failed', `PDF could not be read: ${detail}`, 'Open the file in a PDF viewer to check it; re-export it if it is damaged.');
}
