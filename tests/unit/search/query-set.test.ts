import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeQuerySet, QUERY_SET_FILE } from '../../search/write-queries.ts';
import { topFiveDocuments, type QuerySet } from '../../../scripts/harness/ground-truth.ts';

describe('tests/search-queries.json', () => {
  const stored = JSON.parse(fs.readFileSync(QUERY_SET_FILE, 'utf8')) as QuerySet;

  it('has at least 60 queries, most of them with expected documents, some naming departments or concepts, some finding nothing', () => {
    expect(stored.cases.length).toBeGreaterThanOrEqual(60);
    expect(stored.cases.filter((c) => Object.keys(c.expected).length > 0).length).toBeGreaterThanOrEqual(50);
    expect(stored.cases.filter((c) => c.departments.length > 0).length).toBeGreaterThanOrEqual(4);
    expect(stored.cases.filter((c) => c.concepts.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(stored.cases.filter((c) => Object.keys(c.expected).length === 0).length).toBeGreaterThanOrEqual(3);
  });
  it('says for every query what it tests', () => {
    for (const c of stored.cases) expect(c.note.length, c.query).toBeGreaterThan(10);
    expect(new Set(stored.cases.map((c) => c.query)).size).toBe(stored.cases.length);
  });
  it('matches the ground truth computed from the seeds (regenerate: npm exec -- node tests/search/write-queries.ts)', () => {
    expect(stored).toEqual(computeQuerySet());
  });
});

describe('the top five a query may show', () => {
  it('holds the documents of the strongest use levels down to the one that fills five places', () => {
    expect(topFiveDocuments({ a: 3, b: 2, c: 2, d: 1, e: 1, f: 1, g: 0 })).toEqual(new Set(['a', 'b', 'c', 'd', 'e', 'f']));
    expect(topFiveDocuments({ a: 3, b: 3, c: 3, d: 3, e: 3, f: 0 })).toEqual(new Set(['a', 'b', 'c', 'd', 'e']));
    expect(topFiveDocuments({ a: 0, b: 1 })).toEqual(new Set(['a', 'b']));
  });
});
