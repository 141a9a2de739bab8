/**
 * Compares the quantitative targets of two documents: which indicators both
 * set, with each side's value, unit, comparator and year.
 *
 * Indicator names vary in wording between plans ("规上工业企业数量" vs
 * "规模以上工业企业", "5G基站设施" vs "5G基站"), so names are normalised to a
 * key; a looser core key also drops the level or scope qualifier
 * ("省级以上绿色工厂" vs "市级及以上绿色工厂", "年均新增高新技术企业"), and such
 * matches are marked 'related' so the reader sees the scopes differ.
 */
import type { Block } from '../../scripts/ingest/model.ts';
import { locatedTargets } from '../document/located-targets.ts';
import type { TargetCell, TargetRow } from './model.ts';

/** Rewrites applied to every indicator name, in order. */
const KEY_RULES: Array<[RegExp, string]> = [
  [/[“”"'‘’「」『』《》\s]/g, ''],
  [/规上/g, '规模以上'],
  [/及以上/g, '以上'],
  [/专精特新中小企业/g, '专精特新企业'],
  [/(?:数量|数|设施|总数)$/, ''],
];

/** Level and scope qualifiers dropped for the core key. */
const CORE_PREFIX = /^(?:全国|全省|全市|全区|国家级|省级以上|市级以上|省级|市级|区级|年均新增|年均|累计|新增|新培育|培育)+/;

/** The normalised key of an indicator name. */
export function indicatorKey(indicator: string): string {
  let key = indicator.normalize('NFKC');
  for (const [pattern, replacement] of KEY_RULES) key = key.replace(pattern, replacement);
  return key;
}

/** The key without level or scope qualifiers. */
export function indicatorCore(indicator: string): string {
  const key = indicatorKey(indicator);
  const core = key.replace(CORE_PREFIX, '');
  return core.length >= 2 ? core : key;
}

/** Every target of a document with its provision or paragraph, in reading order (preamble and 发展目标 sections included). */
export function documentTargets(doc: { preamble: Block[]; body: Block[] }): TargetCell[] {
  return locatedTargets(doc).map((t) => ({ eid: t.anchor, label: t.label, target: t.target }));
}

/** The indicators both documents set, in A's order; each with all of each side's targets for it. */
export function compareTargets(a: TargetCell[], b: TargetCell[]): TargetRow[] {
  const byCore = new Map<string, { a: TargetCell[]; b: TargetCell[] }>();
  for (const [side, list] of [
    ['a', a],
    ['b', b],
  ] as const) {
    for (const cell of list) {
      const core = indicatorCore(cell.target.indicator);
      const row = byCore.get(core) ?? { a: [], b: [] };
      row[side].push(cell);
      byCore.set(core, row);
    }
  }
  const rows: TargetRow[] = [];
  for (const group of byCore.values()) {
    if (group.a.length === 0 || group.b.length === 0) continue;
    const keysB = new Set(group.b.map((c) => indicatorKey(c.target.indicator)));
    const same = group.a.some((c) => keysB.has(indicatorKey(c.target.indicator)));
    rows.push({ indicator: group.a[0].target.indicator, match: same ? 'same' : 'related', a: group.a, b: group.b });
  }
  return rows;
}
