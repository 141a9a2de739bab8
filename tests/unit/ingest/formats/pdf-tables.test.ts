import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Glyph } from '../../../../scripts/ingest/formats/pdf-lines.ts';
import { pageRulings, type Ruling } from '../../../../scripts/ingest/formats/pdf-rulings.ts';
import { cellText, findGrids, mayHoldTable, readTables, repeatedHeaderRows } from '../../../../scripts/ingest/formats/pdf-tables.ts';

/** A piece of text at (x, baseline) in top-down points, 10 pt, each character 10 pt wide. */
const text = (str: string, x: number, top: number): Glyph => ({ str, x, top, width: 10 * [...str].length, size: 10 });
const h = (at: number, from: number, to: number): Ruling => ({ axis: 'h', at, from, to });
const v = (at: number, from: number, to: number): Ruling => ({ axis: 'v', at, from, to });

/** The rulings of a grid drawn line by line: every level line across, every plumb line down. */
function fullGrid(xs: number[], ys: number[]): Ruling[] {
  return [...ys.map((y) => h(y, xs[0], xs.at(-1)!)), ...xs.map((x) => v(x, ys[0], ys.at(-1)!))];
}

const rowsOf = (glyphs: Glyph[], rulings: Ruling[]) => readTables(glyphs, rulings).rows.map((r) => r.text);

describe('table grids from ruling lines', () => {
  it('finds the cells of a plain ruled grid', () => {
    const [grid] = findGrids(fullGrid([0, 100, 200, 300], [0, 20, 40]));
    expect(grid.cells).toEqual([
      { row: 0, col: 0, rowSpan: 1, colSpan: 1 },
      { row: 0, col: 1, rowSpan: 1, colSpan: 1 },
      { row: 0, col: 2, rowSpan: 1, colSpan: 1 },
      { row: 1, col: 0, rowSpan: 1, colSpan: 1 },
      { row: 1, col: 1, rowSpan: 1, colSpan: 1 },
      { row: 1, col: 2, rowSpan: 1, colSpan: 1 },
    ]);
  });

  it('takes a border drawn cell by cell, a little off, as one line', () => {
    const rulings = [h(0, 0, 100), h(0.4, 100, 200), h(30, 0, 200), v(0, 0, 30), v(100.5, 0, 15), v(100, 15, 30), v(200, 0, 30)];
    expect(findGrids(rulings)[0].cells).toHaveLength(2);
  });

  it('merges slots with no line between them into a cell spanning rows or columns', () => {
    // Column 0 has no level line at y=20 (a row header over two rows); row 0 has no plumb line at x=200.
    const rulings = [h(0, 0, 300), h(20, 100, 300), h(40, 0, 300), h(60, 0, 300), v(0, 0, 60), v(100, 0, 60), v(200, 20, 60), v(300, 0, 60)];
    expect(findGrids(rulings)[0].cells).toEqual([
      { row: 0, col: 0, rowSpan: 2, colSpan: 1 },
      { row: 0, col: 1, rowSpan: 1, colSpan: 2 },
      { row: 1, col: 1, rowSpan: 1, colSpan: 1 },
      { row: 1, col: 2, rowSpan: 1, colSpan: 1 },
      { row: 2, col: 0, rowSpan: 1, colSpan: 1 },
      { row: 2, col: 1, rowSpan: 1, colSpan: 1 },
      { row: 2, col: 2, rowSpan: 1, colSpan: 1 },
    ]);
  });

  it('takes a frame round a paragraph, or boxes only stacked, for no table', () => {
    expect(findGrids(fullGrid([0, 400], [0, 100]))).toEqual([]);
    expect(findGrids(fullGrid([0, 400], [0, 50, 100]))).toEqual([]);
  });

  it('takes a lone rule (under a letterhead) for no table', () => {
    expect(findGrids([h(120, 80, 520)])).toEqual([]);
  });

  it('finds two tables drawn apart on one page', () => {
    expect(findGrids([...fullGrid([0, 100, 200], [0, 20]), ...fullGrid([0, 100, 200], [300, 320])])).toHaveLength(2);
  });
});

