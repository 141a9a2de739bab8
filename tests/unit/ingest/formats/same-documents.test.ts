import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, FIXTURE_NAMES, ingestFile, summarise, type DocumentSummary } from './twins.ts';

const twinOf = new Map<string, DocumentSummary[]>();
for (const name of FIXTURE_NAMES) twinOf.set(name, summarise(await ingestFile(path.join(FIXTURES, name, `${name}.txt`))));
const read = async (name: string, ext: string) => summarise(await ingestFile(path.join(FIXTURES, name, `${name}.${ext}`)));
/** The same characters in the same order, wherever the paragraphs (or, for a wide gap, the cells) break. */
const characters = (docs: DocumentSummary[]) => docs.map((d) => d.text.replace(/[\n\t]/g, ''));

describe('a folder of the same documents as .txt, .docx, .pdf and .html', () => {
  it('has four fixture documents, each with its four files', () => {
    expect(FIXTURE_NAMES).toEqual(['jinan-icv-notice', 'jinan-logistics-plan', 'ndrc-contract-notice', 'shandong-services-plan']);
  });

  describe.each(FIXTURE_NAMES)('%s', (name) => {
    it('gives the same documents, titles, eIds and text from the Word file', async () => {
      expect(await read(name, 'docx')).toEqual(twinOf.get(name));
    });

    it('gives the same documents, titles, eIds and text from the saved web page', async () => {
      expect(await read(name, 'html')).toEqual(twinOf.get(name));
    });

    it('gives the same documents, titles and eIds from the PDF', async () => {
      const pdf = await read(name, 'pdf');
      const twin = twinOf.get(name)!;
      expect(pdf.map(({ title, eids }) => ({ title, eids }))).toEqual(twin.map(({ title, eids }) => ({ title, eids })));
    });
  });

  // The logistics plan's indicator table is read from its ruling lines: cell by cell, wrapped cells
  // joined, one row a line, so its rows (and the row broken over a page) match the twin's.
  it.each(['jinan-logistics-plan', 'ndrc-contract-notice', 'shandong-services-plan'])(
    'gives the same text, paragraph for paragraph, from the PDF of %s',
    async (name) => {
      expect(await read(name, 'pdf')).toEqual(twinOf.get(name));
    },
  );

  it('gives the same characters in the same order from the PDF of the red-header notice', async () => {
    // Where LibreOffice broke a line well short of the margin (the attachment forms), the PDF
    // cannot tell a wrap from a paragraph end: the text is the same, one paragraph may be two.
    expect(characters(await read('jinan-icv-notice', 'pdf'))).toEqual(characters(twinOf.get('jinan-icv-notice')!));
  });
});
