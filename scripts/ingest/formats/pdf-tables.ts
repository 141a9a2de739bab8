/**
 * Tables of a PDF page rebuilt from their ruling lines: the level and plumb lines that meet make a
 * grid; slots of the grid not parted by a line belong to one cell (a cell spanning rows or columns);
 * each piece of text goes to the cell it sits in, and a cell's wrapped lines are joined. Each row
 * comes out as one line of cells parted by tabs, the way the Word reader and Word's own "save as
 * text" write a row: a cell spanning columns is one cell, and a cell spanning rows has its text in
 * its first row and is empty in the rows below.
 *
 * Only ruled tables are found this way; text on a page without ruling lines (or in a table drawn with
 * level rules only) is left to the line reader, which parts cells by wide gaps.
 */
import { groupLines, lineText, type Glyph } from './pdf-lines.ts';
import type { Ruling } from './pdf-rulings.ts';

/** One row of a table, as a line of the page. */
export interface TableRowLine {
  /** The row's cells, parted by tabs. */
  text: string;
  /** Top edge of the row, in points from the top of the page. */
  top: number;
  left: number;
  right: number;
  /** Font size most of the row's text is set in. */
  size: number;
}

/** What a page's tables took: their rows, and the text that lies outside every table. */
export interface PageTables {
  rows: TableRowLine[];
  rest: Glyph[];
}

/** Lines this close (in points) count as one line, and as meeting where they end this close to another. */
const SNAP = 2;

/** A table's grid: the x of its plumb lines, the y of its level lines, and its cells. */
export interface Grid {
  xs: number[];
  ys: number[];
  cells: GridCell[];
}

/** A cell of a grid, by the slots it covers (a slot lies between neighbouring lines). */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Two pieces of text on one baseline at least this many font sizes apart: the sign of cells side by
 * side. Word and LibreOffice pad a cell 0.19 cm on each side, 10.8 pt between two cells' text, about
 * 1 em at table sizes; prose never parts the pieces of a line that widely (largest gap measured in
 * the four format fixtures and the 37-page bench PDF: 0.51 em, a justified Chinese line).
 */
const CELLS_GAP = 0.75;

/**
 * Whether a page may hold a ruled table, from its text alone: some line has pieces a cell gap apart.
 * Pages that fail are read without their operator list (a table whose cells never share a baseline
 * is then read as lines, as before).
 */
export function mayHoldTable(glyphs: Glyph[]): boolean {
  return groupLines(glyphs).some((line) => line.some((g, i) => i > 0 && g.x - (line[i - 1].x + line[i - 1].width) >= CELLS_GAP * g.size));
}

/** Finds the page's ruled tables, takes the text inside them and gives their rows as lines. */
export function readTables(glyphs: Glyph[], rulings: Ruling[]): PageTables {
  const grids = findGrids(rulings);
  if (grids.length === 0) return { rows: [], rest: glyphs };
  const rows: TableRowLine[] = [];
  let rest = glyphs;
  for (const grid of grids) {
    const inside = rest.filter((g) => within(grid, centre(g)));
    if (inside.length === 0) continue;
    const pieces = splitAtRulings(inside, grid, rulings);
    rows.push(...gridRows(grid, pieces));
    // Text inside the table's outline but in no closed cell is not lost: the line reader takes it.
    const placed = new Set(pieces.filter((g) => cellAt(grid, g)));
    const left = new Set(inside);
    rest = [...rest.filter((g) => !left.has(g)), ...pieces.filter((g) => !placed.has(g))];
  }
  return { rows, rest };
}

// ---------------------------------------------------------------------------
// Grids from rulings

/** The grids the rulings draw: each set of level and plumb lines that meet, with at least two cells side by side. */
export function findGrids(rulings: Ruling[]): Grid[] {
  const lines = mergeCollinear(rulings);
  const grids: Grid[] = [];
  for (const group of meetingGroups(lines)) {
    const grid = gridOf(group);
    // A frame round a paragraph (one cell, or cells only stacked) is a box, not a table.
    if (grid?.cells.some((c) => grid.cells.some((d) => d !== c && d.row <= c.row && c.row < d.row + d.rowSpan && d.col !== c.col))) grids.push(grid);
  }
  return grids;
}

