/**
 * Bad input through the whole ingest: each case gives a clear message with
 * file and line, or a warning, and the other documents still come through.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { ingest, loadCurated, type SeedInput } from '../../../scripts/ingest/index.ts';
import type { Corpus, Diagnostic } from '../../../scripts/ingest/model.ts';
import { MAX_SEED_BYTES } from '../../../scripts/ingest/read.ts';

const curated = loadCurated('content/curated');
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A small, well-formed plan issued by `place`. */
const plan = (place: string) =>
  `${place}关于推进工作的实施方案\n为推进工作，制定本方案。\n一、总体要求\n（一）加强领导。成立工作专班。（责任单位：区财政局）\n二、保障措施\n（二）完善机制。到2026年，培育企业达到20家以上。（责任单位：区工业和信息化局）\n`;

/** Ingests the given files together with a good one, which must always survive. */
function ingestWithGood(files: Record<string, Uint8Array>): Corpus {
  const seeds: SeedInput[] = [{ file: 'good.txt', bytes: utf8(plan('好市')) }, ...Object.entries(files).map(([file, bytes]) => ({ file, bytes }))];
  const corpus = ingest(seeds, curated);
  expect(corpus.documents.map((d) => d.meta.title.value)).toContain('好市关于推进工作的实施方案');
  return corpus;
}

const find = (corpus: Corpus, code: string, file: string): Diagnostic | undefined => corpus.diagnostics.find((d) => d.code === code && d.file === file);

describe('bad input', () => {
  it('reports an empty file and skips it', () => {
    const corpus = ingestWithGood({ 'empty.txt': new Uint8Array(0) });
    expect(find(corpus, 'read/empty', 'empty.txt')).toMatchObject({ severity: 'error', line: 0 });
    expect(corpus.documents).toHaveLength(1);
  });

  it('reports a binary file and skips it', () => {
    const corpus = ingestWithGood({ 'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 0]) });
    expect(find(corpus, 'read/binary', 'image.txt')?.severity).toBe('error');
    expect(corpus.documents).toHaveLength(1);
  });

  it('decodes GB18030, a BOM and CRLF line ends into the same document text', () => {
    const corpus = ingestWithGood({
      'gb.txt': iconv.encode(plan('甲市'), 'gb18030'),
      'bom.txt': utf8(`\uFEFF${plan('乙市')}`),
      'crlf.txt': utf8(plan('丙市').replace(/\n/g, '\r\n')),
    });
    const titles = corpus.documents.map((d) => d.meta.title.value);
    expect(titles).toEqual(expect.arrayContaining(['甲市关于推进工作的实施方案', '乙市关于推进工作的实施方案', '丙市关于推进工作的实施方案']));
    for (const doc of corpus.documents) {
      expect(doc.body.filter((b) => b.type === 'provision')).toHaveLength(2);
      expect(doc.id).toMatch(/^[a-z0-9-]+$/);
    }
    expect(corpus.sources['crlf.txt'][0]).toBe('丙市关于推进工作的实施方案');
  });

  it('turns a file with no recognisable structure into one document of paragraphs, with a warning', () => {
    const corpus = ingestWithGood({ 'loose.txt': utf8('这是一段没有任何结构的文字。\n第二段文字也没有编号。\n第三段。\n') });
    const doc = corpus.documents.find((d) => d.sources[0].file === 'loose.txt')!;
    expect(doc.preamble.length + doc.body.length).toBeGreaterThan(0);
    expect(find(corpus, 'parse/no-structure', 'loose.txt')).toMatchObject({ severity: 'warning', line: 1 });
    expect(find(corpus, 'meta/no-title', 'loose.txt')?.severity).toBe('warning');
  });

  it('warns about an unbalanced bracket in a unit list, naming the line, and still reads the units', () => {
    const text = plan('丁市').replace('（责任单位：区财政局）', '（责任单位：区财政局、区发展改革局');
    const corpus = ingestWithGood({ 'open.txt': utf8(text) });
    expect(find(corpus, 'extract/unbalanced', 'open.txt')).toMatchObject({ severity: 'warning', line: 4 });
    const doc = corpus.documents.find((d) => d.sources[0].file === 'open.txt')!;
    const first = doc.body[0].type === 'provision' ? doc.body[0].children.find((c) => c.type === 'provision') : undefined;
    expect(first && first.type === 'provision' ? first.units.map((u) => u.name) : []).toEqual(['区财政局', '区发展改革局']);
  });

  it('flags a document that ends mid-sentence as truncated', () => {
    const corpus = ingestWithGood({ 'cut.txt': utf8('戊市关于推进工作的实施方案\n为推进工作，制定本方案。\n一、总体要求\n（一）加强领导。成立专班，推动') });
    expect(find(corpus, 'split/truncated', 'cut.txt')).toMatchObject({ severity: 'warning', line: 4 });
    expect(corpus.documents.find((d) => d.sources[0].file === 'cut.txt')?.truncated).toBe(true);
  });

  it('refuses a 20 MB file with an error naming it and still builds the other documents', () => {
    const block = plan('大市').slice(plan('大市').indexOf('\n') + 1);
    const big = `大市关于推进工作的实施方案\n${block.repeat(Math.ceil((20 * 1024 * 1024) / utf8(block).length))}`;
    const corpus = ingestWithGood({ 'big.txt': utf8(big) });
    expect(find(corpus, 'read/too-large', 'big.txt')).toMatchObject({ severity: 'error', line: 0 });
    expect(corpus.documents.find((d) => d.sources[0].file === 'big.txt')).toBeUndefined();
  }, 60_000);

  it('keeps a file of one huge line as a document of one paragraph, with warnings naming it', () => {
    const line = `为加快发展，${'推动产业升级，提升创新能力，'.repeat(30_000)}特此说明。`;
    const numbers = Array.from({ length: 20_000 }, (_, i) => String(i)).join('\n');
    const corpus = ingestWithGood({ 'one-line.txt': utf8(line), 'numbers.txt': utf8(numbers) });
    for (const file of ['one-line.txt', 'numbers.txt']) {
      expect(corpus.documents.filter((d) => d.sources[0].file === file)).toHaveLength(1);
      expect(find(corpus, 'parse/no-structure', file)?.severity).toBe('warning');
      expect(find(corpus, 'meta/no-title', file)?.severity).toBe('warning');
    }
  }, 60_000);

  it('reads a file just under the size limit in one pass', () => {
    const block = plan('大市').slice(plan('大市').indexOf('\n') + 1);
    const head = '大市关于推进工作的实施方案\n';
    const copies = Math.floor((MAX_SEED_BYTES - utf8(head).length) / utf8(block).length);
    const bytes = utf8(head + block.repeat(copies));
    expect(bytes.length).toBeGreaterThan(MAX_SEED_BYTES - utf8(block).length);
    const corpus = ingestWithGood({ 'big.txt': bytes });
    expect(corpus.documents.find((d) => d.sources[0].file === 'big.txt')).toBeDefined();
  }, 60_000);
});
