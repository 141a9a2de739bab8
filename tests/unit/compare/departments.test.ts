import { describe, expect, it } from 'vitest';
import { compareDepartments, counterpartKey } from '../../../shared/compare/departments.ts';
import type { TaskText } from '../../../shared/compare/model.ts';

const task = (units: string[]): TaskText => ({ doc: 'x', index: 0, eid: 'e', label: '', title: '', text: '', units });

describe('comparing responsible units', () => {
  it('splits units into both, only A and only B, most named first', () => {
    const result = compareDepartments([task(['区科技局', '各街道办事处']), task(['各街道办事处'])], [task(['各街道办事处', '市统计局'])]);
    expect(result.both).toEqual(['各街道办事处']);
    expect(result.onlyA).toEqual(['区科技局']);
    expect(result.onlyB).toEqual(['市统计局']);
  });

  it('pairs a district unit with the city unit it mirrors', () => {
    expect(counterpartKey('区发展改革局')).toBe(counterpartKey('市发展改革委'));
    const result = compareDepartments([task(['区工业和信息化局', '区发展改革局'])], [task(['市工业和信息化局', '市发展改革委'])]);
    expect(result.counterparts).toEqual([
      { a: '区发展改革局', b: '市发展改革委' },
      { a: '区工业和信息化局', b: '市工业和信息化局' },
    ]);
  });
});
