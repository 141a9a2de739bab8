import { describe, expect, it } from 'vitest';
import { createSearchEngine, type SearchRequest } from '../../../shared/search/engine.ts';
import { levelOf, sortRanked, type Ranked } from '../../../shared/search/rank.ts';
import type { PageInfo } from '../../../shared/search/page-table.ts';
import { memoryStore, sampleIndex } from './fixtures.ts';

const index = sampleIndex();
const request = (query: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({ query, filters: {}, sort: 'relevance', ...extra });
const urls = (results: { page: number }[]) => results.map((r) => index.pages[r.page].url);
const search = async (query: string, extra: Partial<SearchRequest> = {}) => createSearchEngine(memoryStore(index)).search(request(query, extra));

describe('search engine', () => {
  it('returns only places that contain the query, Traditional input folded', async () => {
    expect(urls((await search('鏈長制')).results)).toEqual(['docs/jinan/', 'departments/lianzhangzhi-bangongshi/']);
  });
  it('requires every term of a multi-term query', async () => {
    expect(urls((await search('氢能 加氢站')).results)).toEqual(['docs/beijing/']);
    expect((await search('氢能 链长制')).results).toEqual([]);
  });
  it('does not list a department page because its task list quotes the query', async () => {
    expect(urls((await search('健全链长制服务体系')).results)).toEqual([]);
    expect(urls((await search('推动氢能')).results)).toEqual([]);
  });
  it('lists a department the query names: first when the query is its whole name', async () => {
    expect(urls((await search('市工业和信息化局')).results)).toEqual(['departments/shigongxinju/']);
    const partial = await search('链长制');
    expect(urls(partial.results)).toEqual(['docs/jinan/', 'departments/lianzhangzhi-bangongshi/']);
    expect(partial.results.map((r) => r.level)).toEqual([2, 2]);
  });
  it('ranks a title above a heading above repeated use above a passing mention', async () => {
    const { results } = await search('制');
    expect(results.map((r) => [index.pages[r.page].url, r.level])).toEqual([
      ['docs/jinan/', 2],
      ['departments/lianzhangzhi-bangongshi/', 2],
      ['docs/beijing/', 1],
      ['docs/qingdao/', 0],
    ]);
    expect(urls((await search('新能源汽车')).results)).toEqual(['docs/qingdao/']);
    expect((await search('新能源汽车')).results[0].level).toBe(3);
  });
  it('filters by chosen values and counts each filter with the others applied', async () => {
    const response = await search('制', { filters: { region: ['济南市'] } });
    expect(urls(response.results)).toEqual(['docs/jinan/']);
    expect(response.matched).toBe(4);
    expect(response.facets.region).toContainEqual({ value: '济南市', count: 1 });
    expect(response.facets.level).toEqual([{ value: '市级', count: 1 }]);
    expect(response.facets.region).toContainEqual({ value: '北京市', count: 1 });
  });
  it('sorts by date, newest first and undated last (by level among them)', async () => {
    expect(urls((await search('制', { sort: 'date' })).results)).toEqual([
      'docs/qingdao/',
      'docs/jinan/',
      'departments/lianzhangzhi-bangongshi/',
      'docs/beijing/',
    ]);
  });
  it('lists pages by filters alone when there is no query, and nothing when there is neither', async () => {
    expect(urls((await search('', { filters: { year: ['2024年'] } })).results)).toEqual(['docs/jinan/', 'docs/beijing/']);
    expect((await search('')).results).toEqual([]);
  });
  it('links a result to the task that names the term in its heading', async () => {
    const engine = createSearchEngine(memoryStore(index));
    const response = await engine.search(request('链长制'));
    const view = await engine.describe(response.results[0], response.terms);
    expect(view.href).toBe('docs/jinan/#item_2');
    expect(view.title).toBe('济南市工业强市行动计划');
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
    expect(store.loadedShards.length).toBeLessThan(index.shards.length);
    expect(new Set(store.loadedShards).size).toBe(store.loadedShards.length);
  });
});

describe('concept cards', () => {
  const named = async (query: string) => (await search(query)).concepts.map((i) => index.meta.concepts[i].id);
  it('name a concept by its name, an alias or a Traditional form', async () => {
    expect(await named('链长制')).toEqual(['lianzhangzhi']);
    expect(await named('链长负责制')).toEqual(['lianzhangzhi']);
    expect(await named('鏈長制')).toEqual(['lianzhangzhi']);
    expect(await named('氢能 加氢站')).toEqual(['qingneng']);
  });
  it('name a concept by a part that is at least half of it, not by a shared word', async () => {
    expect(await named('链长')).toEqual(['lianzhangzhi']);
    expect(await named('工业')).toEqual([]);
  });
  it('come with the definition and link the engine loads', async () => {
    const engine = createSearchEngine(memoryStore(index));
    const response = await engine.search(request('链长制'));
    expect(await engine.concept(response.concepts[0])).toMatchObject({ id: 'lianzhangzhi', name: '链长制', documents: 1 });
  });
});

describe('ranking levels', () => {
  const info = (type: string, extra: Partial<PageInfo> = {}): PageInfo => ({ type, length: 100, titleLength: 10, date: '', filters: {}, ...extra });
  const hits = (starts: number[], inHeadings: number[] = []) => ({ starts, inHeadings });
  it('put a document’s title, headings, repeated use and single mention in that order', () => {
    expect(levelOf(info('document'), [hits([3])], ['链长'])).toBe(3);
    expect(levelOf(info('document'), [hits([30, 60], [30])], ['链长'])).toBe(2);
    expect(levelOf(info('document'), [hits([30, 60])], ['链长'])).toBe(1);
    expect(levelOf(info('document'), [hits([30])], ['链长'])).toBe(0);
    expect(levelOf(info('document'), [hits([30]), hits([50])], ['链长', '冷链'])).toBe(0);
  });
  it('put a department the query names in full above everything', () => {
    expect(levelOf(info('department', { length: 5, titleLength: 5 }), [hits([0], [0])], ['财政局局'])).toBe(2);
    expect(levelOf(info('department', { length: 4, titleLength: 4 }), [hits([0], [0])], ['区财政局'])).toBe(4);
  });
  it('order by level, then score, then newer first', () => {
    const pages = [info('document', { date: '2024-01-01' }), info('document', { date: '2025-01-01' }), info('document')];
    const ranked: Ranked[] = [
      { page: 0, hits: [], level: 1, score: 1, titleHit: false },
      { page: 1, hits: [], level: 1, score: 1, titleHit: false },
      { page: 2, hits: [], level: 3, score: 0.1, titleHit: true },
    ];
    expect(sortRanked(ranked, pages, 'relevance').map((r) => r.page)).toEqual([2, 1, 0]);
    expect(sortRanked(ranked, pages, 'date').map((r) => r.page)).toEqual([1, 0, 2]);
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
