import { describe, expect, it } from 'vitest';
import { extractPage, parseKeyValues } from '../../../scripts/search/extract.ts';
import { urlOf } from '../../../scripts/search/collect.ts';
import { docHtml, task } from './fixtures.ts';

const html = docHtml({
  title: '示例文件',
  filters: [
    ['level', '市级'],
    ['region', '山东省'],
    ['region', '济南市'],
  ],
  date: '2024-07-30',
  body:
    '<section class="notice" aria-label="印发通知"><h2 id="notice">印发通知</h2><p>现印发给你们。</p></section>' +
    '<div class="preamble"><p>为了 <a href="/c/">链长制</a> 的落实，\n  制定本方案。</p></div>' +
    task('sec_1', '一、', '一、总体要求', '第一段。') +
    '<table><tr><td>单元格甲</td><td>单元格乙</td></tr></table>' +
    '<section class="prov" aria-labelledby="sec_2"><h2 id="sec_2" data-label="二、">二、任务</h2>' +
    task('sec_2__item_1', '二、1.', '1.子任务', '子任务正文。') +
    '<ul class="units"><li>市工信局</li></ul></section><script>var x = "脚本";</script><button>复制引用</button>',
});

describe('extractPage', () => {
  const page = extractPage(html, 'docs/x/')!;

  it('returns null for a page without data-pagefind-body', () => {
    expect(extractPage('<html><body><p>文字</p></body></html>', 'a/')).toBeNull();
    expect(extractPage('<html><body><div DATA-PAGEFIND-BODY><p>文字</p></div></body></html>', 'a/')?.text).toBe('文字');
  });
  it('reads the title from data-pagefind-meta, without ignored badges', () => {
    expect(page.title).toBe('示例文件');
  });
  it('indexes only the body: no header, footer, ignored or hidden parts, scripts or buttons', () => {
    for (const absent of ['链长制导航', '页脚文字', '不应被索引', '征求意见稿', '§', '脚本', '复制引用', '2024-07-30']) {
      expect(page.text).not.toContain(absent);
    }
  });
  it('puts each block on its own line and joins inline parts of a block', () => {
    expect(page.text.split('\n')).toContain('为了 链长制 的落实， 制定本方案。');
    expect(page.text.split('\n')).toContain('单元格甲');
    expect(page.text.split('\n')).toContain('单元格乙');
  });
  it('reads filters (repeated keys give several values) and sort keys', () => {
    expect(page.filters).toEqual({ level: ['市级'], region: ['山东省', '济南市'] });
    expect(page.sort).toEqual({ date: '2024-07-30' });
  });
  it('takes the kind of page from html[data-page]', () => {
    expect(page.type).toBe('document');
  });
  it('records sections with their label and heading', () => {
    expect(page.sections.map((s) => [s.id, s.label, s.heading])).toEqual([
      ['notice', '', '印发通知'],
      ['sec_1', '一、', '一、总体要求'],
      ['sec_2', '二、', '二、任务'],
      ['sec_2__item_1', '二、1.', '1.子任务'],
    ]);
  });
  it('ties each block to its innermost section, and text after a subsection back to the parent', () => {
    const sectionOf = (needle: string) => {
      const at = page.text.indexOf(needle);
      let found = -1;
      for (let i = 0; i < page.segments.length; i += 2) if (page.segments[i] <= at) found = page.segments[i + 1];
      return found === -1 ? null : page.sections[found].id;
    };
    expect(sectionOf('示例文件')).toBeNull();
    expect(sectionOf('现印发给你们')).toBe('notice');
    expect(sectionOf('制定本方案')).toBeNull();
    expect(sectionOf('第一段')).toBe('sec_1');
    expect(sectionOf('单元格甲')).toBeNull();
    expect(sectionOf('子任务正文')).toBe('sec_2__item_1');
    expect(sectionOf('市工信局')).toBe('sec_2');
  });
  it('starts every section’s first segment with its heading text (results find heading matches by it)', () => {
    page.sections.forEach((section, i) => {
      const start = page.segments[page.segments.findIndex((v, k) => k % 2 === 1 && v === i) - 1];
      expect(page.text.slice(start, start + section.heading.length)).toBe(section.heading);
    });
  });
  it('starts a section at a heading with an id that no section element wraps', () => {
    const loose = extractPage(
      '<html><body><div data-pagefind-body><h1>概念</h1><p>引言</p><h2 id="docs">相关文件</h2><p>文件甲</p></div></body></html>',
      'c/',
    )!;
    expect(loose.sections.map((s) => s.id)).toEqual(['docs']);
    expect(loose.segments).toEqual([0, -1, loose.text.indexOf('相关文件'), 0]);
  });
});

describe('parseKeyValues', () => {
  it('reads key:value pairs and escaped commas', () => {
    const el = { type: 'element', tagName: 'span', properties: {}, children: [] } as never;
    expect(parseKeyValues('kind:责任单位, title:甲\\,乙', el)).toEqual([
      ['kind', '责任单位'],
      ['title', '甲,乙'],
    ]);
  });
});

describe('urlOf', () => {
  it('maps index.html files to folder URLs', () => {
    expect(urlOf('index.html')).toBe('');
    expect(urlOf('docs/x/index.html')).toBe('docs/x/');
    expect(urlOf('about.html')).toBe('about.html');
  });
});
