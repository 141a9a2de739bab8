/**
 * Stage 4 helper: turns a run of tab-separated logical lines (PDF/Word table
 * text) into a Table with header cells, colspans and rowspans.
 *
 * The source only gives tabs. Three things are recovered from them:
 * - a cell broken across lines: a row with fewer cells than the header goes on
 *   in the next line when that line starts with text (not with a tab);
 * - a cell whose wrapped tail was printed as a row of its own with empty
 *   value cells ("\t服务运输车辆中的占比\t\t\t\t") is appended to the row above;
 * - merged cells: empty leading cells are covered by the cell above (a row
 *   group label on the group's first row only), and a row with fewer cells
 *   than the widest row widens its last label cell (an indicator without a
 *   sub-indicator spans both indicator columns; so does the header cell).
 * Cell text is never trimmed or rewritten, so no character is lost.
 */
import type { LogicalLine, Table, TableCell } from './model.ts';

/** A cell is a "value" column header when it carries a digit (2023年, 2024年…). */
const VALUE_HEADER = /\d/;

/** Parses a table; a first line without a tab is taken as its caption. */
export function parseTable(lines: LogicalLine[]): Table {
  const [first] = lines;
  const hasCaption = first !== undefined && !first.text.includes('\t');
  const body = (hasCaption ? lines.slice(1) : lines).filter((l) => l.text.trim() !== '');
  const raw = body.map((l) => l.text.split('\t'));
  const table: Table = {
    type: 'table',
    lineStart: lines[0]?.lineStart ?? 0,
    lineEnd: lines.at(-1)?.lineEnd ?? 0,
    rows: [],
  };
  if (hasCaption) table.caption = first.text;
  if (raw.length === 0) return table;

  const header = raw[0];
  const valueCount = countValueColumns(header);
  const rows = [header, ...mergeWrappedTails(joinFragments(raw.slice(1), header.length), valueCount)];
  table.rows = layoutRows(rows, valueCount);
  return table;
}

/** Joins rows whose last cell was broken across lines (see the module comment). */
export function joinFragments(raw: string[][], width: number): string[][] {
  const out: string[][] = [];
  let pending: string[] | null = null;
  for (const cells of raw) {
    if (pending && cells[0] !== '') {
      // The line starts with text: it continues the pending row's last cell.
      pending = [...pending.slice(0, -1), pending.at(-1) + cells[0], ...cells.slice(1)];
    } else {
      if (pending) out.push(pending);
      pending = cells;
    }
    if (pending.length >= width) {
      out.push(pending);
      pending = null;
    }
  }
  if (pending) out.push(pending);
  return out;
}

/** Appends "tail" rows (one label cell, nothing else) to the cell above them. */
function mergeWrappedTails(rows: string[][], valueCount: number): string[][] {
  const out: string[][] = [];
  for (const row of rows) {
    const filled = row.flatMap((text, i) => (text === '' ? [] : [i]));
    const prev = out.at(-1);
    const labelEnd = row.length - valueCount;
    if (prev && row[0] === '' && filled.length === 1 && filled[0] < Math.max(labelEnd, 2)) {
      const i = filled[0];
      if (i < prev.length) {
        out[out.length - 1] = prev.map((text, j) => (j === i ? text + row[i] : text));
        continue;
      }
    }
    out.push(row);
  }
  return out;
}

/** Number of trailing header cells that head value columns (years, counts). */
function countValueColumns(header: string[]): number {
  let n = 0;
  for (let i = header.length - 1; i > 0 && VALUE_HEADER.test(header[i]); i--) n++;
  // Without year-like headers, only the first column is taken as a label.
  return n > 0 ? n : Math.max(header.length - 1, 0);
}

/** Grid cell owner: which cell covers a column in the row above. */
interface Owner {
  cell: TableCell;
  start: number;
  body: boolean;
}

/** Lays rows out on a grid of the widest row, computing colspans and rowspans. */
function layoutRows(rows: string[][], valueCount: number): TableCell[][] {
  const width = Math.max(...rows.map((r) => r.length));
  let above: Array<Owner | undefined> = [];
  return rows.map((cells, r) => {
    const labelCount = Math.max(cells.length - valueCount, 1);
    const widen = width - cells.length;
    const out: TableCell[] = [];
    const owners: Array<Owner | undefined> = [];
    let col = 0;
    let leading = true;
    cells.forEach((text, i) => {
      const span = i === labelCount - 1 ? widen + 1 : 1;
      const owner = above[col];
      leading &&= text === '';
      const covered = leading && r > 0 && i < labelCount - 1 && owner?.body && owner.start === col && !owner.cell.colspan;
      if (covered && owner) {
        owner.cell.rowspan = (owner.cell.rowspan ?? 1) + 1;
        owners[col] = owner;
      } else {
        const cell: TableCell = { text };
        if (span > 1) cell.colspan = span;
        if (r === 0) cell.header = true;
        out.push(cell);
        for (let c = col; c < col + span; c++) owners[c] = { cell, start: col, body: r > 0 };
      }
      col += span;
    });
    above = owners;
    return out;
  });
}
