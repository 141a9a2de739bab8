/**
 * Two-column pages in reading order: a gutter of white space down the middle of the text block,
 * which most lines leave free and which runs through most of the page's height, parts a left column
 * from a right one. Lines that cross it (a title over both columns, a centred page number) and table
 * rows break the page into bands; each band is read left column first, then right column.
 *
 * A gutter is only taken where both sides read as prose (most lines run across most of their
 * column): an unruled table with a wide gap between a label column and a value column keeps its rows.
 */
import { groupLines, type Glyph } from './pdf-lines.ts';

/** The white band between two columns, in points from the left of the page. */
export interface Gutter {
  from: number;
  to: number;
}

/** A column's text block: where its lines start and how far full lines reach. */
export interface ColumnBox {
  left: number;
  right: number;
}

/** The page's text split by a gutter: lines of the left column, of the right one, and lines across both. */
export interface Columns {
  left: Glyph[][];
  right: Glyph[][];
  across: Glyph[][];
  boxes: { left: ColumnBox; right: ColumnBox };
}

/** A gutter is at least this many body font sizes wide (a word space is a quarter to half of one). */
const MIN_GUTTER = 0.8;
/** At most this share of the page's lines may cross the gutter (titles, headings, page numbers). */
const MAX_CROSSING = 0.15;
/** The gutter lies between these shares of the text block's width. */
const GUTTER_ZONE = [0.2, 0.8] as const;
/** Each column's text runs through at least this share of the height of the page's text. */
const MIN_COLUMN_HEIGHT = 0.5;
/** A gutter is at most this many body font sizes wide (wider is the white space beside short lines). */
const MAX_GUTTER = 5;
/** Each column reads as prose: at least this share of its lines are full (they reach the column's right edge). */
const MIN_FULL_LINES = 0.5;
/** Fewer lines than this on a page: too little to tell columns from a layout of a few phrases. */
const MIN_LINES = 8;

/** Finds the gutter of a two-column page, or null for a page of one column. */
export function findGutter(glyphs: Glyph[]): Gutter | null {
  const lines = groupLines(glyphs);
  if (lines.length < MIN_LINES) return null;
  const left = Math.floor(Math.min(...glyphs.map((g) => g.x)));
  const right = Math.ceil(Math.max(...glyphs.map((g) => g.x + g.width)));
  const body = bodySize(glyphs);
  // How many lines cover each point of the width, in 1-point bins.
  const cover = new Int32Array(right - left + 1);
  for (const line of lines) {
    const bins = new Set<number>();
    for (const g of line) for (let x = Math.floor(g.x) - left; x < Math.ceil(g.x + g.width) - left; x++) bins.add(x);
    for (const x of bins) cover[x]++;
  }
  const width = right - left;
  const [zoneFrom, zoneTo] = [Math.round(GUTTER_ZONE[0] * width), Math.round(GUTTER_ZONE[1] * width)];
  let best: Gutter | null = null;
  for (let x = zoneFrom; x <= zoneTo; ) {
    if (cover[x] > MAX_CROSSING * lines.length) {
      x++;
      continue;
    }
    let end = x;
    while (end + 1 <= zoneTo && cover[end + 1] <= MAX_CROSSING * lines.length) end++;
    if (!best || end - x > best.to - best.from) best = { from: left + x, to: left + end + 1 };
    x = end + 1;
  }
  if (!best || best.to - best.from < MIN_GUTTER * body || best.to - best.from > MAX_GUTTER * body) return null;
  const split = splitColumns(glyphs, best);
  const tops = glyphs.map((g) => g.top);
  const height = Math.max(...tops) - Math.min(...tops);
  const tall = (side: Glyph[][]) => side.length > 1 && side.at(-1)![0].top - side[0][0].top >= MIN_COLUMN_HEIGHT * height;
  const prose = (side: Glyph[][], box: ColumnBox) => side.filter((l) => lineRight(l) >= box.right - body).length >= MIN_FULL_LINES * side.length;
  const ok = tall(split.left) && tall(split.right) && prose(split.left, split.boxes.left) && prose(split.right, split.boxes.right);
  return ok ? best : null;
}

/** Splits a page's pieces of text at a gutter into left-column, right-column and crossing lines. */
export function splitColumns(glyphs: Glyph[], gutter: Gutter): Columns {
  const crossesLine = new Set<Glyph>();
  // A line crosses the gutter when any of its pieces does: the whole line is read across both columns.
  for (const line of groupLines(glyphs)) if (line.some((g) => g.x < gutter.to && g.x + g.width > gutter.from)) for (const g of line) crossesLine.add(g);
  const across = groupLines(glyphs.filter((g) => crossesLine.has(g)));
  const left = groupLines(glyphs.filter((g) => !crossesLine.has(g) && g.x + g.width <= gutter.from));
  const right = groupLines(glyphs.filter((g) => !crossesLine.has(g) && g.x >= gutter.to));
  return { left, right, across, boxes: { left: boxOf(left), right: boxOf(right) } };
}

/**
 * Items in reading order: `breaks` (lines across both columns, table rows) in place by their top;
 * between two breaks, the left column's items, then the right column's.
 */
export function readingOrder<T extends { top: number }>(breaks: T[], left: T[], right: T[]): T[] {
  const byTop = (p: T, q: T) => p.top - q.top;
  const stops = [...breaks].sort(byTop);
  const out: T[] = [];
  let from = Number.NEGATIVE_INFINITY;
  for (const stop of [...stops, null]) {
    const to = stop?.top ?? Number.POSITIVE_INFINITY;
    const band = (side: T[]) => side.filter((item) => item.top >= from && item.top < to).sort(byTop);
    out.push(...band(left), ...band(right));
    if (stop) out.push(stop);
    from = to;
  }
  return out;
}

function boxOf(lines: Glyph[][]): ColumnBox {
  if (lines.length === 0) return { left: 0, right: 0 };
  const lefts = lines.map((l) => Math.round(l[0].x));
  const rights = lines.map(lineRight).sort((a, b) => a - b);
  return { left: mostCommon(lefts), right: rights[Math.floor(rights.length * 0.9)] };
}

const lineRight = (line: Glyph[]) => Math.max(...line.map((g) => g.x + g.width));

function bodySize(glyphs: Glyph[]): number {
  return mostCommon(glyphs.map((g) => Math.round(g.size * 2) / 2));
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] ?? 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}
