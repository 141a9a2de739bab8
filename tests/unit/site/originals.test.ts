import { describe, expect, it } from 'vitest';
import { MAX_ORIGINAL_BYTES, originLabel, publishOriginals } from '../../../scripts/site/originals.ts';
import type { OriginalFile } from '../../../scripts/ingest/formats/model.ts';

const file = (name: string, format: OriginalFile['format'], byteLength = 1000): OriginalFile => ({ file: name, format, byteLength, origins: [] });

describe('publishing original files', () => {
  it('keeps ASCII names and writes other names in pinyin, with the extension', () => {
    const published = publishOriginals({ 'a_1.PDF': file('a_1.PDF', 'pdf'), '济南市通知.docx': file('济南市通知.docx', 'docx') });
    expect(published['a_1.PDF'].path).toBe('data/originals/a_1.pdf');
    expect(published['济南市通知.docx'].path).toBe('data/originals/jinanshitongzhi.docx');
  });

  it('publishes a saved web page as text, so its scripts never run on the site', () => {
    expect(publishOriginals({ 'page.html': file('page.html', 'html') })['page.html'].path).toBe('data/originals/page.html.txt');
  });

  it('gives two files with the same name a numbered second name before the extension', () => {
    const published = publishOriginals({ '通知.pdf': file('通知.pdf', 'pdf'), 'tongzhi.pdf': file('tongzhi.pdf', 'pdf') });
    expect(new Set(Object.values(published).map((p) => p.path))).toEqual(new Set(['data/originals/tongzhi.pdf', 'data/originals/tongzhi-2.pdf']));
  });

  it('does not publish a file over the size limit', () => {
    expect(publishOriginals({ 'big.pdf': file('big.pdf', 'pdf', MAX_ORIGINAL_BYTES + 1) })['big.pdf'].path).toBeNull();
  });

  it('names the place of a line in its original', () => {
    expect(originLabel({ type: 'pdf', page: 3, line: 12 })).toBe('第3页第12行');
    expect(originLabel({ type: 'docx', paragraph: 15 })).toBe('第15段');
    expect(originLabel({ type: 'docx', paragraph: 20, table: 1, row: 2 })).toBe('表1第2行');
    expect(originLabel({ type: 'html', path: 'div#zoom > p:nth-of-type(3)' })).toBe('div#zoom > p:nth-of-type(3)');
  });
});
