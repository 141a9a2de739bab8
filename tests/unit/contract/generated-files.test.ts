import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import { CorpusSchema } from '../../../scripts/contract/corpus.ts';
import { GeneratedFileError, readGeneratedJson, readTextBeside } from '../../../scripts/contract/generated-file.ts';
import { RelationsDataSchema } from '../../../scripts/contract/relations-data.ts';
import { stampOf } from '../../../scripts/contract/file-stamp.ts';
import { readDocumentText, readSiteData, SiteDataFileSchema, SourceTextSchema } from '../../../scripts/contract/site-data.ts';
import { siteFiles } from '../../../scripts/site/site-files.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'generated-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const WRITER = 'the ingest step (scripts/steps/ingest-step.ts)';
const corpus = ingestDirectory('seeds', 'content/curated');

function written(name: string, data: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(data));
  return file;
}

/** The error a read throws (the test fails when it does not throw). */
function readError(read: () => unknown): GeneratedFileError {
  try {
    read();
  } catch (error) {
    if (error instanceof GeneratedFileError) return error;
    throw error;
  }
  throw new Error('the read did not fail');
}

describe('reading a generated file', () => {
  it('gives the corpus back as written when it matches its schema', () => {
    const file = written('corpus.json', corpus);
    expect(readGeneratedJson(file, CorpusSchema, WRITER)).toEqual(JSON.parse(JSON.stringify(corpus)));
  });

  it('names the file, the JSON path, the bad value and the step that writes it when a field has the wrong type', () => {
    const bad = structuredClone(corpus);
    const provision = bad.documents[0].body.find((b) => b.type === 'provision');
    if (!provision) throw new Error('the first seed document has no provision');
    const index = bad.documents[0].body.indexOf(provision);
    (provision as { isTask: unknown }).isTask = 'yes';
    const file = written('corpus-bad-type.json', bad);
    const error = readError(() => readGeneratedJson(file, CorpusSchema, WRITER));
    expect(error.file).toBe(file);
    expect(error.paths).toEqual([`documents[0].body[${index}].isTask`]);
    expect(error.message).toContain(`${file}: documents[0].body[${index}].isTask: is "yes", not a boolean`);
    expect(error.message).toContain(`${WRITER} writes it`);
  });

  it('names a field the readers do not know, so a writer cannot add one unnoticed', () => {
    const file = written('relations-extra.json', { generatedBy: 'x', relations: [], standing: {}, years: [], extra: 1 });
    expect(readError(() => readGeneratedJson(file, RelationsDataSchema, 'the relations stage')).message).toContain(': extra: unknown field "extra"');
  });

  it('checks a file again once it has been rewritten, though it passed before', () => {
    const file = written('relations-rewritten.json', { generatedBy: 'x', relations: [], standing: {}, years: [2024] });
    expect(readGeneratedJson(file, RelationsDataSchema, 'the relations stage').years).toEqual([2024]);
    written('relations-rewritten.json', { generatedBy: 'x', relations: [], standing: {}, years: ['2024'] });
    expect(readError(() => readGeneratedJson(file, RelationsDataSchema, 'the relations stage')).paths).toEqual(['years[0]']);
  });

  it('does not check again a file this build wrote from its own data while it has the stamp it was written with', () => {
    const file = written('relations-own.json', { generatedBy: 'x', relations: [], standing: {}, years: ['2024'] });
    const stamp = stampOf(fs.statSync(file));
    expect(readGeneratedJson(file, RelationsDataSchema, 'the relations stage', stamp).years, 'trusted as written').toEqual(['2024']);
    const other = written('relations-other.json', { generatedBy: 'x', relations: [], standing: {}, years: ['2024'] });
    expect(readError(() => readGeneratedJson(other, RelationsDataSchema, 'the relations stage', stamp)).paths, 'another file').toEqual(['years[0]']);
    fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(readError(() => readGeneratedJson(file, RelationsDataSchema, 'the relations stage', stamp)).paths, 'written since').toEqual(['years[0]']);
  });

  it('reads site.json checking each document’s metadata, its text being checked once per build in corpus.json', () => {
    const site = siteFiles({
      generatedBy: 'x',
      documents: structuredClone(corpus.documents),
      departments: [],
      sources: corpus.sources,
      normalisations: corpus.normalisations,
      originals: {},
      diagnostics: [],
    }).data;
    expect(SiteDataFileSchema.safeParse(site).success).toBe(true);
    (site.documents[0].preamble as unknown[]).push({ type: 'not a block' });
    expect(readSiteData(written('site-body.json', site), 'the site step').documents).toHaveLength(corpus.documents.length);
    (site.documents[1].meta.title as { value: unknown }).value = 3;
    expect(readError(() => readSiteData(written('site-meta.json', site), 'the site step')).paths).toEqual(['documents[1].meta.title.value']);
  });

  it('reads a text beside site.json only when its bytes are the ones site.json names', () => {
    const { data, texts } = siteFiles({
      generatedBy: 'x',
      documents: corpus.documents.slice(0, 2),
      departments: [],
      sources: corpus.sources,
      normalisations: corpus.normalisations,
      originals: {},
      diagnostics: [],
    });
    const siteFile = path.join(dir, 'split', 'site.json');
    for (const [folder, name, text] of texts) {
      fs.mkdirSync(path.join(dir, 'split', folder), { recursive: true });
      fs.writeFileSync(path.join(dir, 'split', folder, name), text);
    }
    const [first] = data.documents;
    expect(readDocumentText(siteFile, first.text, 'the site step').body).toEqual(JSON.parse(JSON.stringify(corpus.documents[0].body)));
    const [seedFile, ref] = Object.entries(data.sources)[0];
    const source = readTextBeside(siteFile, ref, SourceTextSchema, 'the site step');
    expect(source.lines).toEqual(corpus.sources[seedFile]);
    expect(source.lines).toHaveLength(ref.lines);
    // Another build's text under the same name: the digest tells, whatever it holds.
    fs.writeFileSync(path.join(dir, 'split', first.text.file), JSON.stringify({ body: [] }));
    expect(readError(() => readDocumentText(siteFile, first.text, 'the site step')).message).toContain(
      'is not the text site.json names (its digest differs; edited or left by another build): the site step writes both; remove the file and run "npm run build" again',
    );
    fs.rmSync(path.join(dir, 'split', first.text.file));
    expect(readError(() => readDocumentText(siteFile, first.text, 'the site step')).message).toContain('is missing or unreadable');
  });

  it('says which step writes a missing file', () => {
    const file = path.join(dir, 'absent.json');
    expect(readError(() => readGeneratedJson(file, RelationsDataSchema, 'the relations stage')).message).toBe(
      `${file}: is missing or unreadable: the relations stage writes it; run "npm run build"`,
    );
  });

  it('says a file cut short is not JSON', () => {
    const file = path.join(dir, 'cut.json');
    fs.writeFileSync(file, '{"generatedBy": "x", "relations": [');
    expect(readError(() => readGeneratedJson(file, RelationsDataSchema, 'the relations stage')).message).toMatch(/cut\.json: is not valid JSON/);
  });
});
