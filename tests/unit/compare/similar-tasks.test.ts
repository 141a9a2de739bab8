import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { similarDetails } from '../../../scripts/compare/similar-mdx.ts';
import { serialiseMdx } from '../../../scripts/site/write-mdx.ts';

const links = { task: (d: string, e: string) => `/docs/${d}/#${e}`, compare: (d: string) => `/compare/?a=x&b=${d}`, title: () => '标题{import x}<b>' };

describe('the 相似任务 disclosure', () => {
  it('adds nothing to a task without similar tasks', () => {
    expect(similarDetails(undefined, links)).toEqual([]);
    expect(similarDetails([], links)).toEqual([]);
  });

  it('is a closed <details> that search ignores, its seed text as string literals only', () => {
    const tree: Root = { type: 'root', children: similarDetails([{ doc: 'y', eid: 'item_14', label: '三、（五）14．', title: '强化要素保障', score: 0.191 }], links) };
    const mdx = serialiseMdx(tree);
    expect(mdx).toMatch(/^<details class={"similar"} data-pagefind-ignore={""}>/);
    expect(mdx).toContain('href={"/docs/y/#item_14"}');
    expect(mdx).toContain('{"《标题{import x}<b>》"}');
    expect(mdx).toContain('{"0.19"}');
    expect(mdx).not.toContain(' open');
  });
});
