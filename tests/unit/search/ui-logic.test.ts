import { describe, expect, it } from 'vitest';
import { resultHref, siteRootFromScript } from '../../../shared/search/links.ts';
import { countText, headingTitle, issuerText, noResultsText } from '../../../shared/search/text.ts';
import { searchFromState, stateFromSearch } from '../../../shared/search/url-state.ts';
import { facetCounts } from '../../../shared/search/filters.ts';
import { searchFacets } from '../../../shared/search/facets-of.ts';
import type { PageInfo } from '../../../shared/search/types.ts';
import type { PolicyDocument } from '../../../scripts/ingest/model.ts';

describe('resultHref', () => {
  it('gives root-relative links online, under the base path', () => {
    expect(resultHref('https://example.org/atlas/', 'docs/x/#item_3', false)).toBe('/atlas/docs/x/#item_3');
  });
  it('names index.html offline, because file:// does not open a folder’s index', () => {
    expect(resultHref('file:///home/a/atlas/', 'docs/x/#item_3', true)).toBe('file:///home/a/atlas/docs/x/index.html#item_3');
    expect(resultHref('file:///home/a/atlas/', '', true)).toBe('file:///home/a/atlas/index.html');
  });
  it('finds the site root from the search script URL', () => {
    expect(siteRootFromScript('http://127.0.0.1:4321/atlas/search/search.js')).toBe('http://127.0.0.1:4321/atlas/');
  });
});

describe('URL state', () => {
  it('round-trips query, sort and filters', () => {
    const state = { query: '1+1+3+4+10+N 冷链', sort: 'date' as const, filters: { level: ['市级'], region: ['山东省', '济南市'] } };
    expect(stateFromSearch(searchFromState(state))).toEqual(state);
  });
  it('defaults to relevance and ignores unknown parameters', () => {
    expect(stateFromSearch('?q=%E6%B0%A2&sort=x&foo=1')).toEqual({ query: '氢', sort: 'relevance', filters: {} });
  });
});

describe('wording', () => {
  it('counts results in Chinese, with the unfiltered count when filters hide some', () => {
    expect(countText(3, 3)).toBe('找到 3 个结果');
    expect(countText(1, 12)).toBe('找到 1 个结果（筛选前 12 个）');
  });
  it('says what was not found', () => {
    expect(noResultsText('海底隧道', false)).toContain('没有找到包含“海底隧道”的页面');
  });
  it('drops from a heading the marker its label already shows', () => {
    expect(headingTitle('三、（一）', '（一）提升产业创新能力')).toBe('提升产业创新能力');
    expect(headingTitle('一、', '一、总体要求')).toBe('总体要求');
    expect(headingTitle('专栏1', '专栏1 重点项目')).toBe('重点项目');
    expect(headingTitle('印发通知', '印发通知')).toBe('');
  });
  it('shortens a long list of joint issuers', () => {
    expect(issuerText(['甲厅', '乙委', '丙局'])).toBe('甲厅、乙委等3个单位');
  });
});

describe('filters', () => {
  const page = (_url: string, filters: Record<string, string[]>, type = 'document'): PageInfo => ({ type, length: 1, titleLength: 0, date: '', filters });
  it('counts page kinds and lists years newest first', () => {
    const pages = [page('a', { year: ['2023年'] }), page('b', { year: ['2025年'] }), page('c', { year: ['未注明'] }), page('d', {}, 'department')];
    const facets = facetCounts(pages, [0, 1, 2, 3], {});
    expect(facets.year.map((v) => v.value)).toEqual(['2025年', '2023年', '未注明']);
    expect(facets.type).toEqual([
      { value: '政策文件', count: 3 },
      { value: '责任单位', count: 1 },
    ]);
    const many = facetCounts([page('x', {}, 'department'), page('y', {}, 'department'), page('z', {}, 'concept')], [0, 1, 2], {});
    expect(many.type.map((v) => v.value)).toEqual(['概念', '责任单位']);
  });
  it('derives a document’s filter values, one per joint issuer', () => {
    const doc = {
      meta: {
        level: { value: '省' },
        region: { value: ['山东省'] },
        issuer: { value: '山东省财政厅、山东省能源局' },
        date: { value: '2024-12-24' },
        kind: { value: '行动方案' },
        status: { value: '正式' },
      },
    } as unknown as PolicyDocument;
    expect(searchFacets(doc)).toEqual([
      ['level', '省级'],
      ['region', '山东省'],
      ['issuer', '山东省财政厅'],
      ['issuer', '山东省能源局'],
      ['year', '2024年'],
      ['kind', '行动方案'],
      ['status', '正式'],
    ]);
  });
});
