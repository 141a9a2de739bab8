import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, loadCurated } from '../../../../scripts/ingest/index.ts';
import { readInputFolder } from '../../../../scripts/ingest/formats/index.ts';
import { FIXTURES } from './twins.ts';

const BAD = path.join(FIXTURES, 'bad');
const curated = loadCurated(path.resolve(import.meta.dirname, '../../../../content/curated'));

describe('bad input files', () => {
  // The bad files next to one good document: each gets one diagnostic naming it, the good one builds.
  const folder = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'bad-formats-'));
  for (const name of fs.readdirSync(BAD)) fs.copyFileSync(path.join(BAD, name), path.join(folder, name));
  fs.copyFileSync(path.join(FIXTURES, 'shandong-services-plan', 'shandong-services-plan.pdf'), path.join(folder, 'good.pdf'));
  const corpus = readInputFolder(folder).then((inputs) => ingest(inputs, curated));
  const diagnosticsOf = async (file: string) => (await corpus).diagnostics.filter((d) => d.file === file && d.severity !== 'info');

  it.each([
    ['encrypted.pdf', 'read/pdf-encrypted', /encrypted with a password/],
    ['scanned.pdf', 'read/pdf-no-text', /no text layer .* OCR is not done/],
    ['damaged.docx', 'read/docx-invalid', /not a readable \.docx/],
    ['list-page.html', 'read/html-no-main-text', /no main text/],
    ['notes.rtf', 'read/unsupported-format', /files of type \.rtf are not read/],
  ])('reports %s with one clear message naming the file', async (file, code, message) => {
    const found = await diagnosticsOf(file);
    expect(found.map((d) => d.code)).toEqual([code]);
    expect(found[0].message).toMatch(message);
    expect(found[0].message).toContain(file);
    expect(found[0].hint).toBeTruthy();
  });

  it('still builds the good document beside them', async () => {
    const { documents } = await corpus;
    expect(documents.map((d) => d.meta.title.value)).toEqual(['山东省服务业数字化转型行动方案（2021—2023）']);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
