import { describe, expect, it } from 'vitest';
import { findGutter, readingOrder, splitColumns } from '../../../../scripts/ingest/formats/pdf-columns.ts';
import type { Glyph } from '../../../../scripts/ingest/formats/pdf-lines.ts';

/** A line of `n` Chinese characters at (x, baseline), 10 pt each, as one piece of text. */
const line = (label: string, n: number, x: number, top: number): Glyph => ({ str: label.padEnd(n, '文').slice(0, n), x, top, width: 10 * n, size: 10 });

/** A page of two 20-character columns (x 50–250 and 280–480), `rows` lines each, under a title across both. */
function twoColumnPage(rows: number): Glyph[] {
  const glyphs = [line('标题', 16, 185, 40)];
  for (let i = 0; i < rows; i++) {
    // The last line of each paragraph is short, as in real prose.
    glyphs.push(line(`左${i}`, i % 4 === 3 ? 8 : 20, 50, 80 + 20 * i), line(`右${i}`, i % 4 === 3 ? 8 : 20, 280, 80 + 20 * i));
  }
  return glyphs;
}

const texts = (lines: Glyph[][]) =>
  lines.map((l) =>
    l
      .map((g) => g.str)
      .join('')
      .slice(0, 3),
  );

describe('two-column pages', () => {
  it('finds the gutter between two columns of prose', () => {
    expect(findGutter(twoColumnPage(12))).toEqual({ from: 250, to: 280 });
  });

  it('reads the left column, then the right, under a title across both', () => {
    const columns = splitColumns(twoColumnPage(12), { from: 250, to: 280 });
    expect(texts(columns.across)).toEqual(['标题文']);
    expect(texts(columns.left)).toEqual(Array.from({ length: 12 }, (_, i) => `左${i}`.padEnd(3, '文').slice(0, 3)));
    expect(columns.boxes.left).toEqual({ left: 50, right: 250 });
    expect(columns.boxes.right).toEqual({ left: 280, right: 480 });
  });

  it('finds no gutter on a page of one column', () => {
    const page = Array.from({ length: 12 }, (_, i) => line(`行${i}`, 43, 50, 80 + 20 * i));
    expect(findGutter(page)).toBeNull();
  });

  it('finds no gutter between the label and value columns of an unruled table', () => {
    // Short labels on the left, ragged: not prose, so the rows are kept together.
    const page = Array.from({ length: 12 }, (_, i) => [line(`项${i}`, 2 + (i % 5), 50, 80 + 20 * i), line(`值${i}`, 20, 280, 80 + 20 * i)]).flat();
    expect(findGutter(page)).toBeNull();
    // Labels nearly as wide as their column, a gutter-wide gap from the values: still ragged, not prose.
    const close = Array.from({ length: 12 }, (_, i) => [line(`项${i}`, 10 + (i % 5), 50, 80 + 20 * i), line(`值${i}`, 20, 220, 80 + 20 * i)]).flat();
    expect(findGutter(close)).toBeNull();
  });

  it('finds no gutter where one side is only a few lines high', () => {
    const page = twoColumnPage(12).filter((g) => g.x < 260 || g.top < 120);
    expect(findGutter(page)).toBeNull();
  });

  it('puts each band between breaks in order: left column, right column, then the break', () => {
    const at = (name: string, top: number) => ({ name, top });
    const order = readingOrder(
      [at('title', 10), at('table row', 100)],
      [at('L1', 20), at('L2', 30), at('L3', 110)],
      [at('R1', 20), at('R2', 30), at('R3', 110)],
    );
    expect(order.map((o) => o.name)).toEqual(['title', 'L1', 'L2', 'R1', 'R2', 'table row', 'L3', 'R3']);
  });
});
