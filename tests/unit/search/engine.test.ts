import { describe, expect, it } from 'vitest';
import { createSearchEngine, type SearchRequest } from '../../../src/lib/search/engine.ts';
import { memoryStore, sampleIndex } from './fixtures.ts';

const index = sampleIndex();
const request = (query: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({ query, filters: {}, sort: 'relevance', ...extra });
const urls = (results: { page: number }[]) => results.map((r) => index.meta.pages[r.page].url);

describe('search engine', () => {
  it('returns only pages that contain the query, Traditional input folded', async () => {
    const engine = createSearchEngine(memoryStore(index));
    expect(urls((await engine.search(request('鏈長制'))).results)).toEqual(['docs/jinan/']);
  });
  it('requires every term of a multi-term query', async () => {
    const engine = createSearchEngine(memoryStore(index));
    expect(urls((await engine.search(request('氢能 加氢站'))).results)).toEqual(['docs/beijing/']);
    expect((await engine.search(request('氢能 链长制'))).results).toEqual([]);
  });
  it('ranks a page whose title has the term above one that only mentions it', async () => {
    const engine = createSearchEngine(memoryStore(index));
    const { results } = await engine.search(request('新能源汽车'));
    expect(urls(results)).toEqual(['docs/qingdao/']);
    const both = await engine.search(request('市'));
    expect(both.results.every((r) => r.titleHit)).toBe(true);
  });
  it('filters by chosen values and counts each filter with the others applied', async () => {
    const engine = createSearchEngine(memoryStore(index));
    const response = await engine.search(request('制', { filters: { region: ['济南市'] } }));
    expect(urls(response.results)).toEqual(['docs/jinan/']);
    expect(response.matched).toBe(3);
    expect(response.facets.region).toContainEqual({ value: '济南市', count: 1 });
    expect(response.facets.level).toEqual([{ value: '市级', count: 1 }]);
    expect(response.facets.region).toContainEqual({ value: '北京市', count: 1 });
  });
  it('sorts by date, newest first and undated last', async () => {
    const engine = createSearchEngine(memoryStore(index));
    const { results } = await engine.search(request('制', { sort: 'date' }));
    expect(urls(results)).toEqual(['docs/qingdao/', 'docs/jinan/', 'docs/beijing/']);
  });
  it('lists pages by filters alone when there is no query, and nothing when there is neither', async () => {
    const engine = createSearchEngine(memoryStore(index));
    expect(urls((await engine.search(request('', { filters: { year: ['2024年'] } }))).results)).toEqual(['docs/jinan/', 'docs/beijing/']);
    expect((await engine.search(request(''))).results).toEqual([]);
  });
  it('links a result to the task that names the term in its heading', async () => {
    const engine = createSearchEngine(memoryStore(index));
    const response = await engine.search(request('链长制'));
    const view = await engine.describe(response.results[0], response.terms);
    expect(view.href).toBe('docs/jinan/#item_2');
    expect(view.sections.map((s) => s.info?.id)).toEqual(['item_2', 'item_1']);
    expect(view.count).toBe(4);
  });
  it('links to the page itself when no anchored section matches', async () => {
    const engine = createSearchEngine(memoryStore(index));
    const response = await engine.search(request('工业强市'));
    const view = await engine.describe(response.results[0], response.terms);
    expect(view.href).toBe('docs/jinan/');
    expect(view.sections[0].section).toBe(-1);
  });
  it('loads only the shards the query needs, once', async () => {
    const store = memoryStore(index);
    const engine = createSearchEngine(store);
    await engine.search(request('链长制'));
    await engine.search(request('链长制'));
    expect(store.loadedShards.length).toBeLessThanOrEqual(2);
    expect(new Set(store.loadedShards).size).toBe(store.loadedShards.length);
  });
});

describe('ranking tiers', () => {
  it('puts title hits first, then documents, then other pages, whatever their BM25', async () => {
    const { sortRanked } = await import('../../../src/lib/search/rank.ts');
    const pages = ['document', 'concept', 'document', 'department'].map((type, i) => ({ url: `p${i}`, type, title: '', length: 1, filters: {}, sort: {} }));
    const ranked = [
      { page: 0, occurrences: [], tier: 1, score: 1, titleHit: false },
      { page: 1, occurrences: [], tier: 0, score: 9, titleHit: false },
      { page: 2, occurrences: [], tier: 2, score: 0.5, titleHit: true },
      { page: 3, occurrences: [], tier: 0, score: 5, titleHit: false },
    ];
    expect(sortRanked(ranked, pages, 'relevance').map((r) => r.page)).toEqual([2, 0, 1, 3]);
  });
});

describe('result excerpts', () => {
  it('are the same whatever the chunk size the text is fetched in', async () => {
    const whole = createSearchEngine(memoryStore(index));
    const chunked = createSearchEngine(memoryStore(sampleIndex(7)));
    for (const query of ['链长制', '氢', '新能源汽车']) {
      const [a, b] = [await whole.search(request(query)), await chunked.search(request(query))];
      for (let i = 0; i < a.results.length; i++) {
        expect(await chunked.describe(b.results[i], b.terms)).toEqual(await whole.describe(a.results[i], a.terms));
      }
    }
  });
  it('mark the query in the shown sections', async () => {
    const engine = createSearchEngine(memoryStore(sampleIndex(7)));
    const response = await engine.search(request('链长制'));
    const view = await engine.describe(response.results[0], response.terms);
    expect(view.sections[0].excerpt.filter((p) => p.mark).map((p) => p.text)).toEqual(['链长制', '链长制']);
  });
});
