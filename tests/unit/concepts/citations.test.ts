import { describe, expect, it } from 'vitest';
import { findCitations, normaliseTitle, titleResolver } from '../../../scripts/concepts/citations.ts';
import { makeDoc } from './make-doc.ts';

const plan = makeDoc('plan', {
  title: '济南市促进物流产业高质量发展三年行动计划',
  period: '2024—2026年',
  tasks: [{ eid: 'item_1', title: '总则。', text: ['按计划推进。'] }],
});
const revised = makeDoc('revised', { title: '北京市关于支持氢能产业发展的若干政策措施（修订版）' });
const citing = makeDoc('citing', {
  preamble: ['为落实《济南市促进物流产业高质量发展三年行动计划(2024-2026年)》，制定本方案。'],
  tasks: [{ eid: 'item_1', title: '衔接。', text: ['对照《济南市促进物流产业高质量发展三年行动计划》和《济南市物流专项规划》推进。'] }],
});
const self = makeDoc('self', { title: '某区行动计划（2023-2025年）（送审稿）', notice: ['现将《某区行动计划（2023—2025年）》印发给你们。'] });

describe('normaliseTitle', () => {
  it('ignores bracket, dash, space and quotation-mark variants', () => {
    expect(normaliseTitle('行动计划（2024—2026年）')).toBe(normaliseTitle('行动计划(2024-2026年)'));
    expect(normaliseTitle('北京市“十四五”规划')).toBe(normaliseTitle('北京市十四五规划'));
  });
});

describe('titleResolver', () => {
  const resolver = titleResolver([plan, revised]);

  it('matches a cited title with or without its period in parentheses', () => {
    expect(resolver.resolve('济南市促进物流产业高质量发展三年行动计划(2024-2026年)')).toBe('plan');
    expect(resolver.resolve('济南市促进物流产业高质量发展三年行动计划')).toBe('plan');
  });

  it('does not match a different period, a different region, or the unrevised version', () => {
    expect(resolver.resolve('济南市促进物流产业高质量发展三年行动计划（2021-2023年）')).toBeNull();
    expect(resolver.resolve('济南市市中区促进物流产业高质量发展三年行动计划')).toBeNull();
    expect(resolver.resolve('北京市关于支持氢能产业发展的若干政策措施')).toBeNull();
  });
});

describe('findCitations', () => {
  const citations = findCitations([plan, citing, self]);

  it('links a cited document of the collection once, with every place that cites it', () => {
    expect(citations.citing.cites).toHaveLength(1);
    expect(citations.citing.cites[0]).toMatchObject({ target: 'plan' });
    expect(citations.citing.cites[0].places.map((p) => p.anchor)).toEqual(['para-1', 'item_1']);
  });

  it('lists titles not in the collection as external citations', () => {
    expect(citations.citing.external.map((c) => c.title)).toEqual(['济南市物流专项规划']);
  });

  it('shows the citing document under 被引用 of the cited one', () => {
    expect(citations.plan.citedBy.map((c) => c.target)).toEqual(['citing']);
  });

  it('drops a notice naming the plan it issues (the document itself)', () => {
    expect(citations.self).toEqual({ cites: [], external: [], citedBy: [] });
  });
});
