/**
 * The schemas of the generated files match the TypeScript interfaces the stages use, both ways
 * (a type-level test: `npm run typecheck` fails on a difference; the run only confirms it compiled).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Block, Corpus, PolicyDocument } from '../../../scripts/ingest/model.ts';
import type { SiteData } from '../../../scripts/site/site-model.ts';
import type { ConceptsData } from '../../../scripts/concepts/model.ts';
import type { RelationsData } from '../../../scripts/relations/model.ts';
import type { CompareData } from '../../../scripts/build/compare-step.ts';
import type { BlockSchema, CorpusSchema, PolicyDocumentSchema } from '../../../scripts/contract/corpus.ts';
import type { SiteDataSchema } from '../../../scripts/contract/site-data.ts';
import type { ConceptsDataSchema } from '../../../scripts/contract/concepts-data.ts';
import type { RelationsDataSchema } from '../../../scripts/contract/relations-data.ts';
import type { CompareDataSchema } from '../../../scripts/contract/compare-data.ts';

describe('the schemas of the generated files', () => {
  it('describe exactly the types the stages write and read', () => {
    expectTypeOf<z.infer<typeof BlockSchema>>().toEqualTypeOf<Block>();
    expectTypeOf<z.infer<typeof PolicyDocumentSchema>>().toEqualTypeOf<PolicyDocument>();
    expectTypeOf<z.infer<typeof CorpusSchema>>().toEqualTypeOf<Corpus>();
    expectTypeOf<z.infer<typeof SiteDataSchema>>().toEqualTypeOf<SiteData>();
    expectTypeOf<z.infer<typeof ConceptsDataSchema>>().toEqualTypeOf<ConceptsData>();
    expectTypeOf<z.infer<typeof RelationsDataSchema>>().toEqualTypeOf<RelationsData>();
    // CompareData is an intersection (Omit<…> & {…}): compared as the one object type it stands for.
    expectTypeOf<z.infer<typeof CompareDataSchema>>().toEqualTypeOf<{ [K in keyof CompareData]: CompareData[K] }>();
    expect(true).toBe(true);
  });
});