describe('table rows from text and ruling lines', () => {
  it('reads each row as one line of tab-parted cells, in reading order', () => {
    const rulings = fullGrid([0, 100, 200, 300], [0, 20, 40]);
    const glyphs = [text('22个', 210, 35), text('类别', 5, 15), text('指标', 105, 15), text('2023年', 205, 15), text('设施网络', 5, 35), text('园区', 105, 35)];
    expect(rowsOf(glyphs, rulings)).toEqual(['类别\t指标\t2023年', '设施网络\t园区\t22个']);
  });

  it('joins a cell wrapped over several lines, without interleaving the cells beside it', () => {
    const rulings = fullGrid([0, 50, 100, 150], [0, 50]);
    const glyphs = [text('设施', 5, 15), text('网络', 5, 30), text('规范化物', 55, 15), text('流园区', 55, 30), text('20个', 105, 15)];
    expect(rowsOf(glyphs, rulings)).toEqual(['设施网络\t规范化物流园区\t20个']);
  });

  it('joins wrapped Latin words with a space and Chinese without one', () => {
    expect(cellText([text('Operational', 0, 10), text('Design', 0, 22), text('设计', 0, 34), text('域', 0, 46)])).toBe('Operational Design设计域');
  });

  it('writes a cell spanning rows in its first row and empty below, a cell spanning columns once', () => {
    const rulings = [h(0, 0, 300), h(20, 100, 300), h(40, 0, 300), v(0, 0, 40), v(100, 0, 40), v(200, 20, 40), v(300, 0, 40)];
    // The row header is centred over its two rows: its text sits on the line between them.
    const glyphs = [text('快递业务', 5, 24), text('年业务量合计', 105, 15), text('年均增长', 105, 35), text('10%', 205, 35)];
    expect(rowsOf(glyphs, rulings)).toEqual(['快递业务\t年业务量合计', '\t年均增长\t10%']);
  });

  it('cuts a piece of text that runs across a cell border', () => {
    const rulings = fullGrid([0, 25, 80], [0, 20]);
    expect(rowsOf([text('类别指标', 5, 15)], rulings)).toEqual(['类别\t指标']);
  });

  it('leaves text outside the tables, and pages without rulings, to the line reader', () => {
    const rulings = fullGrid([0, 100, 200], [100, 120]);
    const above = text('主要指标如下：', 0, 80);
    const cells = [text('甲', 5, 115), text('乙', 105, 115)];
    const read = readTables([above, ...cells], rulings);
    expect(read.rows.map((r) => [r.text, r.top])).toEqual([['甲\t乙', 100]]);
    expect(read.rest).toEqual([above]);
    expect(readTables([above, ...cells], [])).toEqual({ rows: [], rest: [above, ...cells] });
  });

  it('gives text inside the outline but in no closed cell back to the line reader', () => {
    // An uneven table: the second row has no right-hand cell (no border closes it).
    const rulings = [h(0, 0, 200), h(20, 0, 200), h(40, 0, 100), v(0, 0, 40), v(100, 0, 40), v(200, 0, 20)];
    const stray = text('注', 150, 35);
    const read = readTables([text('甲', 5, 15), text('乙', 105, 15), text('丙', 5, 35), stray], rulings);
    expect(read.rows.map((r) => r.text)).toEqual(['甲\t乙', '丙']);
    expect(read.rest).toEqual([stray]);
  });

  it('gives no line for a row whose cells are all empty', () => {
    expect(rowsOf([text('甲', 5, 15), text('乙', 105, 15)], fullGrid([0, 100, 200], [0, 20, 40]))).toEqual(['甲\t乙']);
  });
});

describe('whether a page may hold a table', () => {
  it('says no for prose, whose pieces on a line touch or are a word space apart', () => {
    expect(mayHoldTable([text('为促进全市物流产业', 80, 100), text('高质量发展', 172, 100), text('加快打造', 80, 123)])).toBe(false);
  });

  it('says yes where two pieces on one baseline are a cell gap apart', () => {
    expect(mayHoldTable([text('类别', 85, 100), text('指标', 148, 100)])).toBe(true);
  });
});

