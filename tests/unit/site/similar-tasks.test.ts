import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { similarItems, similarPlaceholder } from '../../../scripts/site/similar-tasks.ts';
import { serialiseMdx } from '../../../scripts/site/write-mdx.ts';

const links = { task: (d: string, e: string) => `/docs/${d}/#${e}`, compare: (d: string) => `/compare/?a=x&b=${d}`, title: () => '标题{import x}<b>' };
const similar = [{ doc: 'y', eid: 'item_14', label: '三、（五）14．', title: '强化要素保障', score: 0.191 }];

describe('the 相似任务 disclosure', () => {
  it('is one component placeholder in the MDX, its attributes as string literals', () => {
    const tree: Root = { type: 'root', children: similarPlaceholder('x{y}', 'item_1') };
    expect(serialiseMdx(tree).trim()).toBe('<SimilarTasks doc={"x{y}"} eid={"item_1"} />');
  });

  it('stays a component between the HTML chunks of the markup around it', () => {
    const article = {
      type: 'mdxJsxFlowElement',
      name: 'article',
      attributes: [],
      children: [{ type: 'mdxJsxFlowElement', name: 'p', attributes: [], children: [{ type: 'text', value: 'a<b' }] }, ...similarPlaceholder('x', 'item_1')],
    };
    const tree = { type: 'root', children: [article] } as Root;
    expect(serialiseMdx(tree).trim()).toBe(
      ['<Fragment set:html={"<article><p>a&lt;b</p>"} />', '<SimilarTasks doc={"x"} eid={"item_1"} />', '<Fragment set:html={"</article>"} />'].join('\n\n'),
    );
  });

  it('lists each similar task with its link, its document, its score and a compare link', () => {
    expect(similarItems(similar, links)).toEqual([
      { href: '/docs/y/#item_14', doc: '《标题{import x}<b>》', task: '三、（五）14． 强化要素保障', score: '0.19', compareHref: '/compare/?a=x&b=y' },
    ]);
  });
});
