/** What the seeds must give: the concept stage run on the real corpus and glossary. */
import { describe, expect, it } from 'vitest';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import { loadGlossary } from '../../../scripts/concepts/glossary.ts';
import { analyseConcepts } from '../../../scripts/concepts/concept-data.ts';
import { textUnits } from '../../../scripts/concepts/text-units.ts';

const corpus = ingestDirectory('seeds', 'content/curated');
const glossary = loadGlossary('content/curated/concepts.json');
const { data, problems } = analyseConcepts(corpus.documents, glossary, (id) => `/concepts/${id}/`);
const concept = (id: string) => data.concepts.find((c) => c.id === id)!;
const anchors = (id: string, doc: string) => data.occurrences.filter((o) => o.concept === id && o.document === doc).map((o) => o.anchor);

describe('concepts on the seeds', () => {
  it('every glossary quote is found verbatim in its document and task', () => {
    expect(problems).toEqual([]);
  });

  it('链长制 links 001 (tasks 4 and 19), the 山东 精细化工 plan, the news article and, through its alias, the 市中区 2024 plan task 1', () => {
    const docs = concept('lianzhangzhi').documents.map((d) => d.document);
    expect(docs).toEqual(
      expect.arrayContaining([
        'jinan-gongye-qiangshi-draft',
        'shandong-2025-jingxi-huagong',
        'jinan-shizhong-news-erci-chuangye',
        'jinan-shizhong-2024-xinxing-gongyehua',
      ]),
    );
    expect(anchors('lianzhangzhi', 'jinan-gongye-qiangshi-draft')).toEqual(expect.arrayContaining(['item_4', 'item_19']));
    expect(anchors('lianzhangzhi', 'jinan-shizhong-2024-xinxing-gongyehua')).toEqual(['item_1']);
    const alias = data.occurrences.find((o) => o.concept === 'lianzhangzhi' && o.document === 'jinan-shizhong-2024-xinxing-gongyehua')!;
    expect(alias.match).toBe('“六个一”产业链群工作推进机制');
  });

  it('专精特新 is found in every document that uses it, at least 10', () => {
    const using = corpus.documents.filter((d) => textUnits(d).some((u) => u.text.includes('专精特新'))).map((d) => d.id);
    expect(using.length).toBeGreaterThanOrEqual(10);
    expect(
      concept('zhuanjingtexin')
        .documents.map((d) => d.document)
        .sort(),
    ).toEqual(using.sort());
  });

  it('counts mentions per document that add up to the concept total', () => {
    for (const c of data.concepts) expect(c.documents.reduce((n, d) => n + d.mentions, 0)).toBe(c.mentions);
  });

  it('lists recurring quoted terms not in the glossary, none of them a glossary term', () => {
    expect(data.candidates.length).toBeGreaterThan(0);
    const known = new Set(glossary.concepts.flatMap((c) => [c.name, ...c.aliases]));
    for (const c of data.candidates) {
      expect(c.documents.length).toBeGreaterThanOrEqual(2);
      expect(known.has(c.term)).toBe(false);
    }
    expect(data.candidates.map((c) => c.term)).toContain('一盘棋');
  });

  it('lists the titles a document cites that are not in the collection, and drops a notice naming its own plan', () => {
    const cites = data.citations['jinan-shizhong-2023-xinjiu-dongneng'];
    expect(cites.external.map((c) => c.title)).toContain('济南市深化新旧动能转换推动绿色低碳高质量发展三年行动计划（2023-2025年）');
    expect(data.citations['jinan-shizhong-2024-xinxing-gongyehua'].external).toEqual([]);
    expect(data.citations['jinan-2024-wuliu'].external.map((c) => c.title)).toEqual(['济南市物流专项规划']);
  });
});

describe('concept links on the seed pages', () => {
  it('link the same mentions from the occurrence index as from scanning each page', async () => {
    const { conceptStage } = await import('../../../scripts/site/concept-stage.ts');
    const { documentPages } = await import('../../../scripts/site/document-pages.ts');
    const { siteDataFrom } = await import('../../../scripts/site/site-data.ts');
    const stage = conceptStage(corpus.documents, glossary);
    const site = siteDataFrom(corpus);
    const indexed = documentPages(site, stage.pluginsFor);
    // The same plugins, minus the index: remarkConceptLinks scans every text itself.
    const scanned = documentPages(
      site,
      (doc) =>
        stage
          .pluginsFor(doc)
          .map((p) =>
            Array.isArray(p) && (p[1] as { paragraphMentions?: unknown })?.paragraphMentions
              ? [p[0], { ...(p[1] as object), paragraphMentions: undefined }]
              : p,
          ) as never,
    );
    let links = 0;
    for (const [id, mdx] of indexed) {
      expect(mdx, id).toBe(scanned.get(id));
      links += mdx.split('aria-describedby=\\"cdef-').length - 1;
    }
    expect(links).toBeGreaterThan(300);
  });
});
