/**
 * The schemas of the generated files match the TypeScript interfaces the stages use, both ways
 * (a type-level test: `npm run typecheck` fails on a difference; the run only confirms it compiled).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Block, Box, Corpus, DocumentMeta, Notice, ParsedDocument, PolicyDocument, Provision, Target, Unit } from '../../../scripts/ingest/model.ts';
import type { DepartmentText, DocumentText, SiteData, SiteDataFile, SourceText } from '../../../scripts/site/site-model.ts';
import type { ConceptOccurrences, ConceptsData, ConceptsFile } from '../../../scripts/concepts/model.ts';
import type { RelationsData } from '../../../scripts/relations/model.ts';
import type { CompareData, CompareFile, SimilarLists } from '../../../scripts/compare/published.ts';
import type {
  BlockData,
  CorpusSchema,
  DocumentMetaSchema,
  NoticeSchema,
  ParsedDocumentSchema,
  PolicyDocumentSchema,
  TargetSchema,
  UnitSchema,
} from '../../../scripts/contract/corpus.ts';
import type { DepartmentTextSchema, DocumentTextSchema, SiteDataFileSchema, SiteDataSchema, SourceTextSchema } from '../../../scripts/contract/site-data.ts';
import type { ConceptOccurrencesSchema, ConceptsDataSchema, ConceptsFileSchema } from '../../../scripts/contract/concepts-data.ts';
import type { RelationsDataSchema } from '../../../scripts/contract/relations-data.ts';
import type { CompareDataSchema, CompareFileSchema, SimilarListsSchema } from '../../../scripts/contract/compare-data.ts';

/**
 * Each type assignable to the other. Used where the schema's type spells the recursive blocks with
 * intersections, which toEqualTypeOf compares by form; the field names are compared beside it, so an
 * optional field on one side only is caught too.
 */
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('the schemas of the generated files', () => {
  it('describe exactly the types the stages write and read', () => {
    expectTypeOf<z.infer<typeof UnitSchema>>().toEqualTypeOf<Unit>();
    expectTypeOf<z.infer<typeof TargetSchema>>().toEqualTypeOf<Target>();
    expectTypeOf<z.infer<typeof NoticeSchema>>().toEqualTypeOf<Notice>();
    expectTypeOf<z.infer<typeof DocumentMetaSchema>>().toEqualTypeOf<DocumentMeta>();
    expectTypeOf<keyof Extract<BlockData, { type: 'provision' }>>().toEqualTypeOf<keyof Provision>();
    expectTypeOf<keyof Extract<BlockData, { type: 'box' }>>().toEqualTypeOf<keyof Box>();
    expectTypeOf<Interchangeable<BlockData, Block>>().toEqualTypeOf<true>();
    expectTypeOf<keyof z.infer<typeof ParsedDocumentSchema>>().toEqualTypeOf<keyof ParsedDocument>();
    expectTypeOf<Interchangeable<z.infer<typeof ParsedDocumentSchema>, ParsedDocument>>().toEqualTypeOf<true>();
    expectTypeOf<keyof z.infer<typeof PolicyDocumentSchema>>().toEqualTypeOf<keyof PolicyDocument>();
    expectTypeOf<Interchangeable<z.infer<typeof PolicyDocumentSchema>, PolicyDocument>>().toEqualTypeOf<true>();
    expectTypeOf<keyof z.infer<typeof CorpusSchema>>().toEqualTypeOf<keyof Corpus>();
    expectTypeOf<Interchangeable<z.infer<typeof CorpusSchema>, Corpus>>().toEqualTypeOf<true>();
    expectTypeOf<keyof z.infer<typeof SiteDataSchema>>().toEqualTypeOf<keyof SiteData>();
    expectTypeOf<Interchangeable<z.infer<typeof SiteDataSchema>, SiteData>>().toEqualTypeOf<true>();
    expectTypeOf<keyof z.infer<typeof SiteDataFileSchema>>().toEqualTypeOf<keyof SiteDataFile>();
    expectTypeOf<keyof z.infer<typeof SiteDataFileSchema>['documents'][number]>().toEqualTypeOf<keyof SiteDataFile['documents'][number]>();
    expectTypeOf<Interchangeable<z.infer<typeof SiteDataFileSchema>, SiteDataFile>>().toEqualTypeOf<true>();
    expectTypeOf<Interchangeable<z.infer<typeof DocumentTextSchema>, DocumentText>>().toEqualTypeOf<true>();
    expectTypeOf<z.infer<typeof SourceTextSchema>>().toEqualTypeOf<SourceText>();
    expectTypeOf<z.infer<typeof DepartmentTextSchema>>().toEqualTypeOf<DepartmentText>();
    expectTypeOf<keyof z.infer<typeof SiteDataFileSchema>['departments'][number]>().toEqualTypeOf<keyof SiteDataFile['departments'][number]>();
    expectTypeOf<z.infer<typeof ConceptsDataSchema>>().toEqualTypeOf<ConceptsData>();
    expectTypeOf<z.infer<typeof ConceptsFileSchema>>().toEqualTypeOf<ConceptsFile>();
    expectTypeOf<z.infer<typeof ConceptOccurrencesSchema>>().toEqualTypeOf<ConceptOccurrences>();
    expectTypeOf<z.infer<typeof RelationsDataSchema>>().toEqualTypeOf<RelationsData>();
    // CompareData is an intersection (Omit<…> & {…}): compared as the one object type it stands for.
    expectTypeOf<z.infer<typeof CompareDataSchema>>().toEqualTypeOf<{ [K in keyof CompareData]: CompareData[K] }>();
    expectTypeOf<z.infer<typeof CompareFileSchema>>().toEqualTypeOf<{ [K in keyof CompareFile]: CompareFile[K] }>();
    expectTypeOf<z.infer<typeof SimilarListsSchema>>().toEqualTypeOf<SimilarLists>();
    expect(true).toBe(true);
  });
});
