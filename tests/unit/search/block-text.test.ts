import { describe, expect, it } from 'vitest';
import { BlockText } from '../../../scripts/search/block-text.ts';

const build = (steps: Array<string | null>) => {
  const text = new BlockText();
  for (const step of steps) step === null ? text.breakBlock() : text.append(step);
  return text;
};

describe('BlockText', () => {
  it('joins inline runs and separates blocks with one newline, none at the end', () => {
    expect(build(['甲', '乙', null, null, '丙', null]).toString()).toBe('甲乙\n丙');
  });
  it('trims the spaces before a block break, even when they span several runs', () => {
    const text = build(['甲 ', ' ', '  ', null, '乙 ']);
    expect(text.toString()).toBe('甲\n乙 ');
    expect(text.length).toBe('甲\n乙 '.length);
  });
  it('keeps spaces inside a block and counts them in the length until a break trims them', () => {
    const text = build(['a  ', 'b ']);
    expect(text.length).toBe(5);
    text.breakBlock();
    expect(text.length).toBe(5);
    expect(text.toString()).toBe('a  b');
  });
  it('is at a block start when empty and right after a break, not after inline text', () => {
    expect(build([]).atBlockStart).toBe(true);
    expect(build(['甲']).atBlockStart).toBe(false);
    expect(build(['甲', null]).atBlockStart).toBe(true);
  });
  it('adds no break to an empty text or one made of spaces only', () => {
    expect(build([null, ' ', null]).toString()).toBe('');
  });
});
