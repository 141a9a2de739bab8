import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedText } from '../../../../scripts/ingest/formats/model.ts';
import { readPdf } from '../../../../scripts/ingest/formats/pdf.ts';

/** PDFs printed by Chromium (tests/fixtures/pdf-layout/make.ts): another PDF writer than the format fixtures'. */
const LAYOUT = path.resolve(import.meta.dirname, '../../../fixtures/pdf-layout');

async function read(name: string): Promise<ExtractedText> {
  const result = await readPdf(`${name}.pdf`, fs.readFileSync(path.join(LAYOUT, `${name}.pdf`)));
  if ('error' in result) throw new Error(result.error.message);
  return result;
}
// Chromium's PDF maps some ideographs to their Kangxi radical look-alikes (⽹ for 网); normalise's job, not the reader's.
const plain = (lines: string[]) => lines.map((l) => l.replace(/[\u2f00-\u2fdf]/g, (c) => c.normalize('NFKC')));

describe('PDF reader on layouts of another PDF writer', () => {
  it('reads a table drawn with filled rectangles, with cells spanning rows and columns, row by row', async () => {
    expect(plain((await read('ruled-table')).lines)).toEqual([
      '济南市物流产业主要发展指标分解表',
      '类别\t指标\t2023年\t2024年',
      '设施网络\t规范化物流园区数量较多需要换行显示\t20个\t22个',
      '\t现代物流网项目\t累计竣工数量\t20个\t28个',
      '\t\t累计投资额(元）\t140亿\t180亿',
      '物流通道\tOperational Design Domain coverage\t51条\t≥56条',
      '表后正文第一段。',
    ]);
  });

  it("reads a two-column page column by column, and joins wraps by each column's margins", async () => {
    const pdf = await read('two-columns');
    const starts = pdf.lines.flatMap((l, i) => (/^第\d+段/.test(l) ? [[Number(/\d+/.exec(l)![0]), i + 1]] : []));
    expect(starts.map(([n]) => n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Each paragraph's lines follow one another: its wraps are marked as continuing, in both columns.
    for (const [n, line] of starts) {
      const end = starts.find(([m]) => m === n + 1)?.[1] ?? pdf.lines.length + 1;
      for (let l = line + 1; l < end; l++) expect(pdf.continues, `paragraph ${n}, line ${l}`).toContain(l);
      expect(pdf.continues).not.toContain(line);
    }
  });
});
