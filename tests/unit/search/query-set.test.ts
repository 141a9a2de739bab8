import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeQuerySet, QUERY_SET_FILE } from '../../search/write-queries.ts';
import type { QuerySet } from '../../search/ground-truth.ts';

describe('tests/search-queries.json', () => {
  const stored = JSON.parse(fs.readFileSync(QUERY_SET_FILE, 'utf8')) as QuerySet;

  it('has at least 30 queries, most of them with expected documents', () => {
    expect(stored.cases.length).toBeGreaterThanOrEqual(30);
    expect(stored.cases.filter((c) => Object.keys(c.expected).length > 0).length).toBeGreaterThanOrEqual(30);
  });
  it('matches the ground truth computed from the seeds (regenerate: npm exec -- node tests/search/write-queries.ts)', () => {
    expect(stored).toEqual(computeQuerySet());
  });
});
