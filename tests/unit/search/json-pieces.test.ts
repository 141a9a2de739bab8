import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jsonPieces, sha256OfJson } from '../../../scripts/search/json-pieces.ts';

const value = [{ url: 'docs/a/', title: '链长制\u2028"引号"' }, 'packed', [{ a: 1 }, [], [[2, 'x']]], [undefined, null, '\ud800'], 3.5];

describe('jsonPieces', () => {
  it('joins to exactly what JSON.stringify writes, arrays in pieces', () => {
    expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value));
    expect([...jsonPieces({ a: [1] })]).toEqual(['{"a":[1]}']);
  });
  it('hashes to the SHA-256 of the whole JSON text', () => {
    expect(sha256OfJson(value)).toBe(createHash('sha256').update(JSON.stringify(value)).digest('hex'));
  });
});
