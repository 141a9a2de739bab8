import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings } from '../../../src/lib/search/postings.ts';

describe('postings encoding', () => {
  it('round-trips pages and positions, small and large', () => {
    const list = [
      { page: 0, positions: [0, 1, 31, 32, 1023, 1024] },
      { page: 7, positions: [5] },
      { page: 2000, positions: [123_456, 9_999_999] },
    ];
    expect(decodePostings(encodePostings(list))).toEqual(list);
  });
  it('writes only URL-safe characters (a shard is JSON without escapes)', () => {
    expect(encodePostings([{ page: 3, positions: [40_000, 40_001] }])).toMatch(/^[0-9a-zA-Z_-]+$/);
  });
  it('spends one character on a number below 32', () => {
    expect(encodePostings([{ page: 1, positions: [2, 5] }])).toHaveLength(4);
  });
  it('rejects a corrupt string instead of guessing', () => {
    expect(() => decodePostings('1"')).toThrow(/bad character/);
    expect(() => decodePostings('05')).toThrow(/truncated/);
  });
});