describe('ruling lines from the operator list', () => {
  const path = (paint: number, ...data: number[]) => [paint, [new Float32Array(data)], [0, 0, 0, 0]];
  const M = 0;
  const L = 1;
  const C = 2;
  const Z = 4;
  const list = (...ops: Array<[number, unknown]>) => ({ fnArray: ops.map((o) => o[0]), argsArray: ops.map((o) => o[1]) });

  it('reads stroked level and plumb segments, top-down, through the transformation matrix', () => {
    const ops = list(
      [OPS.save, null],
      [OPS.transform, [1, 0, 0, 1, 10, 0]],
      [OPS.constructPath, path(OPS.stroke, M, 0, 800, L, 100, 800, L, 100, 700)],
      [OPS.restore, null],
      [OPS.constructPath, path(OPS.stroke, M, 0, 600, L, 50, 550)],
    );
    expect(pageRulings(ops, OPS, 842)).toEqual([
      { axis: 'h', at: 42, from: 10, to: 110 },
      { axis: 'v', at: 110, from: 42, to: 142 },
    ]);
  });

  it('reads the four sides of a stroked rectangle, closed', () => {
    const ops = list([OPS.constructPath, path(OPS.stroke, M, 0, 0, L, 100, 0, L, 100, 50, L, 0, 50, Z)]);
    expect(pageRulings(ops, OPS, 100).map((r) => `${r.axis}${r.at}`)).toEqual(['h100', 'v100', 'h50', 'v0']);
  });

  it('reads a thin filled rectangle as a line, and not a filled area, a curve or a clipping path', () => {
    const ops = list(
      [OPS.constructPath, path(OPS.fill, M, 0, 10, L, 200, 10, L, 200, 10.5, L, 0, 10.5, Z)],
      [OPS.constructPath, path(OPS.fill, M, 0, 0, L, 200, 0, L, 200, 100, L, 0, 100, Z)],
      [OPS.constructPath, path(OPS.stroke, M, 0, 0, C, 10, 10, 20, 10, 30, 0)],
      [OPS.constructPath, path(OPS.endPath, M, 0, 50, L, 200, 50)],
    );
    expect(pageRulings(ops, OPS, 100)).toEqual([{ axis: 'h', at: 89.75, from: 0, to: 200 }]);
  });

  it('follows the matrix of a form XObject and drops it at the form end', () => {
    const ops = list(
      [
        OPS.paintFormXObjectBegin,
        [
          [2, 0, 0, 2, 0, 0],
          [0, 0, 100, 100],
        ],
      ],
      [OPS.constructPath, path(OPS.stroke, M, 0, 10, L, 50, 10)],
      [OPS.paintFormXObjectEnd, null],
      [OPS.constructPath, path(OPS.stroke, M, 0, 10, L, 50, 10)],
    );
    expect(pageRulings(ops, OPS, 100)).toEqual([
      { axis: 'h', at: 80, from: 0, to: 100 },
      { axis: 'h', at: 90, from: 0, to: 50 },
    ]);
  });
});

describe('header rows repeated on each page a table runs on to', () => {
  const row = (text: string) => ({ text, tableRow: true, aside: false });
  const prose = (text: string) => ({ text, aside: false });
  const header = (text: string) => ({ text, aside: true });

  it('finds the repeat below the running header, and only where the table goes on from the page before', () => {
    const pages = [
      [prose('主要指标如下：'), row('类别\t指标'), row('甲\t1')],
      [header('页眉'), row('类别\t指标'), row('乙\t2')],
      [header('页眉'), row('类别\t指标'), row('丙\t3'), prose('二、重点任务')],
      [header('页眉'), row('类别\t指标'), row('丁\t4')],
    ];
    expect(repeatedHeaderRows(pages).map((set) => [...set])).toEqual([[], [1], [1], []]);
  });

  it('keeps a first row that differs from the table head', () => {
    const pages = [[row('类别\t指标'), row('甲\t1')], [row('乙\t2')]];
    expect(repeatedHeaderRows(pages).map((set) => [...set])).toEqual([[], []]);
  });
});
