import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { clientDocument, payloadScript, payloadTasks, payloadVectors, type ClientDocument } from '../../../shared/compare/client-data.ts';
import { gramKeys, similarityText, type SparseVector } from '../../../shared/compare/tfidf.ts';
import { decodeNumbers } from '../../../shared/varint.ts';
import { documentTargets } from '../../../shared/compare/targets.ts';
import { comparePair } from '../../../shared/compare/compare-pair.ts';
import { computeCompare, docSummary } from '../../../scripts/compare/run.ts';
import { documentVectors } from '../../../scripts/compare/corpus.ts';
import { comparisonView } from '../../../shared/compare/view/comparison.ts';
import { attributeName } from '../../../shared/compare/view/dom.ts';
import { JINAN_001, SHIZHONG_2024, seeds } from './seeds.ts';

describe('the compare stage on the seeds', () => {
  const { documents } = seeds();
  const result = computeCompare(documents);
  const pair = (a: string, b: string) => result.pairs.find((p) => p.a === a && p.b === b);

  it('recommends the 市中区 2024 plan with the city plan it implements (hierarchy by region)', () => {
    expect(pair(SHIZHONG_2024, JINAN_001)).toMatchObject({ kind: 'hierarchy' });
  });

  it('recommends the two copies of the 市中区 2024 plan as a version pair', () => {
    const version = pair(SHIZHONG_2024, `${SHIZHONG_2024}.copy1`);
    expect(version?.kind).toBe('version');
    expect(version?.version?.outline.removed).toHaveLength(1);
    expect(version?.score).toBeGreaterThan(0.95);
  });

  it('lists up to three similar tasks in other documents for a task, with scores', () => {
    const similar = result.similar[SHIZHONG_2024].item_13;
    expect(similar[0]).toMatchObject({ doc: JINAN_001, eid: 'item_14' });
    expect(similar.length).toBeLessThanOrEqual(3);
    for (const s of similar) expect(s.doc).not.toBe(SHIZHONG_2024);
  });

  it('leaves documents without tasks out of the compare lists', () => {
    expect(result.docs.map((d) => d.id)).not.toContain('jinan-shizhong-news-erci-chuangye');
  });
});

describe('the client payloads', () => {
  const { documents } = seeds();
  const result = computeCompare(documents);
  const payload = (id: string) => result.client.find((p) => p.doc.id === id)!;

  it('let the browser reproduce the build’s comparison exactly', () => {
    const [pa, pb] = [payload(SHIZHONG_2024), payload(JINAN_001)];
    const [va, vb] = payloadVectors([pa, pb]);
    const inBrowser = comparePair(
      { id: pa.doc.id, tasks: payloadTasks(pa), vectors: va, targets: pa.targets },
      { id: pb.doc.id, tasks: payloadTasks(pb), vectors: vb, targets: pb.targets },
    );
    const built = result.pairs.find((p) => p.a === SHIZHONG_2024 && p.b === JINAN_001)!.comparison!;
    expect(inBrowser.rows).toEqual(built.rows);
    expect(inBrowser.targets).toEqual(built.targets);
    expect(inBrowser.score).toBe(built.score);
  });

  it('list the corpus frequency of each distinct n-gram of the tasks in key order, the same whichever documents were made before', () => {
    const { corpus } = seeds();
    for (const d of documents.filter((doc) => result.client.some((p) => p.doc.id === doc.id))) {
      const made = payload(d.id);
      const alone = clientDocument({
        doc: docSummary(d),
        tasks: corpus.byDoc.get(d.id) ?? [],
        vectors: documentVectors(corpus, d.id),
        targets: documentTargets(d),
        vocab: corpus.vocab,
      });
      expect(made.df).toBe(alone.df);
      const keys = [...new Set(payloadTasks(made).flatMap((t) => gramKeys(similarityText(t))))].sort((x, y) => x - y);
      expect(decodeNumbers(made.df)).toEqual(keys.map((key) => corpus.vocab.df[corpus.vocab.table.get(key)]));
    }
  });

  it('give every document’s tasks the build’s vectors, weight for weight', () => {
    const { corpus } = seeds();
    const termsOf = (v: SparseVector, keyOf: (id: number) => number) => [...v.ids].map((id, i) => [keyOf(id), v.weights[i]]).sort((x, y) => x[0] - y[0]);
    for (const p of result.client) {
      const built = documentVectors(corpus, p.doc.id);
      // One payload alone: its n-grams are the local vocabulary's first terms, in the order countTerms met them.
      const seen = new Set<number>();
      for (const t of payloadTasks(p)) for (const key of gramKeys(similarityText(t))) seen.add(key);
      const local = [...seen];
      const [inBrowser] = payloadVectors([p]);
      expect(inBrowser).toHaveLength(built.length);
      inBrowser.forEach((v, i) => expect(termsOf(v, (id) => local[id])).toEqual(termsOf(built[i], (id) => corpus.vocab.keys[id])));
    }
  });

  it('are classic scripts that register the payload under its id', () => {
    const p = payload(JINAN_001);
    const context: { self?: unknown; policyAtlasCompare?: Record<string, ClientDocument> } = {};
    context.self = context;
    vm.runInNewContext(payloadScript(p), context);
    expect(context.policyAtlasCompare?.[JINAN_001]?.tasks).toHaveLength(p.tasks.length);
  });
});

describe('the comparison view', () => {
  const { corpus } = seeds();
  const hostile = { ...corpus.byDoc.get(JINAN_001)![0], title: '<script>alert(1)</script>', text: '"><img src=x onerror=alert(1)>' };
  const tasks = [hostile];
  const doc = { id: 'x', title: '<b>标题</b>', issuer: null, date: null, status: '正式', region: [], kind: '其他' };
  const links = { doc: (id: string) => `/docs/${id}/`, task: (id: string, eid: string) => `/docs/${id}/#${eid}`, concept: (id: string) => `/concepts/${id}/` };
  const vectors = [corpus.vectors[0]];
  const comparison = comparePair({ id: 'x', tasks, vectors, targets: [] }, { id: 'y', tasks, vectors, targets: [] });
  const html = toHtml(comparisonView({ comparison, a: { doc, tasks }, b: { doc: { ...doc, id: 'y' }, tasks }, conceptInfo: new Map(), links }));

  it('renders one row per aligned pair, linked to both task anchors', () => {
    expect(html.match(/<li class="cmp-row/g)).toHaveLength(1);
    expect(html).toContain(`href="/docs/x/#${hostile.eid}"`);
    expect(html).toContain(`href="/docs/y/#${hostile.eid}"`);
  });

  it('escapes seed text: no element or attribute comes from it', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
  });

  it('maps hast property names to the HTML attributes the client sets', () => {
    expect([attributeName('className'), attributeName('ariaLabelledby'), attributeName('dataA'), attributeName('href')]).toEqual([
      'class',
      'aria-labelledby',
      'data-a',
      'href',
    ]);
  });
});
