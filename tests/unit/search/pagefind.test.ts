import { describe, expect, it } from 'vitest';
import { excerptParts, extraResults, pagefindFilters, sitePath, type PagefindData } from '../../../shared/search/pagefind.ts';
import type { PageInfo } from '../../../shared/search/types.ts';

const page = (type = 'document', filters: Record<string, string[]> = {}): PageInfo => ({ type, length: 1, titleLength: 0, date: '', filters });
const data = (url: string, sub?: string): PagefindData => ({
  url,
  excerpt: '产业<mark>链</mark>长',
  meta: { title: `T ${url}` },
  sub_results: sub
    ? [{ title: '一、任务', url: `${url}#${sub}`, excerpt: '<mark>链</mark>&amp;长', anchor: { id: sub }, weighted_locations: [{ balanced_score: 5 }] }]
    : [],
});

describe('extended search helpers', () => {
  it('asks Pagefind for any of the chosen values and leaves the type filter to the page infos', () => {
    expect(pagefindFilters({ level: ['市级', '省级'], type: ['概念'], year: [] })).toEqual({ level: { any: ['市级', '省级'] } });
  });

  it('turns excerpts into text parts, keeping marks and dropping any other markup', () => {
    expect(excerptParts('a<mark>链&lt;b&gt;</mark><img src=x>c')).toEqual([
      { text: 'a', mark: false },
      { text: '链<b>', mark: true },
      { text: 'c', mark: false },
    ]);
  });

  it('reads site paths under the base path only', () => {
    expect(sitePath('/sub/docs/x/', '/sub/')).toBe('docs/x/');
    expect(sitePath('/docs/x/', '/sub/')).toBeNull();
  });

  it('keeps only known pages that are not exact results, pass the filters and are not repeated, linking the best section', () => {
    const index = { urls: ['docs/a/', 'docs/b/', 'departments/c/'], pages: [page(), page(), page('department')] };
    const found = [data('/docs/a/'), data('/docs/b/', 'item_3'), data('/docs/b/'), data('/departments/c/'), data('/gone/')];
    const out = extraResults(found, index, new Set([0]), { type: ['政策文件'] }, '/');
    expect(out.map((r) => [r.url, r.page, r.href, r.heading])).toEqual([['docs/b/', 1, 'docs/b/#item_3', '一、任务']]);
    expect(out[0].excerpt).toEqual([
      { text: '链', mark: true },
      { text: '&长', mark: false },
    ]);
  });
});
