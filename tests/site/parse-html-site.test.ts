/**
 * parse-html.ts against fromHtml on every page of the built site under test
 * (dist/, made from the real seeds by npm run build, which runs before these checks).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { parseHtml, parseRegularHtml } from '../../scripts/html/parse-html.ts';
import { urlOf } from '../../scripts/search/collect.ts';
import { extractPage, extractTree } from '../../scripts/search/extract.ts';
import { withoutPositions } from '../support/hast.ts';
import { siteUnderTest } from './site-under-test.ts';

const DIST = siteUnderTest().dir;
const pages = fs
  .readdirSync(DIST, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .sort();
const read = (file: string) => fs.readFileSync(path.join(DIST, file), 'utf8');

describe('parseHtml on every page of the built site', () => {
  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  it('takes the fast path everywhere: parse5 would repair nothing in the built pages', () => {
    const irregular = pages.flatMap((file) => {
      const tree = parseRegularHtml(read(file));
      return tree.type === 'irregular' ? [`${file}: ${tree.reason}`] : [];
    });
    expect(irregular).toEqual([]);
  });

  it('gives the tree fromHtml gives, positions aside', () => {
    for (const file of pages) {
      const html = read(file);
      expect(parseHtml(html), file).toEqual(withoutPositions(fromHtml(html)));
    }
  });

  it('gives the same search extraction as fromHtml', () => {
    for (const file of pages) {
      const html = read(file);
      const url = urlOf(file);
      expect(extractPage(html, url), file).toEqual(extractTree(fromHtml(html), url));
    }
  });
});
