import { describe, expect, it } from 'vitest';
import { cosine, countTerms, createVocabulary, gramKey, gramKeys, gramText, gramsOf, idf, weigh } from '../../../shared/compare/tfidf.ts';

function vectors(texts: string[]) {
  const vocab = createVocabulary();
  const counts = texts.map((t) => countTerms(gramKeys(t), vocab));
  return counts.map((c) => weigh(c, (id) => idf(vocab.df[id], vocab.textCount)));
}

describe('character n-grams', () => {
  it('reads 2- and 3-grams inside runs of Han, letters and digits, never across punctuation', () => {
    expect(gramsOf('强化要素，5G')).toEqual(['强化', '强化要', '化要', '化要素', '要素', '#g']);
  });

  it('reads every number as "#", so targets that differ only in figures share their n-grams', () => {
    expect(gramsOf('到2026年')).toEqual(gramsOf('到2025年'));
  });

  it('treats full-width and half-width forms alike (NFKC)', () => {
    expect(gramsOf('５Ｇ基站')).toEqual(gramsOf('5G基站'));
  });

  it('turns keys back into the n-grams they encode', () => {
    for (const g of ['要素', '要素保', 'ab', '#年']) expect(gramText(gramKey(g))).toBe(g);
  });
});

describe('TF-IDF cosine', () => {
  it('scores a text with itself 1', () => {
    const [a] = vectors(['深化要素跟着项目走机制', '加强组织领导']);
    expect(cosine(a, a)).toBeCloseTo(1, 5);
  });

  it('scores texts sharing a rare phrase above texts sharing only boilerplate', () => {
    const [a, b, c] = vectors(['深化要素跟着项目走机制，推动发展', '深化要素跟着项目走，推动发展', '推动发展，加强领导', '推动发展，优化环境']);
    expect(cosine(a, b)).toBeGreaterThan(cosine(a, c) + 0.3);
  });

  it('gives a frequent n-gram a lower weight than a rare one (smoothed idf)', () => {
    expect(idf(100, 400)).toBeLessThan(idf(2, 400));
    expect(idf(400, 400)).toBeGreaterThan(0);
  });

  it('skips unknown n-grams when counting without adding (a text outside the corpus)', () => {
    const vocab = createVocabulary();
    countTerms(gramKeys('要素保障'), vocab);
    const before = vocab.keys.length;
    const counted = countTerms(gramKeys('要素保障力度'), vocab, false);
    expect(vocab.keys.length).toBe(before);
    expect(counted.ids.length).toBe(before);
  });
});
