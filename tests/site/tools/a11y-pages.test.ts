import { describe, expect, it } from 'vitest';
import { A11Y_PAGES, findPage } from '../a11y-pages.ts';
import { indexSite } from '../site-files.ts';

describe('a11y page table', () => {
  const files = indexSite('tests/fixtures/site/basic').list;

  it('finds one page of each kind in the basic fixture', () => {
    expect(Object.fromEntries(A11Y_PAGES.map((row) => [row.name, findPage(row.path, files)]))).toEqual({
      home: '',
      document: 'docs/jinan-shizhong-2024-29/',
      'source text': 'docs/jinan-shizhong-2024-29/source/',
      concept: 'concepts/新型工业化/',
      'concept index': null, // the fixture has no concept index page
      department: 'departments/区工业和信息化局/',
      compare: 'compare/',
      // The fixture site has no pre-rendered comparisons; the real dist/ does.
      'compare pair': null,
      'version compare': null,
      search: 'search/',
      // The fixture predates relations: no such document, no relations or timeline page.
      'document carrying out another': null,
      relations: null,
      'validity timeline': null,
    });
  });

  it('lets * match exactly one path segment', () => {
    expect(findPage('docs/*/', ['docs/a/b/index.html', 'docs/c/index.html'])).toBe('docs/c/');
    expect(findPage('docs/*/', ['docs/index.html'])).toBeNull();
  });

  it('starts with a required home page', () => {
    expect(A11Y_PAGES[0]).toEqual({ name: 'home', path: '', required: true });
  });
});
