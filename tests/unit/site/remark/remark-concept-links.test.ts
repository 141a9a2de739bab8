import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import type { Root } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { remarkConceptLinks, type ConceptLinkTarget, type RemarkConceptLinksOptions } from '../../../../scripts/site/remark/remark-concept-links.ts';
import { serialiseMdx } from '../../../../scripts/site/write-mdx.ts';
import { glossaryMatcher } from '../../../../scripts/concepts/concept-data.ts';
import { htmlToMdxTree, mdxTreeToHtml } from './mdx-html.ts';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/concept-links/', import.meta.url));
const CONCEPTS: ConceptLinkTarget[] = JSON.parse(readFileSync(`${FIXTURES}concepts.json`, 'utf8'));

/** What each fixture shows, and the links it must produce in reading order ([concept id, linked text]). */
const CASES: Record<string, { behaviour: string; links: Array<[string, string]> }> = {
  'longest-match': {
    behaviour: 'links the longest term at a position (链主企业 before 链主), and the shorter concept at its own first mention',
    links: [
      ['lianzhu-qiye', '链主企业'],
      ['lianzhu', '链主'],
    ],
  },
  'first-mention-per-task': {
    behaviour: 'links only the first mention of a concept in each task, the preamble and the parent section, including inside a target <mark>',
    links: [
      ['zhuanjingtexin', '专精特新'],
      ['zhuanjingtexin', '专精特新'],
      ['zhuanjingtexin', '专精特新'],
      ['zhuanjingtexin', '专精特新'],
      ['lianzhu-qiye', '链主企业'],
    ],
  },
  'heading-only-mention': {
    behaviour: "links in a task's heading only the concepts its text does not mention, after the text's own links",
    links: [
      ['lianzhu-qiye', '链主企业'],
      ['lianzhangzhi', '链长制'],
      ['shoutaitao', '首台套'],
    ],
  },
  'no-link-in-headings-links-th': {
    behaviour:
      "never links inside links, code, table header cells, unit chips, task tools or the original-text view, nor in a heading a concept the task's text links",
    links: [
      ['lianzhangzhi', '链长制'],
      ['shoutaitao', '首台套'],
    ],
  },
  'alias-resolution': {
    behaviour: 'resolves aliases and variant forms to their concept: “六个一”产业链群工作推进机制, 首台套, 5G 基站',
    links: [
      ['lianzhu-qiye', '链主企业'],
      ['lianzhangzhi', '“六个一”产业链群工作推进机制'],
      ['shoutaitao', '首台套'],
      ['5g-jizhan', '5G 基站'],
    ],
  },
  'own-page': {
    behaviour: "never links a concept on the concept's own page",
    links: [['lianzhu-qiye', '链主企业']],
  },
};

function run(caseDir: string): Root {
  const options: Partial<RemarkConceptLinksOptions> = existsSync(`${caseDir}/options.json`) ? JSON.parse(readFileSync(`${caseDir}/options.json`, 'utf8')) : {};
  const tree = htmlToMdxTree(readFileSync(`${caseDir}/input.html`, 'utf8'));
  return unified()
    .use(remarkConceptLinks, { concepts: CONCEPTS, ...options })
    .runSync(tree) as Root;
}

/** [concept id, linked text] of every concept link, in reading order. */
function linksOf(tree: Root): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  visit(tree, 'mdxJsxTextElement', (el: MdxJsxTextElement) => {
    const href = el.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'href')?.value;
    const url = typeof href === 'object' && href !== null ? JSON.parse(href.value) : href;
    const id = el.name === 'a' ? /^\/concepts\/([^/]+)\/$/.exec(String(url))?.[1] : undefined;
    if (id) out.push([id, el.children.map((c) => ('value' in c ? c.value : '')).join('')]);
  });
  return out;
}

describe('remarkConceptLinks fixtures', () => {
  const folders = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

  it('describes every fixture folder', () => {
    expect(folders).toEqual(Object.keys(CASES).sort());
  });

  for (const name of folders) {
    const spec = CASES[name];
    it(spec?.behaviour ?? name, () => {
      const dir = `${FIXTURES}${name}`;
      const tree = run(dir);
      expect(linksOf(tree)).toEqual(spec.links);
      const html = mdxTreeToHtml(tree);
      if (process.env.UPDATE_FIXTURES) writeFileSync(`${dir}/expected.html`, html);
      expect(html).toBe(readFileSync(`${dir}/expected.html`, 'utf8'));
    });
  }
});

