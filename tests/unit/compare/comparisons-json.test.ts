import { describe, expect, it } from 'vitest';
import { comparisonsJson, publishedComparisons } from '../../../scripts/compare/comparisons-json.ts';
import { computeCompare } from '../../../scripts/compare/run.ts';
import { tasksAsText } from '../../../scripts/compare/tasks.ts';
import { paths } from '../../../scripts/urls/paths.ts';
import { JINAN_001, SHIZHONG_2024, seedDoc, seeds } from './seeds.ts';

const ORIGIN = 'https://example.org';

describe('publishedComparisons on the seeds', () => {
  const { documents } = seeds();
  const { pairs } = computeCompare(documents, undefined, { client: false });
  const published = publishedComparisons(pairs, documents, ORIGIN);
  const entry = (a: string, b: string) => published.find((c) => c.a === a && c.b === b);

  it('publishes every pre-rendered pair with its kind, score and the absolute URL of its page', () => {
    expect(published.map(({ kind, a, b, score }) => ({ kind, a, b, score }))).toEqual(pairs.map(({ kind, a, b, score }) => ({ kind, a, b, score })));
    expect(entry(SHIZHONG_2024, JINAN_001)?.url).toBe(ORIGIN + paths.comparePair(SHIZHONG_2024, JINAN_001));
  });

  it('names the matched tasks of two documents by their eids, with scores', () => {
    const matched = entry(SHIZHONG_2024, JINAN_001)!.pairs;
    expect(matched).toEqual(expect.arrayContaining([expect.objectContaining({ a: 'item_13', b: 'item_14' })]));
    for (const p of matched) expect(p.score).toBeGreaterThan(0);
  });

  it('matches a version pair’s tasks against the copy’s own tasks', () => {
    const copy = seedDoc(SHIZHONG_2024).copies[0].parsed;
    const copyEids = new Set(tasksAsText(`${SHIZHONG_2024}.copy1`, copy.body).map((t) => t.eid));
    const version = entry(SHIZHONG_2024, `${SHIZHONG_2024}.copy1`)!;
    expect(version.kind).toBe('version');
    expect(version.pairs.length).toBeGreaterThan(0);
    for (const p of version.pairs) expect(copyEids.has(p.b), p.b).toBe(true);
  });

  it('publishes no task pairs for a pair without a comparison', () => {
    const [bare] = publishedComparisons([{ kind: 'similar', a: SHIZHONG_2024, b: JINAN_001, score: 0.5 }], documents, ORIGIN);
    expect(bare.pairs).toEqual([]);
  });

  it('fails naming the document when a pair names one the corpus lacks', () => {
    const withComparison = pairs.find((p) => p.kind !== 'version')!;
    expect(() => publishedComparisons([{ ...withComparison, b: 'no-such-doc' }], documents, ORIGIN)).toThrow(/"no-such-doc"/);
  });
});

describe('comparisonsJson', () => {
  it('puts generatedBy first and indents by one space', () => {
    const text = comparisonsJson([], 'scripts/steps/open-data-step.ts');
    expect(text).toBe('{\n "generatedBy": "scripts/steps/open-data-step.ts",\n "comparisons": []\n}');
  });
});
