import { describe, expect, it } from 'vitest';
import { countHan, HAN_CHAR } from '../../../shared/document/cjk.ts';
import {
  ABOUT_TITLE_WORDS,
  CLOSING_CLAUSE_WORDS,
  KIND_WORDS,
  kindWordsPattern,
  SELF_REFERENCE_WORDS,
  TITLE_KIND_WORDS,
  UNWRAPPED_TITLE_WORDS,
} from '../../../shared/document/kind-words.ts';

describe('Chinese characters', () => {
  it('counts unified, extension A and compatibility ideographs, not punctuation, full-width forms or Latin', () => {
    expect(countHan('济南市㐀﨑，（一）ＡB 2024年')).toBe(7);
  });

  it('finds no Chinese character in a line of punctuation and digits', () => {
    expect(HAN_CHAR.test('——（2024）……１２３')).toBe(false);
  });
});

describe('document-kind words', () => {
  it('draws every rule’s words from the kind table', () => {
    const table = new Set(KIND_WORDS.map(([word]) => word));
    for (const words of [TITLE_KIND_WORDS, UNWRAPPED_TITLE_WORDS, ABOUT_TITLE_WORDS, SELF_REFERENCE_WORDS, CLOSING_CLAUSE_WORDS]) {
      expect(words.filter((w) => !table.has(w))).toEqual([]);
    }
  });

  it('lists the more specific of two words first in the table, so a title ending in 行动计划 is not read as 计划', () => {
    const words = KIND_WORDS.map(([word]) => word);
    for (const [i, word] of words.entries()) {
      const shorter = words.findIndex((w) => w !== word && word.endsWith(w));
      if (shorter >= 0) expect(shorter, `${words[shorter]} before ${word}`).toBeGreaterThan(i);
    }
  });

  it('captures the first word of a selection that matches, as written in its order', () => {
    const match = new RegExp(`本(${kindWordsPattern(SELF_REFERENCE_WORDS)})`).exec('制定本行动计划');
    expect(match?.[1]).toBe('行动计划');
  });
});
