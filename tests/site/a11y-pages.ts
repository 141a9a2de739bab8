/**
 * The pages the accessibility check opens in Chromium: one of each kind.
 *
 * To cover a new kind of page, add a row. `path` is relative to the base path;
 * a `*` stands for one path segment and picks the first matching page (in
 * sorted order), so a row keeps working as documents come and go.
 */
import { pagePath } from './site-files.ts';

/** One row of the table. */
export interface A11yPage {
  /** Kind of page, used in the test name. */
  name: string;
  /** Path under the base, e.g. `''` (home), `search/`, `docs/*\/`. */
  path: string;
  /**
   * False while the site does not build this kind of page yet: the row then
   * shows up as a todo instead of failing. Set it to true once the page exists.
   */
  required: boolean;
}

/** Kinds of page checked with axe, home first. Routes follow the site's src/pages. */
export const A11Y_PAGES: readonly A11yPage[] = [
  { name: 'home', path: '', required: true },
  { name: 'document', path: 'docs/*/', required: true },
  { name: 'source text', path: 'docs/*/source/', required: true },
  { name: 'concept', path: 'concepts/*/', required: true },
  { name: 'concept index', path: 'concepts/', required: true },
  { name: 'department', path: 'departments/*/', required: true },
  { name: 'compare', path: 'compare/', required: true },
  { name: 'compare pair', path: 'compare/jinan-shizhong-2024-xinxing-gongyehua--jinan-gongye-qiangshi-draft/', required: true },
  { name: 'version compare', path: 'compare/jinan-shizhong-2024-xinxing-gongyehua--jinan-shizhong-2024-xinxing-gongyehua.copy1/', required: true },
  { name: 'search', path: 'search/', required: true },
  { name: 'document carrying out another', path: 'docs/jinan-shizhong-2024-xinxing-gongyehua/', required: true },
  { name: 'relations', path: 'relations/', required: true },
  { name: 'validity timeline', path: 'timeline/', required: true },
];

/** The first page path matching a row's pattern among the site's HTML files, or null. */
export function findPage(pattern: string, files: readonly string[]): string | null {
  const segments = pattern.split('/').map((part) => (part === '*' ? '[^/]+' : escapeRegExp(part)));
  const matcher = new RegExp(`^${segments.join('/')}$`);
  const paths = files
    .filter((file) => file.endsWith('.html'))
    .map(pagePath)
    .sort();
  return paths.find((candidate) => matcher.test(candidate)) ?? null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
