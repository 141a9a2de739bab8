import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { remarkParagraphAnchors } from '../../../../scripts/site/remark/remark-paragraph-anchors.ts';
import { remarkCitationLinks } from '../../../../scripts/site/remark/remark-citation-links.ts';
import { htmlToMdxTree, mdxTreeToHtml } from './mdx-html.ts';

/** Runs one transformer over an HTML fragment read as an MDX tree, and prints the result. */
const run = (html: string, transformer: (tree: Root) => void) => {
  const tree = htmlToMdxTree(html);
  transformer(tree);
  return mdxTreeToHtml(tree).trim();
};

describe('remarkParagraphAnchors', () => {
  it('gives paragraphs and tables outside tasks an id from their first line, and leaves tasks alone', () => {
    const html =
      '<div class="preamble"><p data-lines="5-6">引言</p><div class="table-wrap" data-lines="7-9"><table></table></div></div><section class="prov" aria-labelledby="item_1"><p data-lines="10-10">任务</p></section>';
    expect(run(html, remarkParagraphAnchors())).toBe(
      '<div class="preamble"><p data-lines="5-6" id="para-5">引言</p><div class="table-wrap" data-lines="7-9" id="para-7"><table></table></div></div>\n' +
        '<section class="prov" aria-labelledby="item_1"><p data-lines="10-10">任务</p></section>',
    );
  });
});

describe('remarkCitationLinks', () => {
  it('links a cited title of the collection inside its 《》, whatever its bracket variant, and nothing else', () => {
    const html = '<p>落实《济南市物流行动计划(2024-2026年)》和《公司法》。</p><h2>《济南市物流行动计划（2024—2026年）》</h2>';
    expect(run(html, remarkCitationLinks({ citations: [{ title: '济南市物流行动计划（2024—2026年）', url: '/docs/wuliu/' }] }))).toBe(
      '<p>落实《<a href="/docs/wuliu/" class="cited-doc">济南市物流行动计划(2024-2026年)</a>》和《公司法》。</p>\n<h2>《济南市物流行动计划（2024—2026年）》</h2>',
    );
  });
});
