import { describe, expect, it } from 'vitest';
import { GlossaryError, loadGlossary, parseGlossary, validateGlossary } from '../../../scripts/concepts/glossary.ts';

const concept = (over: Record<string, unknown> = {}) => ({ id: 'lianzhangzhi', name: '链长制', definition: '由领导担任产业链链长的机制。', aliases: [], related: [], ...over });
const problems = (concepts: unknown[]) => validateGlossary({ concepts }).map((p) => p.problem);

describe('glossary validation', () => {
  it('accepts the curated glossary with at least 40 concepts', () => {
    expect(loadGlossary('content/curated/concepts.json').concepts.length).toBeGreaterThanOrEqual(40);
  });

  it('rejects an id that is not an ASCII slug, with a hint to use pinyin', () => {
    const [p] = validateGlossary({ concepts: [concept({ id: '链长制' })] });
    expect(p.problem).toContain('is not an ASCII slug');
    expect(p.hint).toContain('pinyin');
  });

  it('rejects the same written form in two concepts, also across variant forms', () => {
    expect(problems([concept({ aliases: ['首台(套)'] }), concept({ id: 'shoutaitao', name: '首台（套）' })])).toEqual([
      'concept "shoutaitao": term "首台（套）" is also a term of concept "lianzhangzhi"',
    ]);
  });

  it('rejects duplicate and reserved ids, missing definitions and unknown related ids', () => {
    expect(problems([concept(), concept({ definition: '' }), concept({ id: 'candidates', name: '候选', related: ['nope'] })])).toEqual([
      'concept "lianzhangzhi": id "lianzhangzhi" is used twice',
      'concept "lianzhangzhi": has no definition (or one shorter than 8 characters)',
      'concept "candidates": id "candidates" is reserved for a fixed page',
      'concept "candidates": related id "nope" does not exist',
    ]);
  });

  it('reports file and line of the problem', () => {
    const raw = JSON.stringify({ concepts: [concept(), concept({ id: 'x', name: '链长制' })] }, null, 2);
    const error = (() => {
      try {
        parseGlossary(raw, 'content/curated/concepts.json');
      } catch (e) {
        return e as GlossaryError;
      }
    })();
    expect(error).toBeInstanceOf(GlossaryError);
    expect(error!.message).toMatch(/^content\/curated\/concepts\.json:\d+: concept "x": term "链长制" is also a term of concept "lianzhangzhi"/);
    expect(error!.line).toBeGreaterThan(1);
  });

  it("quotes the JSON parser's message and the text where it broke", () => {
    expect(() => parseGlossary('{\n  "concepts": [\n    { "id": }\n  ]\n}', 'g.json')).toThrow(/^g\.json:\d+: the glossary is not valid JSON \(.*Unexpected token.*\{ "id": \}/s);
  });
});
