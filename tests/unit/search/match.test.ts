import { describe, expect, it } from 'vitest';
import { termKeys } from '../../../src/lib/search/bigrams.ts';
import { matchAll, shardsFor } from '../../../src/lib/search/engine.ts';
import { sampleIndex } from './fixtures.ts';

const index = sampleIndex();
const pageOf = (url: string) => index.meta.pages.findIndex((p) => p.url === url);
const loaded = new Map(index.shards.map((s, i) => [i, s]));
const find = (term: string) => matchAll([term], loaded, index.meta.shardCount)[0];
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

describe('termKeys', () => {
  it('pins an even term with every other bigram', () => {
    expect(termKeys('专精特新')).toEqual([{ offset: 0, key: '专精' }, { offset: 2, key: '特新' }]);
  });
  it('adds the last bigram for an odd term', () => {
    expect(termKeys('链长制')).toEqual([{ offset: 0, key: '链长' }, { offset: 1, key: '长制' }]);
  });
  it('has no keys for a single character (it is a prefix lookup)', () => {
    expect(termKeys('氢')).toEqual([]);
  });
});

describe('matching from positional postings', () => {
  it.each(['链长制', '链长', '长制', '新能源汽车', '5g基站', 'evtol', '氢', '制', '。', '40%', '链长制全覆盖'])(
    'finds exactly the occurrences of %s that a text scan finds',
    (term) => {
      expect(find(term)).toEqual(bruteForce(term));
    },
  );
  it('does not match characters that are only near each other (链长 长制 ≠ 链长制)', () => {
    expect(find('链长制').has(pageOf('docs/qingdao/'))).toBe(false);
    expect(find('链长').has(pageOf('docs/qingdao/'))).toBe(true);
  });
  it('never matches across two blocks', () => {
    expect(find('计划为加快').size).toBe(0);
    expect(bruteForce('。发挥').size).toBe(0);
    expect(find('。发挥').size).toBe(0);
  });
  it('finds nothing for a term no page has', () => {
    expect(find('海底隧道').size).toBe(0);
  });
  it('needs one shard per bigram first character', () => {
    expect(shardsFor(['氢'], 1024)).toHaveLength(1);
    expect(shardsFor(['链长制'], 1024).length).toBeLessThanOrEqual(2);
  });
});

describe('offline shards', () => {
  it('rebuilds from page texts exactly the shards the build wrote (same matching offline)', async () => {
    const { shardsFromPages } = await import('../../../src/lib/search/build-postings.ts');
    const { unpackFoldMap } = await import('../../../src/lib/search/fold.ts');
    expect(shardsFromPages(index.pages, unpackFoldMap(index.meta.fold), index.meta.shardCount)).toEqual(index.shards);
  });
});
