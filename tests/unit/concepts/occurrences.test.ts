import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../scripts/concepts/matcher.ts';
import { findOccurrences, occurrencesByConcept, sentenceAround } from '../../../scripts/concepts/occurrences.ts';
import { makeDoc } from './make-doc.ts';

const matcher = compileMatcher([
  { term: '链长制', key: 'lianzhangzhi' },
  { term: '“六个一”产业链群工作推进机制', key: 'lianzhangzhi' },
  { term: '专精特新', key: 'zhuanjingtexin' },
]);

describe('findOccurrences', () => {
  const doc = makeDoc('d1', {
    notice: ['现将计划印发给你们。'],
    preamble: ['为落实链长制，制定本计划。'],
    tasks: [
      { eid: 'item_1', title: '完善链长制。', text: ['落实链长制。深化链长制改革。'] },
      { eid: 'item_2', title: '企业培育。', text: ['用好“六个一”产业链群工作推进机制。', '培育专精特新企业。'] },
    ],
  });
  const occurrences = findOccurrences([doc], matcher);

  it('finds every mention, in reading order, with the task anchor or a paragraph anchor outside tasks', () => {
    expect(occurrences.map((o) => [o.concept, o.anchor, o.part, o.match])).toEqual([
      ['lianzhangzhi', 'para-2', 'text', '链长制'],
      ['lianzhangzhi', 'item_1', 'heading', '链长制'],
      ['lianzhangzhi', 'item_1', 'text', '链长制'],
      ['lianzhangzhi', 'item_1', 'text', '链长制'],
      ['lianzhangzhi', 'item_2', 'text', '“六个一”产业链群工作推进机制'],
      ['zhuanjingtexin', 'item_2', 'text', '专精特新'],
    ]);
  });

  it('keeps the eid null and names the region for text outside tasks', () => {
    expect(occurrences[0]).toMatchObject({ document: 'd1', eid: null, region: 'preamble', line: 2, label: null });
    expect(occurrences[2]).toMatchObject({ eid: 'item_1', region: 'body', isTask: true, label: '1.', heading: '完善链长制。' });
  });

  it('gives the sentence around each mention, split for highlighting', () => {
    expect(occurrences.slice(2, 4).map((o) => [o.before, o.match, o.after])).toEqual([
      ['落实', '链长制', '。'],
      ['深化', '链长制', '改革。'],
    ]);
  });
});

describe('occurrencesByConcept', () => {
  it('groups mentions by concept, each group in the order given', () => {
    const doc = makeDoc('d1', { preamble: ['专精特新与链长制。'], tasks: [{ eid: 'item_1', title: '链长制。', text: ['专精特新企业。'] }] });
    const grouped = occurrencesByConcept(findOccurrences([doc], matcher));
    expect([...grouped.keys()]).toEqual(['zhuanjingtexin', 'lianzhangzhi']);
    expect(grouped.get('zhuanjingtexin')!.map((o) => o.anchor)).toEqual(['para-1', 'item_1']);
    expect(grouped.get('lianzhangzhi')!.map((o) => o.anchor)).toEqual(['para-1', 'item_1']);
  });
});

describe('sentenceAround', () => {
  it('cuts long sentences to a window marked with …', () => {
    const text = `${'甲'.repeat(80)}链长制${'乙'.repeat(80)}。`;
    const s = sentenceAround(text, 80, 83);
    expect(s.before).toBe(`…${'甲'.repeat(48)}`);
    expect(s.after).toBe(`${'乙'.repeat(64)}…`);
  });

  it('does not end a sentence at a decimal point', () => {
    expect(sentenceAround('增长2.5倍的链长制。下一句', 7, 10)).toEqual({ before: '增长2.5倍的', match: '链长制', after: '。' });
  });
});
