import { describe, expect, it } from 'vitest';
import { compareTargets, documentTargets, indicatorCore, indicatorKey } from '../../../shared/compare/targets.ts';
import type { TargetCell } from '../../../shared/compare/model.ts';
import type { Target } from '../../../scripts/ingest/model.ts';
import { JINAN_001, SHIZHONG_2024, seedDoc } from './seeds.ts';

const target = (indicator: string, value: string, unit = '家', year?: number): Target => ({
  text: indicator + value + unit,
  indicator,
  value: Number(value),
  valueText: value,
  unit,
  quantity: value + unit,
  comparator: 'gte',
  year,
  evidence: { text: indicator + value + unit, line: 1 },
});
const task = (eid: string, targets: Target[]): TargetCell[] => targets.map((target) => ({ eid, label: eid, target }));

describe('indicator names', () => {
  it('reads 规上 as 规模以上 and drops 数量 and 设施', () => {
    expect(indicatorKey('规上工业企业数量')).toBe(indicatorKey('规模以上工业企业'));
    expect(indicatorKey('5G基站设施')).toBe('5G基站');
  });

  it('drops quotation marks and reads 及以上 as 以上', () => {
    expect(indicatorKey('“专精特新”中小企业')).toBe('专精特新企业');
    expect(indicatorKey('省级及以上产业创新平台')).toBe(indicatorKey('省级以上产业创新平台'));
  });

  it('gives names that differ only by level or scope the same core', () => {
    expect(indicatorCore('省级以上绿色工厂')).toBe(indicatorCore('市级及以上绿色工厂'));
    expect(indicatorCore('年均新增高新技术企业')).toBe('高新技术企业');
  });
});

describe('comparing targets', () => {
  it('lists an indicator both set with every target of each side', () => {
    const rows = compareTargets(task('item_1', [target('高新技术企业', '350', '家', 2026)]), [
      ...task('item_2', [target('高新技术企业', '2000')]),
      ...task('item_3', [target('科技型中小企业', '5000')]),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ indicator: '高新技术企业', match: 'same' });
    expect(rows[0].a.map((c) => [c.eid, c.target.value, c.target.year])).toEqual([['item_1', 350, 2026]]);
    expect(rows[0].b.map((c) => c.target.value)).toEqual([2000]);
  });

  it('marks a match of cores only as related', () => {
    const rows = compareTargets(task('a', [target('省级以上绿色工厂', '10')]), task('b', [target('市级及以上绿色工厂', '30')]));
    expect(rows.map((r) => r.match)).toEqual(['related']);
  });

  it('finds the indicators the 市中区 2024 plan shares with the city plan 001, 发展目标 included', () => {
    const rows = compareTargets(documentTargets(seedDoc(SHIZHONG_2024)), documentTargets(seedDoc(JINAN_001)));
    const keys = rows.map((r) => indicatorKey(r.indicator));
    for (const expected of ['规模以上工业营业收入', '规模以上工业企业', '高新技术企业', '科技型中小企业', '亿元以上重点技术改造项目']) {
      expect(keys).toContain(indicatorKey(expected));
    }
  });
});
