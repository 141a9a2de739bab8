import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import { documentTree, PROV_TOOLS_COMPONENT } from '../../../scripts/site/mdx-tree.ts';
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

describe("a provision's tool bar in the MDX", () => {
  it('is one component right under the heading, carrying the heading id, its label and the lines of the provision', () => {
    const provisions = articles(tree);
    expect(provisions.length).toBeGreaterThan(20);
    for (const article of provisions) {
      const [heading, tools] = article.children as MdxJsxFlowElement[];
      expect(tools.name).toBe(PROV_TOOLS_COMPONENT);
      expect(tools.children).toEqual([]);
      expect(jsxAttribute(tools, 'eid')).toBe(jsxAttribute(heading, 'id'));
      expect(jsxAttribute(tools, 'label')).toBe(jsxAttribute(heading, 'data-label'));
      expect(jsxAttribute(tools, 'lines')).toBe(jsxAttribute(article, 'data-lines'));
    }
  });

  it('is written as its three values, not as the links it renders to', () => {
    const mdx = serialiseMdx(tree);
    expect(mdx).toContain('<ProvTools eid={"item_10"} label={"三、（四）10."} lines={');
    expect(mdx).not.toMatch(/permalink|srclink|prov-tools/);
  });
});
