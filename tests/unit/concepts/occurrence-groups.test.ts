import { describe, expect, it } from 'vitest';
import { occurrenceGroups } from '../../../scripts/concepts/occurrence-groups.ts';
import type { Occurrence } from '../../../scripts/concepts/model.ts';

const at = (document: string, n: number): Occurrence[] =>
  Array.from(
    { length: n },
    (_, i) => ({ document, concept: 'c', start: i, before: '', match: 'x', after: '', anchor: `item_${i + 1}` }) as unknown as Occurrence,
  );

describe('the 出现位置 groups of a concept page', () => {
  const docs = [
    { document: 'a', mentions: 4 },
    { document: 'b', mentions: 3 },
    { document: 'c', mentions: 1 },
  ];
  const occurrences = [...at('c', 1), ...at('a', 4), ...at('b', 3)];

  it('keeps every occurrence, grouped by document in the given order', () => {
    const groups = occurrenceGroups(docs, occurrences);
    expect(groups.map((g) => [g.document, g.occurrences.length])).toEqual([
      ['a', 4],
      ['b', 3],
      ['c', 1],
    ]);
    expect(groups.every((g) => g.quoted)).toBe(true);
  });

  it('quotes sentences only while the budget lasts, then lists places only, never quoting after a gap', () => {
    const groups = occurrenceGroups(docs, occurrences, 5);
    expect(groups.map((g) => g.quoted)).toEqual([true, false, false]);
    expect(groups.flatMap((g) => g.occurrences)).toHaveLength(8);
  });

  it('always quotes the first document, even beyond the budget', () => {
    expect(occurrenceGroups(docs, occurrences, 1)[0].quoted).toBe(true);
  });
});
