import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_BY, writeOpenData, type OpenDataSources } from '../../../scripts/steps/open-data-step.ts';
import type { ConceptsData } from '../../../scripts/concepts/model.ts';
import { computeCompare } from '../../../scripts/compare/run.ts';
import { writeComparePayloads } from '../../../scripts/steps/compare-step.ts';
import { listFiles } from '../../../scripts/offline/list-files.ts';
import { makeDoc } from '../concepts/make-doc.ts';
import { analyseRelations } from '../../../scripts/relations/index.ts';
import { StepCache } from '../../../scripts/steps/cache.ts';

const PAYLOAD = '// payload of d1\n(self.policyAtlasCompare=self.policyAtlasCompare||{})["d1"]={};\n';

describe('writeOpenData', () => {
  let dir: string;
  let siteDir: string;
  let sources: OpenDataSources;
  const documents = [
    makeDoc('d1', { tasks: [{ eid: 'item_1', title: '培育企业。', text: ['培育企业。'] }] }),
    makeDoc('d2', { preamble: ['没有任务的新闻稿。'] }),
  ];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-data-'));
    siteDir = path.join(dir, 'dist');
    const concepts: ConceptsData = { generatedBy: 'test', concepts: [], occurrences: [], candidates: [], citations: {} };
    sources = {
      concepts,
      compared: { pairs: [], payloads: ['d1'], relations: analyseRelations(documents) },
      compareClientDir: path.join(dir, 'compare-client'),
    };
    fs.mkdirSync(sources.compareClientDir);
    fs.writeFileSync(path.join(sources.compareClientDir, 'd1.js'), PAYLOAD);
    // Left by an earlier build of a document that is gone.
    fs.mkdirSync(path.join(siteDir, 'data/docs'), { recursive: true });
    fs.writeFileSync(path.join(siteDir, 'data/docs/removed.json'), '{}');
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes every open data file under data/, one JSON per document and one payload per compared document', () => {
    const report = writeOpenData(siteDir, documents, sources);
    const files = listFiles(path.join(siteDir, 'data')).sort();
    expect(files).toEqual([
      'compare/d1.js',
      'comparisons.json',
      'concepts.json',
      'docs/d1.json',
      'docs/d2.json',
      'documents.json',
      'targets.csv',
      'tasks.csv',
      'units.csv',
    ]);
    expect(report.files).toBe(files.length);
    expect(report.bytes).toBe(files.reduce((n, f) => n + fs.statSync(path.join(siteDir, 'data', f)).size, 0));
  });

  it('publishes the compare payloads byte for byte as the compare stage wrote them', () => {
    expect(fs.readFileSync(path.join(siteDir, 'data/compare/d1.js'), 'utf8')).toBe(PAYLOAD);
  });

  it('keeps a published payload as it was when the next build writes the compare stage folder anew', () => {
    // The published payload is a hard link to the compare stage's file; the next build's compare stage writes its own.
    const published = path.join(siteDir, 'data/compare/d1.js');
    const before = fs.readFileSync(published, 'utf8');
    const next = computeCompare(documents).client;
    writeComparePayloads(sources.compareClientDir, next);
    const written = fs.readFileSync(path.join(sources.compareClientDir, 'd1.js'), 'utf8');
    expect(written).not.toBe(before);
    expect(fs.readFileSync(published, 'utf8')).toBe(before);
    // Published by the next open data step, it is the new one.
    writeOpenData(siteDir, documents, sources);
    expect(fs.readFileSync(published, 'utf8')).toBe(written);
    fs.writeFileSync(path.join(sources.compareClientDir, 'd1.js'), PAYLOAD);
  });

  it("links a document's file from the published site when its bytes are unchanged, and writes the others", () => {
    const first = writeOpenData(siteDir, documents, sources);
    expect(first.linked).toBe(0);
    // The next build stages beside the published site, with the records of its documents' files.
    const next = path.join(dir, 'staged');
    const changed = [documents[0], makeDoc('d2', { preamble: ['改过的新闻稿。'] })];
    const second = writeOpenData(next, changed, sources, { siteDir, records: first.records });
    const inode = (site: string, id: string) => fs.statSync(path.join(site, `data/docs/${id}.json`)).ino;
    expect(second.linked).toBe(1);
    expect(inode(next, 'd1')).toBe(inode(siteDir, 'd1'));
    expect(inode(next, 'd2')).not.toBe(inode(siteDir, 'd2'));
    expect(fs.readFileSync(path.join(next, 'data/docs/d2.json'), 'utf8')).toContain('改过的新闻稿');
    // A published file that is no longer the recorded one (replaced by hand) is not linked: its bytes are written.
    fs.rmSync(path.join(siteDir, 'data/docs/d1.json'));
    fs.writeFileSync(path.join(siteDir, 'data/docs/d1.json'), '{"edited":true}');
    const third = writeOpenData(path.join(dir, 'staged-again'), documents, sources, { siteDir, records: first.records });
    expect(third.linked).toBe(1);
    expect(inode(path.join(dir, 'staged-again'), 'd1')).not.toBe(inode(siteDir, 'd1'));
    expect(inode(path.join(dir, 'staged-again'), 'd2')).toBe(inode(siteDir, 'd2'));
    expect(fs.readFileSync(path.join(dir, 'staged-again/data/docs/d1.json'), 'utf8')).toBe(fs.readFileSync(path.join(next, 'data/docs/d1.json'), 'utf8'));
    // The records name each file by its path in the site, as the next build links it.
    expect(
      Object.values(second.records)
        .map((r) => r.rel)
        .sort(),
    ).toEqual(['data/docs/d1.json', 'data/docs/d2.json']);
    writeOpenData(siteDir, documents, sources);
  });

  it('keeps each document’s rows of documents.json and the CSV files while the document and its standing are unchanged', () => {
    const tables = ['documents.json', 'tasks.csv', 'units.csv', 'targets.csv'];
    const read = (site: string) => tables.map((file) => fs.readFileSync(path.join(site, 'data', file), 'utf8'));
    const cacheDir = path.join(dir, 'table-cache');
    const without = path.join(dir, 'tables-without');
    writeOpenData(without, documents, sources);
    const first = new StepCache('open-data', true, cacheDir);
    writeOpenData(path.join(dir, 'tables-1'), documents, sources, undefined, first);
    expect(first.summary()).toBe('0 of 2 from the cache');
    const second = new StepCache('open-data', true, cacheDir);
    writeOpenData(path.join(dir, 'tables-2'), documents, sources, undefined, second);
    expect(second.summary()).toBe('2 of 2 from the cache');
    expect(read(path.join(dir, 'tables-2'))).toEqual(read(without));
    // A cut entry is not taken for the parts: they are made again.
    for (const entry of fs.readdirSync(path.join(cacheDir, 'open-data'))) {
      const file = path.join(cacheDir, 'open-data', entry);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, -3));
    }
    writeOpenData(path.join(dir, 'tables-cut'), documents, sources, undefined, new StepCache('open-data', true, cacheDir));
    expect(read(path.join(dir, 'tables-cut'))).toEqual(read(without));
    // An edited document misses; so does a document whose standing changed (here: another relation set).
    const edited = [makeDoc('d1', { tasks: [{ eid: 'item_1', title: '培育更多企业。', text: ['培育企业。'] }] }), documents[1]];
    const third = new StepCache('open-data', true, cacheDir);
    writeOpenData(path.join(dir, 'tables-3'), edited, { ...sources, compared: { ...sources.compared, relations: analyseRelations(edited) } }, undefined, third);
    expect(third.summary()).toBe('1 of 2 from the cache');
    writeOpenData(without, edited, { ...sources, compared: { ...sources.compared, relations: analyseRelations(edited) } });
    expect(read(path.join(dir, 'tables-3'))).toEqual(read(without));
    expect(read(path.join(dir, 'tables-3'))[0]).toContain('培育更多企业');
  });

  it('names itself in comparisons.json', () => {
    expect(JSON.parse(fs.readFileSync(path.join(siteDir, 'data/comparisons.json'), 'utf8'))).toEqual({ generatedBy: GENERATED_BY, comparisons: [] });
    expect(GENERATED_BY).toBe('scripts/steps/open-data-step.ts');
  });

  it('says which compare payload is missing and what writes it', () => {
    expect(() => writeOpenData(siteDir, documents, { ...sources, compared: { ...sources.compared, payloads: ['d1', 'gone'] } })).toThrow(
      /gone\.js: cannot publish the compare payload of "gone"; the compare stage writes it/,
    );
  });
});
