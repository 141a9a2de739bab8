/**
 * Text lines from positioned pieces of PDF text: pieces on one baseline make a line, read left to
 * right, with a space or a tab where the gap between two pieces is wide. Shared by the page's flow
 * text and the text inside each table cell.
 */

/** A piece of text on a page, in points, y growing downwards from the top of the page. */
export interface Glyph {
  str: string;
  x: number;
  /** Baseline, in points from the top of the page. */
  top: number;
  width: number;
  /** Font size, in points. */
  size: number;
}

/** Pieces whose baselines differ by less than this share of the font size sit on one line. */
export const SAME_LINE = 0.45;
/** A horizontal gap of at least this many font sizes between pieces is a word space. */
export const SPACE_GAP = 0.25;
/** A gap this wide (in font sizes) separates table cells or columns: written as a tab. */
export const CELL_GAP = 2.5;

/** Groups pieces into lines, top to bottom; each line's pieces sorted left to right. */
export function groupLines(glyphs: Glyph[]): Glyph[][] {
  const sorted = [...glyphs].sort((p, q) => p.top - q.top || p.x - q.x);
  const rows: Glyph[][] = [];
  for (const glyph of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(glyph.top - row[0].top) < SAME_LINE * Math.min(glyph.size, row[0].size)) row.push(glyph);
    else rows.push([glyph]);
  }
  for (const row of rows) row.sort((p, q) => p.x - q.x);
  return rows;
}

/** The text of one line (pieces sorted left to right) and where it ends; wide gaps become tabs when `tabs` is set, else spaces. */
export function lineText(row: Glyph[], tabs: boolean): { text: string; right: number } {
  let text = '';
  let right = Number.NEGATIVE_INFINITY;
  for (const glyph of row) {
    const gap = (glyph.x - right) / glyph.size;
    if (text !== '' && gap >= CELL_GAP && tabs) text += '\t';
    else if (text !== '' && gap >= SPACE_GAP && !text.endsWith(' ') && !glyph.str.startsWith(' ')) text += ' ';
    text += glyph.str;
    right = Math.max(right, glyph.x + glyph.width);
  }
  return { text: text.replace(/\s+$/, ''), right };
}
