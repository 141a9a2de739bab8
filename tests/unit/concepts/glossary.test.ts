import { describe, expect, it } from 'vitest';
import { GlossaryError, loadGlossary, parseGlossary, validateGlossary } from '../../../scripts/concepts/glossary.ts';

const concept = (over: Record<string, unknown> = {}) => ({
  id: 'lianzhangzhi',
  name: '链长制',
  definition: '由领导担任产业链链长的机制。',
  aliases: [],
  related: [],
  ...over,
});
const problems = (concepts: unknown[]) => validateGlossary({ concepts }).map((p) => `${p.path}: ${p.problem}`);

/** The GlossaryError `parseGlossary` throws for `raw`. */
function errorOf(raw: string, file = 'content/curated/concepts.json'): GlossaryError {
  try {
    parseGlossary(raw, file);
  } catch (e) {
    return e as GlossaryError;
  }
  throw new Error('parseGlossary accepted the glossary');
}

describe('glossary validation', () => {
  it('accepts the curated glossary with at least 40 concepts', () => {
    expect(loadGlossary('content/curated/concepts.json').concepts.length).toBeGreaterThanOrEqual(40);
  });

  it('rejects an id that is not an ASCII slug, with a hint to use pinyin', () => {
    const [p] = validateGlossary({ concepts: [concept({ id: '链长制' })] });
    expect(p.path).toBe('concepts[0].id');
    expect(p.problem).toContain('is not an ASCII slug');
    expect(p.hint).toContain('pinyin');
  });

  it('rejects the same written form in two concepts, also across variant forms', () => {
    expect(problems([concept({ aliases: ['首台(套)'] }), concept({ id: 'shoutaitao', name: '首台（套）' })])).toEqual([
      'concepts[1].name: concept "shoutaitao": term "首台（套）" is also a term of concept "lianzhangzhi"',
    ]);
  });

  it('rejects duplicate and reserved ids, missing definitions and unknown related ids', () => {
    expect(problems([concept(), concept({ definition: '' }), concept({ id: 'candidates', name: '候选', related: ['nope'] })])).toEqual([
      'concepts[1].definition: concept "lianzhangzhi": "" is shorter than 8 characters',
      'concepts[2].id: concept "candidates": "candidates" is reserved for a fixed page',
      'concepts[1].id: concept "lianzhangzhi": id "lianzhangzhi" is used twice',
      'concepts[2].related[0]: concept "candidates": related id "nope" does not exist',
    ]);
  });

  it('rejects a field of the wrong type and an unknown field, naming the JSON path', () => {
    expect(problems([concept({ aliases: '链长', relatde: [] })])).toEqual([
      'concepts[0].aliases: concept "lianzhangzhi": is "链长", not an array',
      'concepts[0].relatde: concept "lianzhangzhi": unknown field "relatde"',
    ]);
  });

  it('reports file, line and JSON path of each problem', () => {
    const error = errorOf(JSON.stringify({ concepts: [concept(), concept({ id: 'x', name: '链长制' })] }, null, 2));
    expect(error).toBeInstanceOf(GlossaryError);
    expect(error.message).toBe(
      'content/curated/concepts.json:12: concepts[1].name: concept "x": term "链长制" is also a term of concept "lianzhangzhi" — a written form may belong to one concept only; remove it from one of them',
    );
    expect(error.line).toBe(12);
  });

  it("quotes the JSON parser's message and gives the line where it broke", () => {
    expect(errorOf('{\n  "concepts": [\n    { "id": }\n  ]\n}', 'g.json').message).toMatch(
      /^g\.json:3: the concept glossary is not valid JSON \(.*Unexpected token.*\{ "id": \}/s,
    );
  });
});
