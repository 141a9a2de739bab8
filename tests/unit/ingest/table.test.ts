import { describe, expect, it } from 'vitest';
import type { LogicalLine, Table, TableCell } from '../../../scripts/ingest/model.ts';
import { joinFragments, parseTable } from '../../../scripts/ingest/table.ts';
import { lineByLine, normalisedLines, SEEDS } from '../../fixtures/hierarchy/seed-lines.ts';

/** Logical lines numbered from 1; "→" stands for a tab to keep fixtures readable. */
function lines(...texts: string[]): LogicalLine[] {
  return texts.map((t, i) => ({ text: t.replaceAll('→', '\t'), lineStart: i + 1, lineEnd: i + 1 }));
}

/** A row as "text{cN}{rN}*" cells joined by " | " (c = colspan, r = rowspan, * = header). */
function render(table: Table): string[] {
  const cell = (c: TableCell) => `${c.text}${c.colspan ? `{c${c.colspan}}` : ''}${c.rowspan ? `{r${c.rowspan}}` : ''}${c.header ? '*' : ''}`;
  return table.rows.map((r) => r.map(cell).join(' | '));
}

describe('parseTable', () => {
  it('takes a tab-less first line as caption and the first row as header', () => {
    expect(parseTable(lines('指标表', '指标→2024年→2025年', '园区→22个→24个'))).toEqual({
      type: 'table',
      caption: '指标表',
      lineStart: 1,
      lineEnd: 3,
      rows: [
        [
          { text: '指标', header: true },
          { text: '2024年', header: true },
          { text: '2025年', header: true },
        ],
        [{ text: '园区' }, { text: '22个' }, { text: '24个' }],
      ],
    });
  });

  it('spans a group label over the rows whose first cell is empty', () => {
    const table = parseTable(lines('类别→指标→2024年', '设施→园区→22个', '→项目→28个', '→快递→6个', '通道→航线→56条'));
    expect(render(table)).toEqual(['类别* | 指标* | 2024年*', '设施{r3} | 园区 | 22个', '项目 | 28个', '快递 | 6个', '通道 | 航线 | 56条']);
  });

  it('widens the indicator (and its header) over the sub-indicator column of other rows', () => {
    const table = parseTable(lines('类别→指标→2024年', '设施→园区→22个', '→项目→竣工数量→28个', '→→投资额→180亿'));
    expect(render(table)).toEqual(['类别* | 指标{c2}* | 2024年*', '设施{r3} | 园区{c2} | 22个', '项目{r2} | 竣工数量 | 28个', '投资额 | 180亿']);
  });

  it('joins a cell broken across lines', () => {
    expect(
      joinFragments(
        [
          ['产业规模', '规模以上交通运输'],
          ['(剔除客运）年营业收入', '957亿', '1020亿'],
        ],
        4,
      ),
    ).toEqual([['产业规模', '规模以上交通运输(剔除客运）年营业收入', '957亿', '1020亿']]);
  });

  it('appends a wrapped tail printed as a row of its own to the cell above', () => {
    const table = parseTable(lines('类别→指标→2024年→2025年', '质量→新能源车辆在城市内快递→75%→80%', '→服务运输车辆中的占比→→'));
    expect(render(table)).toEqual(['类别* | 指标* | 2024年* | 2025年*', '质量 | 新能源车辆在城市内快递服务运输车辆中的占比 | 75% | 80%']);
  });

  it('keeps cell text exactly, untrimmed', () => {
    const table = parseTable(lines('指标→2024年', ' 园区 →≥56条'));
    expect(table.rows[1]).toEqual([{ text: ' 园区 ' }, { text: '≥56条' }]);
  });
});

