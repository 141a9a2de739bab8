/** What the compare worker is handed of the concept stage: its result is the same as with the whole concept data. */
import { describe, expect, it } from 'vitest';
import { computeCompare } from '../../../scripts/compare/run.ts';
import { conceptStage } from '../../../scripts/site/concept-stage.ts';
import { loadGlossary } from '../../../scripts/concepts/glossary.ts';
import { compareConceptInput } from '../../../scripts/steps/compare-thread.ts';
import { seeds } from '../compare/seeds.ts';

describe('compareConceptInput', () => {
  const { documents } = seeds();
  const { data } = conceptStage(documents, loadGlossary('content/curated/concepts.json'));
  const input = compareConceptInput(data);

  it('gives the compare stage the result the whole concept data gives', () => {
    const { timings: _a, ...whole } = computeCompare(documents, data);
    const { timings: _b, ...handed } = computeCompare(documents, input);
    expect(data.occurrences.length).toBeGreaterThan(100);
    expect(whole.concepts).not.toBeNull();
    expect(handed).toEqual(whole);
  });

  it('keeps only the fields the compare stage reads, so the copy to the worker is small', () => {
    expect(Object.keys(input.occurrences[0]).sort()).toEqual(['concept', 'document', 'eid', 'match']);
    expect(Object.keys(input.concepts[0]).sort()).toEqual(['id', 'name']);
    expect(input.occurrences).toHaveLength(data.occurrences.length);
  });
});
