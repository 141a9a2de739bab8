/**
 * Reading speed of the format readers: the long plan of tests/fixtures/formats/bench/ as a 37-page
 * PDF (goal: a 30-page PDF in under 2 s) and as a .docx (goal: under 0.5 s), and a PDF with a ruled table
 * (its pages read with pdf.js's operator list, for the ruling lines). The first read of a
 * process pays for loading pdf.js and its font and CMap data; later reads are reported as the median.
 * Run alone with `npm exec -- node scripts/bench/formats.ts [runs]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readDocx } from '../ingest/formats/docx.ts';
import { readPdf } from '../ingest/formats/pdf.ts';
import { median } from './stats.ts';

const BENCH_FILES = 'tests/fixtures/formats/bench';
/** A PDF with a ruled table over three of its pages: the cost of reading tables from the operator list. */
const TABLE_PDF = 'tests/fixtures/formats/jinan-logistics-plan/jinan-logistics-plan.pdf';
/** The goals the readers are held to, in seconds. */
export const FORMAT_GOALS = { pdf30Pages: 2, docx: 0.5 } as const;

/** Times one reader: the first (cold) run and the median of `runs` more. */
async function time(read: () => Promise<unknown> | unknown, runs: number): Promise<{ first: number; median: number }> {
  const start = performance.now();
  await read();
  const first = (performance.now() - start) / 1000;
  const each: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await read();
    each.push((performance.now() - t) / 1000);
  }
  return { first, median: median(each) };
}

/** Report lines for the PDF and the Word reader. */
export async function formatLines(runs: number): Promise<string[]> {
  const pdfBytes = fs.readFileSync(path.join(BENCH_FILES, 'long-plan.pdf'));
  const docxBytes = fs.readFileSync(path.join(BENCH_FILES, 'long-plan.docx'));
  const pdf = await readPdf('long-plan.pdf', pdfBytes);
  if ('error' in pdf) throw new Error(pdf.error.message);
  const pages = pdf.origins.reduce((n, o) => (o.type === 'pdf' ? Math.max(n, o.page) : n), 0);
  const pdfTime = await time(() => readPdf('long-plan.pdf', pdfBytes), runs);
  const docxTime = await time(() => readDocx('long-plan.docx', docxBytes), runs);
  const tableBytes = fs.readFileSync(TABLE_PDF);
  const tableTime = await time(() => readPdf('table.pdf', tableBytes), runs);
  const per30 = (s: number) => (s / pages) * 30;
  const verdict = (s: number, goal: number) => (s < goal ? `under the ${goal} s goal` : `OVER the ${goal} s goal`);
  return [
    `PDF (${pages} pages, ${(pdfBytes.length / 1e3).toFixed(0)} kB, ${pdf.lines.length} lines): first read ${pdfTime.first.toFixed(2)} s, then ${pdfTime.median.toFixed(2)} s (median of ${runs}); ${per30(pdfTime.first).toFixed(2)} s per 30 pages cold, ${verdict(per30(pdfTime.first), FORMAT_GOALS.pdf30Pages)}`,
    `PDF with a ruled table (${path.basename(TABLE_PDF)}, 11 pages, 3 with the table): ${tableTime.median.toFixed(2)} s (median of ${runs}), ${((tableTime.median / 11) * 30).toFixed(2)} s per 30 pages`,
    `Word (${(docxBytes.length / 1e3).toFixed(0)} kB): first read ${(docxTime.first * 1000).toFixed(0)} ms, then ${(docxTime.median * 1000).toFixed(0)} ms (median of ${runs}), ${verdict(docxTime.first, FORMAT_GOALS.docx)}`,
  ];
}

if (import.meta.main) {
  for (const line of await formatLines(Number(process.argv[2] ?? 5))) console.log(line);
}