describe('the Jinan logistics indicator table (004, lines 315–356)', () => {
  const expected = [
    '类别* | 指标{c2}* | 2023年* | 2024年* | 2025年* | 2026年*',
    '设施网络{r7} | 规范化物流园区{c2} | 20个 | 22个 | 24个 | 25个',
    '现代物流网项目{r2} | 累计竣工数量 | 20个 | 28个 | 35个 | 40个',
    '累计投资额(元） | 140亿 | 180亿 | 220亿 | 260亿',
    '新增冷链设施库容(立方米）{c2} | -- | 30万 | 40万 | 30万',
    '主城区累计建成快递集聚区{c2} | 6个 | 6个 | 7个 | 8个',
    '提升镇、村快递综合服务站{c2} | / | 400个 | 300个 | 300个',
    '新设智能快递箱{c2} | / | 400组 | 300组 | 300组',
    '物流通道{r6} | 国际(地区）客货运航线{c2} | 51条 | ≥56条 | ≥65条 | ≥65条',
    '中欧班列{r2} | 运行线路 | 14条 | 15条 | 15条 | ≥16条',
    '年开行量 | 1006列 | 1100列 | 1300列 | 1400列',
    '陆(河）海联运集装箱货运量(标箱）{c2} | 0.9万 | 1万 | 1.2万 | 1.5万',
    '国内班列重点线路{c2} | 4条 | 4条 | 5条 | ≥6条',
    '铁路集装箱年货运量(标箱）{c2} | 38万 | 42万 | 45万 | ≥50万',
    '产业规模{r7} | 规模以上交通运输、仓储和邮政业(剔除客运）年营业收入(元）{c2} | 957亿 | 1020亿 | 1080亿 | 1140亿',
    '国家5A级物流企业总数{c2} | 17家 | 18家 | 19家 | ≥19家',
    '培育物流业制造业融合创新发展应用场景{c2} | / | 5个 | 5个 | 5个',
    '新招引物流头部企业和总部(含区域）企业数量{c2} | / | 3家 | 3家 | 4家',
    '快递业务{r3} | 年业务量(件） | 8.4亿 | 9.2亿 | 10亿 | ≥11亿',
    '年均增长 | 10% | 10% | 10% | 10%',
    '年超1亿件品牌企业总数 | 4家 | 4家 | 5家 | 5家',
    '发展质量{r4} | 智慧物流园区总数{c2} | / | 2家 | 4家 | 5家',
    '智慧立体仓储基地总数{c2} | / | 3家 | 7家 | 10家',
    '新能源或清洁能源车辆在城市内快递服务运输车辆中的占比{c2} | 73% | 75% | 80% | >80%',
    '实施光伏电站、储能、充电场站等绿色设施建设的快递企业总数{c2} | 2家 | 2家 | 3家 | 4家',
  ];
  const seedLines = lineByLine(SEEDS['004'], 315, 356);

  it('gives the header, four row groups and every merged cell the source implies', () => {
    const table = parseTable(seedLines);
    expect(table.caption).toBe('济南市物流产业主要发展指标分解表（2024—2026年）');
    expect([table.lineStart, table.lineEnd]).toEqual([315, 356]);
    expect(render(table)).toEqual(expected);
  });

  it('fills a grid of 7 columns in every row', () => {
    const table = parseTable(seedLines);
    const grid: number[] = Array(table.rows.length).fill(0);
    table.rows.forEach((row, r) =>
      row.forEach((c) => {
        for (let k = 0; k < (c.rowspan ?? 1); k++) grid[r + k] += c.colspan ?? 1;
      }),
    );
    expect(grid).toEqual(Array(25).fill(7));
  });

  it('loses no cell text', () => {
    const table = parseTable(seedLines);
    const sorted = (s: string) => [...s.replace(/\s/g, '')].sort().join('');
    const cells = [table.caption, ...table.rows.flat().map((c) => c.text)].join('');
    expect(sorted(cells)).toBe(sorted(seedLines.map((l) => l.text).join('')));
  });

  it('parses the same through normalise, and with trailing tabs trimmed', () => {
    expect(render(parseTable(normalisedLines(SEEDS['004'], 315, 356)))).toEqual(expected);
    const trimmed = seedLines.map((l) => ({ ...l, text: l.text.replace(/\t+$/, '') }));
    expect(render(parseTable(trimmed))).toEqual(expected);
  });
});