/** Joins pieces of one line (a border drawn cell by cell) into one ruling. */
function mergeCollinear(rulings: Ruling[]): Ruling[] {
  const out: Ruling[] = [];
  const sorted = [...rulings].sort((p, q) => (p.axis === q.axis ? p.at - q.at || p.from - q.from : p.axis < q.axis ? -1 : 1));
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && last.axis === r.axis && Math.abs(last.at - r.at) <= SNAP && r.from <= last.to + SNAP) {
      last.to = Math.max(last.to, r.to);
    } else out.push({ ...r });
  }
  return out;
}

const meets = (h: Ruling, v: Ruling) => v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;

/** Sets of rulings connected by crossings (union-find over level × plumb pairs). */
function meetingGroups(lines: Ruling[]): Ruling[][] {
  const parent = lines.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  lines.forEach((h, i) => {
    if (h.axis !== 'h') return;
    lines.forEach((v, j) => {
      if (v.axis === 'v' && meets(h, v)) parent[find(i)] = find(j);
    });
  });
  const groups = new Map<number, Ruling[]>();
  lines.forEach((line, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), line]);
  });
  return [...groups.values()].filter((g) => g.some((r) => r.axis === 'h') && g.some((r) => r.axis === 'v'));
}

/** Positions closer than SNAP taken as one (their mean). */
function clusters(values: number[]): number[] {
  const out: number[][] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && v - last.at(-1)! <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

/** The grid of one group of meeting rulings: slots parted by a line are separate cells; the rest merge. */
function gridOf(group: Ruling[]): Grid | null {
  const xs = clusters(group.filter((r) => r.axis === 'v').map((r) => r.at));
  const ys = clusters(group.filter((r) => r.axis === 'h').map((r) => r.at));
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const covers = (axis: 'h' | 'v', at: number, along: number) =>
    group.some((r) => r.axis === axis && Math.abs(r.at - at) <= SNAP && r.from - SNAP <= along && along <= r.to + SNAP);
  const midY = (r: number) => (ys[r] + ys[r + 1]) / 2;
  const midX = (c: number) => (xs[c] + xs[c + 1]) / 2;
  // Union-find over slots: neighbours with no line between them are one cell.
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c > 0 && !covers('v', xs[c], midY(r))) parent[find(r * cols + c)] = find(r * cols + c - 1);
      if (r > 0 && !covers('h', ys[r], midX(c))) parent[find(r * cols + c)] = find((r - 1) * cols + c);
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const s = spans.get(root);
      if (s) Object.assign(s, { r0: Math.min(s.r0, r), r1: Math.max(s.r1, r), c0: Math.min(s.c0, c), c1: Math.max(s.c1, c) });
      else spans.set(root, { r0: r, r1: r, c0: c, c1: c });
    }
  }
  const cells: GridCell[] = [];
  for (const { r0, r1, c0, c1 } of spans.values()) {
    // Only cells closed on all four sides: slots outside an uneven outline are not cells.
    const closed =
      covers('h', ys[r0], (xs[c0] + xs[c1 + 1]) / 2) &&
      covers('h', ys[r1 + 1], (xs[c0] + xs[c1 + 1]) / 2) &&
      covers('v', xs[c0], (ys[r0] + ys[r1 + 1]) / 2) &&
      covers('v', xs[c1 + 1], (ys[r0] + ys[r1 + 1]) / 2);
    if (closed) cells.push({ row: r0, col: c0, rowSpan: r1 - r0 + 1, colSpan: c1 - c0 + 1 });
  }
  cells.sort((p, q) => p.row - q.row || p.col - q.col);
  return { xs, ys, cells };
}

// ---------------------------------------------------------------------------
// Text into cells

const centre = (g: Glyph) => ({ x: g.x + g.width / 2, y: g.top - 0.35 * g.size });

function within(grid: Grid, { x, y }: { x: number; y: number }): boolean {
  return x >= grid.xs[0] && x <= grid.xs.at(-1)! && y >= grid.ys[0] && y <= grid.ys.at(-1)!;
}

/**
 * Pieces of text that run across a plumb line of the grid, cut where they cross it: a PDF may set a
 * whole row as one piece. Characters are taken as equally wide (exact for Chinese text).
 */
