import { describe, expect, it } from 'vitest';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import type { Block, Corpus, PolicyDocument, Provision } from '../../../scripts/ingest/model.ts';
import { lostCharacters } from '../../support/faithful.ts';
import { tasksOf } from '../../../shared/document/tasks.ts';
import { provisionsOf } from '../../../shared/document/walk.ts';

const corpus: Corpus = ingestDirectory('seeds', 'content/curated');
const byId = (id: string) => {
  const doc = corpus.documents.find((d) => d.id === id);
  if (!doc) throw new Error(`no document ${id}; ids: ${corpus.documents.map((d) => d.id).join(', ')}`);
  return doc;
};
const provisions = (blocks: Block[]): Provision[] => provisionsOf(blocks).map((p) => p.node);
const tasks = (doc: PolicyDocument) => tasksOf(doc.body);

describe('the seeds', () => {
  it('give 19 distinct documents, the 市中区 copy in 004 merged with 000', () => {
    expect(corpus.documents.map((d) => d.id).sort()).toEqual(
      [
        'beijing-2024-qingneng',
        'cangzhou-diji-jingji',
        'hebei-2025-shuzi-funeng-zhizaoye',
        'jinan-2024-wuliu',
        'jinan-gongye-qiangshi-draft',
        'jinan-shizhong-2023-xinjiu-dongneng',
        'jinan-shizhong-2024-xinxing-gongyehua',
        'jinan-shizhong-news-erci-chuangye',
        'jinan-weilai-chanye',
        'jinan-zhiliang-jichu-sheshi',
        'qingdao-2025-haiyang',
        'qingdao-2025-xinnengyuan-qiche',
        'qingdao-tiyu-chanye',
        'shandong-2025-jingxi-huagong',
        'shandong-chuantong-chanye',
        'shandong-guangdian-shiting',
        'tianjin-dongli-2024-zhaoshang-gongjian',
        'tianjin-dongli-zhaoshang-jizhi',
        'tianjin-wenlv-ronghe',
      ].sort(),
    );
    const shizhong = byId('jinan-shizhong-2024-xinxing-gongyehua');
    expect(shizhong.sources.map((s) => s.file.slice(0, 3))).toEqual(['000', '004']);
    expect(shizhong.copies).toHaveLength(1);
  });

  it('reads 000 as 17 numbered items, item 1 with 12 responsible units', () => {
    const doc = byId('jinan-shizhong-2024-xinxing-gongyehua');
    const items = tasks(doc);
    expect(items.map((t) => t.eid)).toEqual(Array.from({ length: 17 }, (_, i) => `item_${i + 1}`));
    expect(items[0].units).toHaveLength(12);
    expect(items[0].label).toBe('三、（一）1.');
    expect(doc.meta.number.value).toBe('市中政字〔2024〕29号');
    expect(doc.meta.date.value).toBe('2024-10-24');
    expect(doc.footer?.paragraphs.map((p) => p.text).join('')).toContain('抄送');
  });

  it('counts 22 tasks in 001, 47 in 002 and 22 in the Hebei plan', () => {
    expect(tasks(byId('jinan-gongye-qiangshi-draft'))).toHaveLength(22);
    expect(tasks(byId('jinan-shizhong-2023-xinjiu-dongneng')).map((t) => t.eid)).toEqual(Array.from({ length: 47 }, (_, i) => `subsec_${i + 1}`));
    expect(tasks(byId('hebei-2025-shuzi-funeng-zhizaoye'))).toHaveLength(22);
  });

  it('scopes anchors where numbering restarts (东丽 2024) and keeps them unique', () => {
    const doc = byId('tianjin-dongli-2024-zhaoshang-gongjian');
    const eids = provisions(doc.body).map((p) => p.eid);
    expect(eids).toContain('sec_2__subsec_2__item_3');
    expect(new Set(eids).size).toBe(eids.length);
    for (const d of corpus.documents) {
      const all = provisions(d.body).map((p) => p.eid);
      expect(new Set(all).size, d.id).toBe(all.length);
      for (const eid of all) expect(eid).toMatch(/^[a-z0-9_]+$/);
    }
  });

  it('marks curated metadata as curated and read metadata as read', () => {
    const draft = byId('jinan-gongye-qiangshi-draft');
    expect(draft.meta.status).toEqual({ value: '征求意见稿', curated: false });
    expect(draft.meta.region).toEqual({ value: ['山东省', '济南市'], curated: true });
    expect(draft.meta.issuer.value).toBeNull();
    const renewal = byId('jinan-shizhong-2023-xinjiu-dongneng');
    expect(renewal.meta.title.curated).toBe(true);
    expect(renewal.meta.status.value).toBe('送审稿');
    expect(byId('jinan-shizhong-news-erci-chuangye').meta.kind).toEqual({ value: '新闻报道', curated: true });
    expect(byId('beijing-2024-qingneng').meta.status.value).toBe('修订版');
  });

  it('loses no character: every non-whitespace character of each seed is in the model or a recorded normalisation', () => {
    for (const file of Object.keys(corpus.sources)) expect(lostCharacters(corpus, file), `${file} lost characters`).toEqual([]);
  });
});
