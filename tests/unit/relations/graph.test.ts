/** The layouts of the relations graph and the validity timeline. */
import { describe, expect, it } from 'vitest';
import { layoutGraph, wrapTitle, type GraphDocument } from '../../../scripts/relations/graph.ts';
import { layoutTimeline } from '../../../scripts/relations/timeline.ts';
import type { Relation } from '../../../scripts/relations/model.ts';

const doc = (id: string, region: string[], title = `${id}的文件`): GraphDocument => ({ id, title, region, status: '正式' });
const relation = (from: string, to: string, kind: Relation['kind'] = '落实'): Relation => ({
  kind,
  from: { id: from, title: from },
  to: { id: to, title: to },
  basis: 'citation',
  evidence: [],
});

describe('the relations graph', () => {
  const documents = [
    doc('province', ['山东省']),
    doc('city', ['山东省', '济南市']),
    doc('city2', ['山东省', '济南市']),
    doc('district', ['山东省', '济南市', '市中区']),
    doc('other', ['北京市']),
  ];
  const graph = layoutGraph(documents, [relation('district', 'city'), { ...relation('district', 'x'), to: { id: null, title: '未收录' } }]);
  const node = (id: string) => graph.nodes.find((n) => n.id === id)!;
  const box = (name: string) => graph.regions.find((r) => r.path.at(-1) === name)!;

  it('draws every document of a small collection, one row per level of the region path', () => {
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(['city', 'city2', 'district', 'other', 'province']);
    expect(node('province').y).toBeLessThan(node('city').y);
    expect(node('city').y).toBeLessThan(node('district').y);
    expect(box('山东省').y).toBe(box('北京市').y);
  });

  it('puts a region’s box under its parent’s and every document inside its region’s box', () => {
    expect(box('济南市').x).toBeGreaterThanOrEqual(box('山东省').x);
    expect(box('济南市').x + box('济南市').width).toBeLessThanOrEqual(box('山东省').x + box('山东省').width);
    for (const n of graph.nodes) {
      const r = graph.regions.find((b) => n.x >= b.x && n.x + n.width <= b.x + b.width && n.y >= b.y && n.y + n.height <= b.y + b.height);
      expect(r, n.id).toBeDefined();
    }
  });

  it('draws relations between documents of the collection only, the related document at the facing side of its box', () => {
    expect(graph.edges.map((e) => [e.kind, e.from, e.to])).toEqual([['落实', 'district', 'city']]);
    expect(node('city').y).toBeGreaterThan(node('city2').y);
    expect(graph.edges[0].d).toMatch(/^M[\d.]+,[\d.]+ C/);
  });

  it('draws only related documents of a large collection and counts the others per region', () => {
    const partial = layoutGraph(documents, [relation('district', 'city')], 3);
    expect(partial.partial).toBe(true);
    expect(partial.nodes.map((n) => n.id).sort()).toEqual(['city', 'district']);
    expect(partial.regions.find((r) => r.path.at(-1) === '济南市')!.hidden).toBe(1);
  });

  it('wraps a long title into at most four lines, cutting it with …', () => {
    expect(wrapTitle('济南市市中区推进新型工业化加快产业转型升级行动计划（2024—2026年）').length).toBe(3);
    const lines = wrapTitle('很'.repeat(80));
    expect(lines).toHaveLength(4);
    expect(lines[3].endsWith('…')).toBe(true);
  });
});

describe('the validity timeline', () => {
  const timeline = layoutTimeline([
    { id: 'plan', title: '行动计划', status: '正式', validity: { from: '2024-01-01', to: '2026-12-31', text: '2024—2026年', evidence: [] }, endedOn: null },
    {
      id: 'rules',
      title: '办法',
      status: '已废止',
      validity: { from: '2020-01-01', to: null, text: '自2020年1月1日起施行', evidence: [] },
      endedOn: '2023-07-01',
    },
    { id: 'open', title: '办法二', status: '正式', validity: { from: '2022-04-15', to: null, text: '于2022年4月15日起施行', evidence: [] }, endedOn: null },
    { id: 'end-only', title: '措施', status: '正式', validity: { from: null, to: '2025-12-31', text: '有效期至2025年12月31日', evidence: [] }, endedOn: null },
    { id: 'none', title: '没有期限', status: '正式', validity: null, endedOn: null },
  ]);
  const bar = (id: string) => timeline.bars.find((b) => b.id === id)!;

  it('draws a bar per document that states a start or an end, earliest first', () => {
    expect(timeline.bars.map((b) => b.id)).toEqual(['rules', 'open', 'plan', 'end-only']);
    expect(timeline.years[0].year).toBe(2020);
  });

  it('spans a period from its first to its last day, and cuts a repealed document where it was repealed', () => {
    const year = timeline.years[1].x - timeline.years[0].x;
    expect(bar('plan').x2 - bar('plan').x1).toBeCloseTo(3 * year, 0);
    expect(bar('rules').x2).toBeCloseTo(timeline.years.find((y) => y.year === 2023)!.x + year / 2, -1);
    expect(bar('rules').open).toBe(false);
  });

  it('runs an open-ended period to the axis end, and starts an end-only period at its end’s year', () => {
    expect(bar('open')).toMatchObject({ open: true, x2: timeline.width - 8 });
    expect(bar('end-only')).toMatchObject({ openStart: true, x1: timeline.years.find((y) => y.year === 2025)!.x });
  });
});

describe('evidence runs', () => {
  it('shows touching marks as one marked run and leaves the rest of the sentence plain', async () => {
    const { markedRuns } = await import('../../../scripts/relations/sentences.ts');
    expect(
      markedRuns({
        sentence: '按照全市加快建设工业强市的工作要求。',
        marks: [
          [2, 4],
          [4, 12],
        ],
      }),
    ).toEqual([
      ['按照', false],
      ['全市加快建设工业强市', true],
      ['的工作要求。', false],
    ]);
    expect(
      markedRuns({
        sentence: '根据《甲》，制定。',
        marks: [
          [0, 2],
          [1, 5],
        ],
      }),
    ).toEqual([
      ['根据《甲》', true],
      ['，制定。', false],
    ]);
  });
});