function splitAtRulings(glyphs: Glyph[], grid: Grid, rulings: Ruling[]): Glyph[] {
  const plumb = rulings.filter((r) => r.axis === 'v');
  return glyphs.flatMap((g) => {
    const chars = [...g.str];
    const y = centre(g).y;
    const cuts = grid.xs.filter((x) => x > g.x + SNAP && x < g.x + g.width - SNAP && plumb.some((r) => Math.abs(r.at - x) <= SNAP && r.from <= y && y <= r.to));
    if (cuts.length === 0 || chars.length < 2) return [g];
    const each = g.width / chars.length;
    const pieces: Glyph[] = [];
    let start = 0;
    for (const cut of [...cuts, Number.POSITIVE_INFINITY]) {
      const end = Math.min(chars.length, Math.max(start, Math.round((cut - g.x) / each)));
      if (end > start) pieces.push({ ...g, str: chars.slice(start, end).join(''), x: g.x + start * each, width: (end - start) * each });
      start = end;
    }
    return pieces;
  });
}

/** The cell a piece of text sits in (by its centre), if any. */
function cellAt(grid: Grid, g: Glyph): GridCell | undefined {
  const { x, y } = centre(g);
  return grid.cells.find((c) => x >= grid.xs[c.col] && x <= grid.xs[c.col + c.colSpan] && y >= grid.ys[c.row] && y <= grid.ys[c.row + c.rowSpan]);
}

/** The rows of a grid as lines: each cell's text in the row it starts in, '' in the rows a taller cell continues into. */
export function gridRows(grid: Grid, glyphs: Glyph[]): TableRowLine[] {
  const inCell = new Map<GridCell, Glyph[]>(grid.cells.map((c) => [c, []]));
  for (const g of glyphs) {
    const cell = cellAt(grid, g);
    if (cell) inCell.get(cell)!.push(g);
  }
  const rows: TableRowLine[] = [];
  for (let r = 0; r < grid.ys.length - 1; r++) {
    const cells = grid.cells.filter((c) => c.row <= r && r < c.row + c.rowSpan).sort((p, q) => p.col - q.col);
    const texts = cells.map((c) => (c.row === r ? cellText(inCell.get(c)!) : ''));
    // A row with nothing in it (all its cells empty or continued from above) gives no line.
    if (texts.every((t) => t === '')) continue;
    const sizes = cells.flatMap((c) => (c.row === r ? inCell.get(c)!.map((g) => g.size) : []));
    rows.push({ text: texts.join('\t'), top: grid.ys[r], left: grid.xs[0], right: grid.xs.at(-1)!, size: mostCommon(sizes) });
  }
  return rows;
}

/**
 * A cell's text: its lines read top to bottom and joined, with a space only between two Latin
 * letters or digits (a wrap between Chinese characters is no space). Tabs never appear in a cell.
 */
export function cellText(glyphs: Glyph[]): string {
  let text = '';
  for (const line of groupLines(glyphs)) {
    const next = lineText(line, false).text.replace(/\s+/g, ' ').trim();
    if (next === '') continue;
    text += text !== '' && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(next) ? ` ${next}` : next;
  }
  return text;
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] ?? 0;
  for (const v of values.map((s) => Math.round(s * 2) / 2)) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

/** A line of a page as the header-row rule sees it. */
export interface PageLine {
  text: string;
  tableRow?: boolean;
  /** Already set aside (running header, page number). */
  aside: boolean;
}

/**
 * Header rows a word processor repeats at the top of each page a table runs on to ("repeat as
 * header row"): the first kept line of a page, a table row, when the page before ended in that
 * table and this row is the same as the table's first row. Indexes into each page's lines.
 */
export function repeatedHeaderRows(pages: PageLine[][]): Array<Set<number>> {
  let head: string | null = null;
  return pages.map((lines) => {
    const repeats = new Set<number>();
    const kept = lines.flatMap((line, i) => (line.aside ? [] : [i]));
    const continuing = head !== null && kept.length > 0 && lines[kept[0]].tableRow === true;
    if (continuing && lines[kept[0]].text === head) repeats.add(kept[0]);
    // The table running at the page's foot, and its first row, for the next page.
    let start = kept.length;
    while (start > 0 && lines[kept[start - 1]].tableRow) start--;
    if (start === kept.length) head = null;
    else if (!(start === 0 && continuing)) head = lines[kept[start]].text;
    return repeats;
  });
}
