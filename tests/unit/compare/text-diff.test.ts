import { describe, expect, it } from 'vitest';
import { diffText, foldShortKeeps, keptShare, sideOf } from '../../../shared/compare/text-diff.ts';

const joined = (pieces: Array<{ text: string }>) => pieces.map((p) => p.text).join('');

describe('text diff of two tasks', () => {
  it('marks changed words, not scattered characters', () => {
    expect(diffText('强化要素保障', '加大要素保障力度')).toEqual([
      { op: 'delete', text: '强化' },
      { op: 'insert', text: '加大' },
      { op: 'equal', text: '要素保障' },
      { op: 'insert', text: '力度' },
    ]);
  });

  it('gives each side back exactly, line breaks included', () => {
    const a = '加大要素保障力度\n深化“要素跟着项目走”机制。\n（1）加强用地保障。';
    const b = '强化要素保障\n深化“要素跟着项目走”，健全机制。';
    const pieces = diffText(a, b);
    expect(joined(sideOf(pieces, 'before'))).toBe(a);
    expect(joined(sideOf(pieces, 'after'))).toBe(b);
  });

  it('folds a single shared character between two changes into the change', () => {
    expect(
      foldShortKeeps([
        { op: 'delete', text: '甲' },
        { op: 'equal', text: '的' },
        { op: 'insert', text: '乙' },
      ]),
    ).toEqual([
      { op: 'delete', text: '甲的' },
      { op: 'insert', text: '的乙' },
    ]);
  });

  it('measures the share of text kept', () => {
    expect(keptShare(diffText('甲乙丙丁', '甲乙丙丁'))).toBe(1);
    expect(
      keptShare([
        { op: 'equal', text: '甲乙' },
        { op: 'delete', text: '丙丁' },
      ]),
    ).toBe(0.5);
  });
});
