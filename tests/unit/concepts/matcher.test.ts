import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../scripts/concepts/matcher.ts';

const matcher = compileMatcher([
  { term: '链主', key: 'lianzhu' },
  { term: '链主企业', key: 'lianzhu-qiye' },
  { term: '首台（套）', key: 'shoutaitao' },
  { term: '首台套', key: 'shoutaitao' },
  { term: '5G基站', key: '5g' },
  { term: 'AI+', key: 'ai' },
  { term: '专精特新“小巨人”', key: 'zjtx' },
  { term: '专精特新', key: 'zjtx' },
]);
const found = (text: string) => matcher.match(text).map((m) => [m.key, m.text, m.start]);

describe('compileMatcher', () => {
  it('takes the longest term at a position: 链主企业 before 链主', () => {
    expect(found('支持链主企业，发挥链主作用')).toEqual([
      ['lianzhu-qiye', '链主企业', 2],
      ['lianzhu', '链主', 9],
    ]);
  });

  it('folds full-width and half-width brackets: 首台(套) matches 首台（套）', () => {
    expect(found('首台(套)与首台（套）和首台套')).toEqual([
      ['shoutaitao', '首台(套)', 0],
      ['shoutaitao', '首台（套）', 6],
      ['shoutaitao', '首台套', 12],
    ]);
  });

  it('skips spaces inside the text and keeps the text as written: 5G 基站', () => {
    expect(found('建设5G 基站和５Ｇ基站')).toEqual([
      ['5g', '5G 基站', 2],
      ['5g', '５Ｇ基站', 8],
    ]);
  });

  it('matches Latin terms only at word boundaries: not 15G基站, not XAI+', () => {
    expect(found('15G基站，XAI+，AI+应用')).toEqual([['ai', 'AI+', 11]]);
  });

  it('prefers a variant with quotation marks when the text has them', () => {
    expect(found('专精特新“小巨人”企业和专精特新企业')).toEqual([
      ['zjtx', '专精特新“小巨人”', 0],
      ['zjtx', '专精特新', 12],
    ]);
  });

  it('counts distinct terms and ignores empty ones', () => {
    expect(
      compileMatcher([
        { term: ' ', key: 'x' },
        { term: 'ab', key: 'y' },
        { term: 'a b', key: 'z' },
      ]).size,
    ).toBe(1);
  });
});