describe('organisation names as boundaries', () => {
  it('does not link a concept inside a unit name compiled as a boundary, and links it elsewhere', () => {
    const concepts: ConceptLinkTarget[] = [
      { id: 'nengyuan-hulianwang', name: '能源互联网', url: '/concepts/nengyuan-hulianwang/', definition: '能源与互联网融合。', terms: ['能源互联网'] },
    ];
    const matcher = glossaryMatcher(
      [{ id: 'nengyuan-hulianwang', name: '能源互联网', definition: '能源与互联网融合。' } as never],
      ['济南能源互联网产业发展促进中心'],
    );
    const tree = htmlToMdxTree(
      '<article class="prov" aria-labelledby="item_1"><h4 id="item_1">1.</h4><p data-lines="1-1">（责任单位：济南能源互联网产业发展促进中心）发展能源互联网产业。</p></article>',
    );
    const linked = unified().use(remarkConceptLinks, { concepts, matcher }).runSync(tree) as Root;
    expect(linksOf(linked)).toEqual([['nengyuan-hulianwang', '能源互联网']]);
    expect(mdxTreeToHtml(linked)).toContain('济南能源互联网产业发展促进中心）发展<a href="/concepts/nengyuan-hulianwang/"');
  });
});

describe('remarkConceptLinks output', () => {
  const tree = () => htmlToMdxTree('<section class="prov" aria-labelledby="item_1"><h4 id="item_1">1.</h4><p data-lines="1-1">落实链长制。</p></section>');

  it('describes the link by the page\'s one definition popover, which the "?" button opens', () => {
    const html = mdxTreeToHtml(unified().use(remarkConceptLinks, { concepts: CONCEPTS }).runSync(tree()) as Root);
    expect(html).toContain(
      '<a href="/concepts/lianzhangzhi/" aria-describedby="cdef-lianzhangzhi">链长制</a><button type="button" popovertarget="cdef-lianzhangzhi" aria-labelledby="cdef-lianzhangzhi">?</button>',
    );
    expect(html).toContain(
      '<div class="concept-tips" data-pagefind-ignore><span id="cdef-lianzhangzhi" popover><strong>链长制</strong>：由领导担任产业链“链长”的工作机制。</span></div>',
    );
  });

  it('puts one definition per linked concept on the page, however many tasks link it', () => {
    const two = htmlToMdxTree(
      '<section class="prov" aria-labelledby="item_1"><p>链长制</p></section><section class="prov" aria-labelledby="item_2"><p>链长制</p></section>',
    );
    const html = mdxTreeToHtml(unified().use(remarkConceptLinks, { concepts: CONCEPTS }).runSync(two) as Root);
    expect(html.match(/<a href="\/concepts\/lianzhangzhi\/"/g)).toHaveLength(2);
    expect(html.match(/id="cdef-lianzhangzhi"/g)).toHaveLength(1);
  });

  it('writes its markup as HTML text in JSON string literals, the hostile definition escaped', () => {
    const hostile: ConceptLinkTarget[] = [{ ...CONCEPTS[0], definition: '含 {危险} </span><script>x</script> 的释义' }];
    const mdx = serialiseMdx(tree(), [[remarkConceptLinks, { concepts: hostile }]]);
    // Nothing but HTML chunks, each a JSON string literal: no seed or glossary text is MDX syntax.
    expect(mdx).toMatch(/^(?:<Fragment set:html=\{"(?:[^"\\]|\\.)*"\} \/>\n*)+$/);
    const html = mdx
      .trim()
      .split(/\n\n/)
      .map((chunk) => JSON.parse(chunk.slice('<Fragment set:html={'.length, -' />'.length - 1)) as string)
      .join('');
    expect(html).toContain('<a href="/concepts/lianzhangzhi/" aria-describedby="cdef-lianzhangzhi">链长制</a>');
    // The definition appears once, in the popover, its markup escaped.
    expect(html).toContain('：含 {危险} &lt;/span>&lt;script>x&lt;/script> 的释义');
    expect(html).not.toContain('<script>');
  });

  it('does not link inside elements named in skipElements', () => {
    const html = mdxTreeToHtml(
      unified()
        .use(remarkConceptLinks, { concepts: CONCEPTS, skipElements: ['p'] })
        .runSync(tree()) as Root,
    );
    expect(html).not.toContain('concept-link');
  });
});
