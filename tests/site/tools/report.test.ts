import { describe, expect, it } from 'vitest';
import { formatDiagnostics, type SiteDiagnostic } from '../report.ts';

const missing = (file: string, url: string): SiteDiagnostic => ({
  severity: 'error',
  code: 'link/missing',
  message: `a[href] "${url}" does not exist`,
  hint: 'fix the link',
  file,
  line: 1,
  column: 10,
});

describe('formatDiagnostics', () => {
  it('shows a problem repeated on many pages once, with five places and a count', () => {
    const pages = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => missing(`${name}/index.html`, '/about/'));
    expect(formatDiagnostics([missing('x/index.html', '/x/'), ...pages], 'dist')).toBe(
      [
        'link/missing  a[href] "/about/" does not exist (7×)',
        '  - dist/a/index.html:1:10',
        '  - dist/b/index.html:1:10',
        '  - dist/c/index.html:1:10',
        '  - dist/d/index.html:1:10',
        '  - dist/e/index.html:1:10',
        '  … and 2 more',
        '  → fix the link',
        'link/missing  a[href] "/x/" does not exist',
        '  - dist/x/index.html:1:10',
        '  → fix the link',
      ].join('\n'),
    );
  });

  it('folds many one-off problems of one code into a family with examples', () => {
    const oneOffs = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => missing(`${name}.html`, `/${name}/`));
    expect(formatDiagnostics(oneOffs, 'dist').split('\n')).toEqual([
      'link/missing  6 different problems, e.g.:',
      '  - dist/a.html:1:10  a[href] "/a/" does not exist',
      '  - dist/b.html:1:10  a[href] "/b/" does not exist',
      '  - dist/c.html:1:10  a[href] "/c/" does not exist',
      '  - dist/d.html:1:10  a[href] "/d/" does not exist',
      '  - dist/e.html:1:10  a[href] "/e/" does not exist',
      '  … and 1 more',
      '  → fix the link',
    ]);
  });
});
