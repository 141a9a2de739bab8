import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import { documentTree } from '../../../scripts/site/mdx-tree.ts';
import { serialiseMdx } from '../../../scripts/site/write-mdx.ts';
import { jsxAttribute } from '../../../scripts/site/remark/jsx-attribute.ts';

const corpus = ingestDirectory('seeds', 'content/curated');
const doc = corpus.documents.find((d) => d.id === 'jinan-shizhong-2024-xinxing-gongyehua')!;
const tree: Root = documentTree(doc, { departmentSlug: () => 'x' });

/** Every provision <article> of the tree, depth first. */
function articles(node: { children?: unknown[] }): MdxJsxFlowElement[] {
  return ((node.children ?? []) as MdxJsxFlowElement[]).flatMap((c) => [
    ...(c.type === 'mdxJsxFlowElement' && c.name === 'article' ? [c] : []),
    ...articles(c),
  ]);
}

const textOf = (node: MdxJsxTextElement): string => node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');

describe("a provision's tool bar", () => {
  it("is right under the heading: a permalink to the heading's id with its label, and a link to the provision's lines in the original text", () => {
    const provisions = articles(tree);
    expect(provisions.length).toBeGreaterThan(20);
    for (const article of provisions) {
      const [heading, tools] = article.children as MdxJsxFlowElement[];
      expect(jsxAttribute(tools, 'class')).toBe('prov-tools');
      expect(jsxAttribute(tools, 'data-pagefind-ignore')).toBe('');
      const [permalink, , source] = tools.children as unknown as MdxJsxTextElement[];
      expect(jsxAttribute(permalink, 'href')).toBe(`#${jsxAttribute(heading, 'id')}`);
      expect(textOf(permalink)).toBe(`§ ${jsxAttribute(heading, 'data-label')}`);
      const [start, end] = jsxAttribute(article, 'data-lines')!.split('-');
      expect(jsxAttribute(source, 'href')).toBe(`/docs/${doc.id}/source/#L${start}`);
      expect(jsxAttribute(source, 'title')).toBe(`原文第${start}–${end}行`);
    }
  });

  it('is written in the page as HTML text, kept out of search', () => {
    const mdx = serialiseMdx(tree);
    expect(mdx).toContain(
      `<div class=\\"prov-tools\\" data-pagefind-ignore><a class=\\"permalink\\" href=\\"#item_10\\" title=\\"本条链接（可复制）\\">§ 三、（四）10.</a>\\n<a class=\\"srclink\\" href=\\"/docs/${doc.id}/source/#L`,
    );
  });
});
