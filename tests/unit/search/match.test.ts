import { describe, expect, it } from 'vitest';
import { cheapestKeys, termKeys } from '../../../shared/search/bigrams.ts';
import { loadMeta, matchAll, planTerms, shardsFor } from '../../../shared/search/engine.ts';
import { shardOfKey, shardsOfUnit, unpackRouting } from '../../../shared/search/routing.ts';
import { pageAt, sampleIndex } from './fixtures.ts';

const index = sampleIndex();
const loaded = loadMeta(index.meta);
const shards = new Map(index.shards.map((s, i) => [i, s]));
const find = (term: string) => matchAll(planTerms([term], loaded), shards, loaded.routing)[0];
const texts = index.pages.map((p) => p.text.toLowerCase());

/** Every start of `term` in a page, by brute force: what the index must reproduce. */
function bruteForce(term: string): Map<number, number[]> {
  const out = new Map<number, number[]>();
  texts.forEach((text, page) => {
    const starts: number[] = [];
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) starts.push(i);
    if (starts.length > 0) out.set(page, starts);
  });
  return out;
}
const startsOf = (term: string) => new Map([...find(term)].map(([page, hits]) => [page, hits.starts]));

describe('termKeys', () => {
  it('pins an even term with every other bigram', () => {
    expect(termKeys('专精特新')).toEqual([
      { offset: 0, key: '专精' },
      { offset: 2, key: '特新' },
    ]);
  });
  it('adds the last bigram for an odd term', () => {
    expect(termKeys('链长制')).toEqual([
      { offset: 0, key: '链长' },
      { offset: 1, key: '长制' },
    ]);
  });
  it('has no keys for a single character (it is a prefix lookup)', () => {
    expect(termKeys('氢')).toEqual([]);
  });
});

describe('cheapestKeys', () => {
  it('covers every character with the cheapest bigrams, the first one always included', () => {
    // "10" costs a lot; every character of 1+1+3+4+10+N can be covered without it.
    const cost = (key: string) => (key === '10' ? 100 : key.includes('+') ? 1 : 10);
    const keys = cheapestKeys('1+1+3+4+10+n', cost);
    expect(keys.map((k) => k.key)).not.toContain('10');
    expect(keys[0]).toEqual({ offset: 0, key: '1+' });
    const covered = new Set(keys.flatMap((k) => [k.offset, k.offset + 1]));
    expect(covered.size).toBe('1+1+3+4+10+n'.length);
  });
  it('takes the first and last bigram when they alone cover the term', () => {
    expect(cheapestKeys('2026', () => 1)).toEqual([
      { offset: 0, key: '20' },
      { offset: 2, key: '26' },
    ]);
  });
});

describe('shard routing', () => {
  const routing = unpackRouting(index.meta.routing);
  it('splits the characters with the most postings over several shards', () => {
    expect(routing.split.size).toBeGreaterThan(0);
    for (const [, { count }] of routing.split) expect(count).toBeGreaterThan(1);
  });
  it('finds every bigram in the shard its route names', () => {
    index.shards.forEach((shard, n) => {
      for (const key of Object.keys(shard)) expect(shardOfKey(key, routing)).toBe(n);
    });
  });
  it('reads every shard of a split character for a one-character query', () => {
    const [unit, { count }] = [...routing.split][0];
    expect(shardsOfUnit(unit, routing)).toHaveLength(count);
    expect(shardsFor(planTerms([unit], loaded), routing)).toHaveLength(count);
  });
});

describe('matching from positional postings', () => {
  it.each(['链长制', '链长', '长制', '新能源汽车', '5g基站', 'evtol', '氢', '制', '。', '40%', '链长制全覆盖', '市工业和信息化局'])(
    'finds exactly the occurrences of %s that a text scan finds',
    (term) => {
      expect(startsOf(term)).toEqual(bruteForce(term));
    },
  );
  it('does not match characters that are only near each other (链长 长制 ≠ 链长制)', () => {
    expect(find('链长制').has(pageAt(index, 'docs/qingdao/'))).toBe(false);
    expect(find('链长').has(pageAt(index, 'docs/qingdao/'))).toBe(true);
  });
  it('never matches across two blocks', () => {
    expect(find('计划为加快').size).toBe(0);
    expect(bruteForce('。发挥').size).toBe(0);
    expect(find('。发挥').size).toBe(0);
  });
  it('finds nothing for a term no page has', () => {
    expect(find('海底隧道').size).toBe(0);
  });
  it('tells which occurrences start in a heading (title included)', () => {
    const jinan = pageAt(index, 'docs/jinan/');
    const text = index.pages[jinan].text;
    const inHeading = find('链长制').get(jinan)!.inHeadings;
    expect(inHeading).toEqual([text.indexOf('2.落实链长制') + 4]);
    expect(find('济南').get(jinan)!.inHeadings).toEqual([0]);
    expect(find('氢').get(pageAt(index, 'docs/beijing/'))!.inHeadings.length).toBe(2);
  });
});
