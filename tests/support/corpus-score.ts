/**
 * Scores the ingest pipeline against the development corpus (tests/corpus/):
 * for each file, the documents it yields and the main document's title, issuer,
 * 文号, date, kind, top-level items and responsible units, compared with
 * expected.tsv (ground truth read from the printed text, see tests/corpus/SOURCES.md).
 *
 * Only values the text prints are scored: an empty expected cell is not a miss
 * when the parser finds nothing, and is counted as "spurious" when it finds
 * something (reported, so a rule that invents values shows).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Corpus, PolicyDocument } from '../../scripts/ingest/model.ts';
import { provisionsOf } from '../../shared/document/walk.ts';

/** One row of expected.tsv. */
export interface ExpectedRow {
  file: string;
  documents: number;
  title: string;
  issuer: string;
  number: string;
  date: string;
  kind: string;
  topItems: number;
  responsible: boolean;
}

/** The fields that are compared. */
export const FIELDS = ['documents', 'title', 'issuer', 'number', 'date', 'kind', 'topItems', 'responsible'] as const;
export type Field = (typeof FIELDS)[number];

/** What the pipeline gave for one file, in the shape of an expected row. */
export interface ActualRow {
  file: string;
  documents: number;
  title: string;
  /** True when the title was not printed and was inferred from the text or is a placeholder. */
  titleInferred: boolean;
  issuer: string;
  number: string;
  date: string;
  kind: string;
  topItems: number;
  responsible: boolean;
}

/** How one field fared over the corpus. */
export interface FieldScore {
  field: Field;
  /** Expected values the text prints (non-empty cells). */
  scored: number;
  matched: number;
  /** Values found where the expected cell is empty. */
  spurious: number;
  /** `file: actual ≠ expected` for each miss. */
  misses: string[];
}

/** Reads expected.tsv. */
export function readExpected(corpusDir: string): ExpectedRow[] {
  const lines = fs.readFileSync(path.join(corpusDir, 'expected.tsv'), 'utf8').trim().split('\n');
  return lines.slice(1).map((line) => {
    const [file, documents, title, issuer, number, date, kind, topItems, responsible] = line.split('\t');
    return {
      file,
      documents: Number(documents),
      title,
      issuer,
      number,
      date,
      kind,
      topItems: Number(topItems),
      responsible: responsible === 'yes',
    };
  });
}

/** The documents whose primary source is `file`, in the order they start in it. */
export function documentsOf(corpus: Corpus, file: string): PolicyDocument[] {
  return corpus.documents.filter((d) => d.sources[0]?.file === file).sort((a, b) => a.sources[0].lineStart - b.sources[0].lineStart);
}

/** The actual row for one file: its main (first) document's fields. */
export function actualRow(corpus: Corpus, file: string): ActualRow {
  const docs = documentsOf(corpus, file);
  const main = docs[0];
  if (!main) {
    return { file, documents: 0, title: '', titleInferred: true, issuer: '', number: '', date: '', kind: '', topItems: 0, responsible: false };
  }
  const meta = main.meta;
  // A title inferred from the text's self-reference (原文无标题，据正文拟定) or a placeholder is not a printed title.
  const inferred = meta.title.curated || /无标题/.test(meta.title.value) || meta.title.from?.part === 'self-reference';
  return {
    file,
    documents: docs.length,
    title: inferred ? '' : meta.title.value,
    titleInferred: inferred,
    issuer: meta.issuer.value ?? '',
    number: meta.number.value ?? '',
    date: meta.date.value ?? '',
    kind: meta.kind.value,
    topItems: main.body.filter((b) => b.type === 'provision').length,
    responsible: provisionsOf(main.body).some(({ node }) => node.units.length > 0),
  };
}

/** Compares with whitespace removed: line breaks and spacing artefacts are not part of a value. */
const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/** Scores every field over the rows. */
export function scoreFields(expected: ExpectedRow[], actual: ActualRow[]): FieldScore[] {
  const byFile = new Map(actual.map((a) => [a.file, a]));
  return FIELDS.map((field) => {
    const score: FieldScore = { field, scored: 0, matched: 0, spurious: 0, misses: [] };
    for (const e of expected) {
      const a = byFile.get(e.file);
      if (!a) throw new Error(`no result for ${e.file}`);
      const want = e[field];
      const got = a[field];
      const textual = typeof want === 'string';
      if (textual && want === '') {
        if (got !== '') score.spurious++;
        continue;
      }
      score.scored++;
      const ok = textual ? same(String(got), want as string) : got === want;
      if (ok) score.matched++;
      else score.misses.push(`${e.file.slice(0, 2)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
    return score;
  });
}

/** The per-field table as Markdown, for the test output, the README and notes. */
export function formatScores(scores: FieldScore[]): string {
  const rows = scores.map((s) => {
    const pct = s.scored ? ((100 * s.matched) / s.scored).toFixed(1) : '—';
    return `| ${s.field} | ${s.matched} / ${s.scored} | ${pct}% | ${s.spurious} |`;
  });
  return ['| field | matched | share | found where none is printed |', '| --- | ---: | ---: | ---: |', ...rows].join('\n');
}

/** A line that opens with a numbering marker a reader would cite (一、 （一） 1. （1） ⑴ ① 第X章/节/条). */
const NUMBERED_LINE =
  /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|\d{1,3}(?:[、．﹒]|\.(?!\d))|[（(]\d{1,3}[）)]|[⑴-⒇]|[①-⑳]|第[一二三四五六七八九十百零〇\d]+[章节条])/;
/** A table-of-contents line: a heading followed by dot leaders and maybe a page number. */
const TOC_LINE = /(?:…{2,}|\.{4,}|·{4,}|－{3,})\s*\d*\s*$/;

/** A line of leader dots only: a contents entry broken over lines continues on it. */
const LEADER_LINE = /^[\s.．·…]{3,}$/;
/** How many lines below a contents entry its leader dots may continue. */
const LEADER_REACH = 3;

/**
 * Physical lines that open a numbered provision, and how many of them start one in the model
 * (the body, the preamble and the attachments). Not counted, since they are not provisions:
 * contents entries (a heading with leader dots, also when the dots continue on the next lines)
 * and the list of a 附件说明 in a document's closing ("附件：1.… / 2.…").
 */
export function anchorCoverage(corpus: Corpus, file: string): { numbered: number; anchored: number; missing: number[] } {
  const lines = corpus.sources[file] ?? [];
  const starts = new Set<number>();
  const closings: Array<{ lineStart: number; lineEnd: number }> = [];
  for (const doc of corpus.documents) {
    if (doc.sources[0]?.file !== file) continue;
    const blocks = [...doc.preamble, ...doc.body, ...(doc.attachments ?? []).flatMap((a) => a.body)];
    for (const { node: p } of provisionsOf(blocks)) if (p.eid) starts.add(p.lineStart);
    if (doc.closing) closings.push(doc.closing);
  }
  const missing: number[] = [];
  let numbered = 0;
  lines.forEach((raw, i) => {
    const text = raw.replace(/^[\s\u3000\u00a0#>*-]+/, '');
    if (!NUMBERED_LINE.test(text) || TOC_LINE.test(text)) return;
    if (lines.slice(i + 1, i + 1 + LEADER_REACH).some((l) => LEADER_LINE.test(l))) return;
    if (closings.some((c) => i + 1 >= c.lineStart && i + 1 <= c.lineEnd)) return;
    numbered++;
    if (!starts.has(i + 1)) missing.push(i + 1);
  });
  return { numbered, anchored: numbered - missing.length, missing };
}
