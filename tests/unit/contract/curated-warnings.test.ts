/**
 * The curated files serve any folder of documents: a record naming a document the folder does not
 * hold is a warning in the build report (file:line), never a failure. And the schemas' value lists
 * stay the document model's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ingest, loadCurated } from '../../../scripts/ingest/index.ts';
import type { AdminLevel, DocumentStatus, Target, UnitRole } from '../../../scripts/ingest/model.ts';
import { loadGlossary } from '../../../scripts/concepts/glossary.ts';
import { quotesOfThisCollection } from '../../../scripts/concepts/collection.ts';
import type { ADMIN_LEVELS, DOCUMENT_STATUSES } from '../../../scripts/contract/curated.ts';
import type { COMPARATORS, TARGET_PERIODS, UNIT_ROLES, YEAR_SOURCES } from '../../../scripts/contract/hand-checked.ts';

const CORPUS_FILE = '01_gongxinbu-zhihui-jiankang-yanglao-xingdong-jihua.txt';
const curated = loadCurated('content/curated');
/** A folder without the example documents: one document of the development corpus. */
const corpus = ingest([{ file: CORPUS_FILE, bytes: fs.readFileSync(path.join('tests/corpus', CORPUS_FILE)) }], curated);

describe('curated records of documents the folder does not hold', () => {
  it("are warnings with the record's file and line, and the document still builds", () => {
    const warnings = corpus.diagnostics.filter((d) => d.code === 'curated/no-document');
    expect(corpus.documents).toHaveLength(1);
    expect(warnings).toHaveLength(curated.documents.length);
    expect(warnings.every((w) => w.severity === 'warning' && w.file === path.join('content/curated', 'documents.json'))).toBe(true);
    expect(warnings[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining('"jinan-shizhong-2024-xinxing-gongyehua" matches no document of this folder'),
    });
  });

  it('are not reported when every record finds its document (the seeds)', () => {
    const seeds = ingest(
      fs
        .readdirSync('seeds')
        .sort()
        .map((file) => ({ file, bytes: fs.readFileSync(path.join('seeds', file)) })),
      curated,
    );
    expect(seeds.diagnostics.filter((d) => d.code === 'curated/no-document')).toEqual([]);
  });

  it("leave out a glossary quote of an absent document, with a warning at the quote's line", () => {
    const glossary = loadGlossary('content/curated/concepts.json');
    const { glossary: kept, diagnostics } = quotesOfThisCollection(glossary, corpus.documents);
    const quoted = glossary.concepts.filter((c) => c.quote).length;
    expect(quoted).toBeGreaterThan(0);
    expect(kept.concepts.filter((c) => c.quote)).toEqual([]);
    expect(diagnostics).toHaveLength(quoted);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'curated/no-document', file: 'content/curated/concepts.json', line: expect.any(Number) });
    expect(diagnostics[0].line).toBeGreaterThan(1);
  });
});

describe("the schemas' value lists", () => {
  it("are the document model's (checked by the type-check)", () => {
    expectTypeOf<(typeof DOCUMENT_STATUSES)[number]>().toEqualTypeOf<DocumentStatus>();
    expectTypeOf<(typeof ADMIN_LEVELS)[number]>().toEqualTypeOf<AdminLevel>();
    expectTypeOf<(typeof UNIT_ROLES)[number]>().toEqualTypeOf<UnitRole>();
    expectTypeOf<(typeof COMPARATORS)[number]>().toEqualTypeOf<Target['comparator']>();
    expectTypeOf<(typeof YEAR_SOURCES)[number]>().toEqualTypeOf<NonNullable<Target['yearFrom']>>();
    expectTypeOf<(typeof TARGET_PERIODS)[number]>().toEqualTypeOf<NonNullable<Target['period']>>();
  });
});
