import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings } from '../../../shared/search/postings.ts';
import { decodeNumbers, encodeNumbers } from '../../../shared/varint.ts';

describe('postings encoding', () => {
  it('round-trips pages, positions and heading flags, small and large', () => {
    const list = [
      { page: 0, positions: [0, 1, 31, 32, 1023, 1024], inHeading: [1, 1, 0, 0, 0, 1] },
      { page: 7, positions: [5], inHeading: [0] },
      { page: 2000, positions: [123_456, 9_999_999], inHeading: [0, 1] },
    ];
    expect(decodePostings(encodePostings(list))).toEqual(list);
  });
  it('writes only URL-safe characters (a shard is JSON without escapes)', () => {
    expect(encodePostings([{ page: 3, positions: [40_000, 40_001], inHeading: [0, 1] }])).toMatch(/^[0-9a-zA-Z_-]+$/);
  });
  it('spends one character on a position gap below 16', () => {
    expect(encodePostings([{ page: 1, positions: [2, 5], inHeading: [0, 1] }])).toHaveLength(4);
  });
  it('rejects a corrupt string instead of guessing', () => {
    expect(() => decodePostings('1"')).toThrow(/bad character/);
    expect(() => decodePostings('05')).toThrow(/truncated/);
    expect(() => decodeNumbers('1w')).toThrow(/truncated/);
  });
  it('round-trips plain numbers', () => {
    const numbers = [0, 31, 32, 1023, 1024, 2 ** 40];
    expect(decodeNumbers(encodeNumbers(numbers))).toEqual(numbers);
  });
});
