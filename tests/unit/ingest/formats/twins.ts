/** Reads a format fixture's twins and reduces each document to what must match across formats. */
import fs from 'node:fs';
import path from 'node:path';
import { ingest, loadCurated } from '../../../../scripts/ingest/index.ts';
import { extractFile } from '../../../../scripts/ingest/formats/index.ts';
import type { Block, Corpus, PolicyDocument } from '../../../../scripts/ingest/model.ts';

/** tests/fixtures/formats/. */
export const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/formats');
/** The fixture documents, one folder each. */
export const FIXTURE_NAMES = fs
  .readdirSync(FIXTURES)
  .filter((name) => name !== 'bad' && name !== 'bench' && fs.statSync(path.join(FIXTURES, name)).isDirectory())
  .sort();
const curated = loadCurated(path.resolve(import.meta.dirname, '../../../../content/curated'));

/** Ingests one file of a fixture (extracting it first when it is not text). */
export async function ingestFile(file: string): Promise<Corpus> {
  const input = await extractFile({ file: path.basename(file), bytes: fs.readFileSync(file) });
  return ingest([input], { documents: [], places: curated.places });
}

/** What a document must keep in every format: its title, its eIds in order, and its text (whitespace aside). */
export interface DocumentSummary {
  title: string;
  eids: string[];
  text: string;
}

/** Summarises every document of a corpus. */
export function summarise(corpus: Corpus): DocumentSummary[] {
  // An untitled document is named after its file and line ("无标题文件（a.pdf 第3行）"), which differ by format.
  const title = (doc: PolicyDocument) => doc.meta.title.value.replace(/（[^（）]+ 第\d+行）$/, '（…）');
  return corpus.documents.map((doc) => ({ title: title(doc), eids: eidsOf(doc.body), text: textOf(doc) }));
}

function eidsOf(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.type === 'provision' ? [b.eid, ...eidsOf(b.children)] : b.type === 'box' ? [b.eid, ...eidsOf(b.children)] : []));
}

function blockText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if (b.type === 'paragraph') return b.text;
      if (b.type === 'table') return [b.caption ?? '', ...b.rows.map((r) => r.map((c) => c.text).join('|'))].join('\n');
      if (b.type === 'box') return `${b.marker}${b.title}\n${blockText(b.children)}`;
      return `${b.marker}${b.title}${b.titleSep}\n${blockText(b.children)}`;
    })
    .join('\n');
}

function textOf(doc: PolicyDocument): string {
  const notice = doc.notice ? [doc.notice.title ?? '', ...doc.notice.paragraphs.map((p) => p.text)].join('\n') : '';
  const footer = doc.footer ? doc.footer.paragraphs.map((p) => p.text).join('\n') : '';
  return [notice, doc.subtitle.join('\n'), blockText(doc.preamble), blockText(doc.body), footer].join('\n').replace(/[ \u3000\u00a0]+/g, '');
}
