/** Small built pages for the search unit tests, and an in-memory store over their index. */
import { buildIndex, type ConceptSource } from '../../../scripts/search/build-index.ts';
import { extractPage, type ExtractedPage } from '../../../scripts/search/extract.ts';
import type { SearchStore } from '../../../shared/search/types.ts';
import type { BuiltIndex } from '../../../scripts/search/build-index.ts';
import { chunkOf, structureOf } from '../../../shared/search/pages.ts';

/** A document page shaped like the site's: article body, sections with eId headings. */
export function docHtml(opts: { title: string; filters?: Array<[string, string]>; date?: string; body: string }): string {
  const filters = (opts.filters ?? []).map(([k, v]) => `<span data-pagefind-filter="${k}">${v}</span>`).join('');
  const sort = opts.date ? `<span data-pagefind-sort="date">${opts.date}</span>` : '';
  return `<!doctype html><html lang="zh-CN" data-page="document"><head><title>${opts.title} · 政策图谱</title></head><body>
<header><nav>文件 概念 部门 链长制导航</nav></header>
<main><article data-pagefind-body><h1 data-pagefind-meta="title">${opts.title}<span class="badge" data-pagefind-ignore>征求意见稿</span></h1>
<div hidden data-pagefind-ignore>${filters}${sort}</div>
<div data-pagefind-ignore><dl><dt>发文机关</dt><dd>不应被索引的元数据</dd></dl></div>
${opts.body}
</article></main><footer>页脚文字</footer></body></html>`;
}

/** A provision section as mdx-tree.ts writes it. */
export function task(eid: string, label: string, heading: string, ...paragraphs: string[]): string {
  return `<section class="prov task" aria-labelledby="${eid}"><h3 id="${eid}" data-label="${label}">${heading}</h3><div class="prov-tools" data-pagefind-ignore><a href="#${eid}">§ ${label}</a></div>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</section>`;
}

/** A department page shaped like the site's: its name, then the task headings of other documents it is responsible for. */
export function departmentHtml(name: string, ...tasks: string[]): string {
  return `<!doctype html><html lang="zh-CN" data-page="department"><head><title>${name} · 政策图谱</title></head><body>
<main><div data-pagefind-body><h1>${name}</h1><p>在 1 份文件中负责 ${tasks.length} 项任务。</p><ul>${tasks.map((t) => `<li><a href="/docs/x/">一、1.</a> ${t}</li>`).join('')}</ul></div></main></body></html>`;
}

/** The glossary of the tests. */
export const sampleConcepts: ConceptSource[] = [
  { id: 'lianzhangzhi', name: '链长制', aliases: ['链长负责制'], definition: '由一位地方领导担任某条重点产业链的“链长”的工作机制。', documents: 1 },
  { id: 'qingneng', name: '氢能', aliases: [], definition: '以氢为载体的能源。', documents: 1 },
  { id: 'gongye-hulianwang', name: '工业互联网', aliases: [], definition: '连接工业全要素的网络。', documents: 0 },
];

/** The three test documents and two departments. */
export function samplePages(): ExtractedPage[] {
  const pages = [
    extractPage(
      docHtml({
        title: '济南市工业强市行动计划',
        filters: [
          ['level', '市级'],
          ['region', '山东省'],
          ['region', '济南市'],
          ['year', '2024年'],
        ],
        date: '2024-07-30',
        body:
          '<div class="preamble"><p>为加快建设工业强市，制定本计划。</p></div>' +
          task('item_1', '一、1.', '1.推动产业链式集群发展。', '发挥好“链长制”作用，聚焦10个标志性产业链群。') +
          task('item_2', '一、2.', '2.落实链长制。', '实行链长制工作推进机制，链长制全覆盖。'),
      }),
      'docs/jinan/',
    ),
    extractPage(
      docHtml({
        title: '青岛市新能源汽车产业发展行动计划',
        filters: [
          ['level', '市级'],
          ['region', '山东省'],
          ['region', '青岛市'],
          ['year', '2025年'],
        ],
        date: '2025-01-02',
        body: `${task('sec_1__item_1', '一、1.', '1.整车。', '新能源汽车占比超过40%，建设5G基站1000个。')}<p>链长 长制 分开写不算。</p>`,
      }),
      'docs/qingdao/',
    ),
    extractPage(
      docHtml({
        title: '北京市氢能产业若干措施',
        filters: [
          ['level', '省级'],
          ['region', '北京市'],
          ['year', '2024年'],
        ],
        body: task('subsec_1', '（一）', '（一）支持氢能。', '建设加氢站，推广eVTOL与氢燃料电池。', '制定标准，制造装备。'),
      }),
      'docs/beijing/',
    ),
    extractPage(departmentHtml('市工业和信息化局', '健全链长制服务体系', '推动氢能发展'), 'departments/shigongxinju/'),
    extractPage(departmentHtml('链长制办公室', '健全链长制服务体系'), 'departments/lianzhangzhi-bangongshi/'),
  ];
  return pages.map((p) => {
    if (!p) throw new Error('fixture page has no data-pagefind-body');
    return p;
  });
}

/** An index of the sample pages, in small shards so that routing and splits are exercised. */
export function sampleIndex(chunkSize?: number): BuiltIndex {
  return buildIndex(samplePages(), sampleConcepts, { shardTarget: 60, chunkSize });
}

/** Index position of the page at `url`. */
export const pageAt = (index: BuiltIndex, url: string): number => index.pages.findIndex((p) => p.url === url);

/** A store over an index held in memory (what the offline store does with the global). */
export function memoryStore(index: BuiltIndex): SearchStore & { loadedShards: number[] } {
  const loadedShards: number[] = [];
  return {
    loadedShards,
    meta: async () => index.meta,
    shard: async (n) => {
      loadedShards.push(n);
      return index.shards[n];
    },
    structure: async (n) => structureOf(index.pages[n]),
    chunk: async (n, k) => chunkOf(index.pages[n].text, k, index.meta.chunkSize),
    concept: async (i) => index.cards[i],
    urls: async () => index.pages.map((p) => p.url),
  };
}
