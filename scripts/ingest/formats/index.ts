/**
 * The read dispatch: which reader a file goes to, by what it is. Text files go to `readSeed` as
 * before; PDF, Word and HTML files are extracted first (asynchronously: pdf.js is) and become the
 * same SourceFile of physical lines, with the lines their reader set aside blanked for parsing and
 * kept for the original-text page.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic, LogicalLine, Normalisation, NormalisedFile, SourceFile } from '../model.ts';
import { readSeed } from '../read.ts';
import { normalise } from '../normalise.ts';
import { readDocx } from './docx.ts';
import { readHtml } from './html.ts';
import type { DocumentFormat, ExtractedText, OriginalFile } from './model.ts';
import { readPdf } from './pdf.ts';

/** What a reader gives: the text model, or the one diagnostic that says why the file cannot be read. */
export type Extraction = ExtractedText | { error: Diagnostic };

/** A source file's name and bytes, with the extraction of a PDF, Word or HTML file. */
export interface InputFile {
  file: string;
  bytes: Uint8Array;
  /** Set by `extractFile` for every format but .txt. */
  extracted?: Extraction;
}

/** A file read for the pipeline: its lines for the original-text page, the lines to parse, and what the reader changed. */
export interface ReadInput {
  /** Every extracted line, as shown on the original-text page; null when the file cannot be read. */
  source: SourceFile | null;
  /** The same lines with set-aside ones (running headers, navigation) blanked: what normalise parses. */
  parsed: SourceFile | null;
  /** Changes the reader made (set-aside lines, restored list numbers), by line. */
  normalisations: Normalisation[];
  original: OriginalFile | null;
  /** Lines the layout shows continue the paragraph before them (PDF). */
  continues: number[];
  diagnostics: Diagnostic[];
}

/** File extensions read, and the format each one is. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.txt': 'txt',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
};

/** The format a file name says it is; null for an extension the build does not read. */
export function formatOf(file: string): DocumentFormat | null {
  return FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()] ?? null;
}

/** Extracts a PDF, Word or HTML file's text (a no-op for .txt and unsupported files). */
export async function extractFile(input: InputFile): Promise<InputFile> {
  const format = formatOf(input.file);
  if (format === 'pdf') return { ...input, extracted: await readPdf(input.file, input.bytes) };
  if (format === 'docx') return { ...input, extracted: readDocx(input.file, input.bytes) };
  if (format === 'html') return { ...input, extracted: readHtml(input.file, input.bytes) };
  return input;
}

/** Paths of the files in `dir` the build looks at (hidden files left out), sorted by name in code-point order. */
export function listInputFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => path.join(dir, name));
}

/** Reads every file of a folder and extracts the ones that are not text. */
export async function readInputFolder(dir: string): Promise<InputFile[]> {
  const inputs: InputFile[] = [];
  for (const file of listInputFiles(dir)) inputs.push(await extractFile({ file: path.basename(file), bytes: fs.readFileSync(file) }));
  return inputs;
}

/** Turns one input into lines for the pipeline: .txt through `readSeed`, other formats from their extraction. */
export function readInput(input: InputFile): ReadInput {
  const format = formatOf(input.file);
  const none = (diagnostics: Diagnostic[]): ReadInput => ({ source: null, parsed: null, normalisations: [], original: null, continues: [], diagnostics });
  if (format === null) return none([unsupported(input.file)]);
  if (format === 'txt') {
    const read = readSeed(input.file, input.bytes);
    const original = read.source ? { file: input.file, format, byteLength: input.bytes.length, origins: [] } : null;
    return { source: read.source, parsed: read.source, normalisations: [], original, continues: [], diagnostics: read.diagnostics };
  }
  const extracted = input.extracted;
  if (!extracted) throw new Error(`${input.file} was not extracted: read folders with readInputFolder (or call extractFile) before ingest`);
  if ('error' in extracted) return none([extracted.error]);
  const source: SourceFile = { file: input.file, encoding: 'utf-8', bom: false, lineEnding: 'lf', lines: extracted.lines, byteLength: input.bytes.length };
  const blank = new Set(extracted.setAside);
  const parsed: SourceFile = { ...source, lines: extracted.lines.map((line, i) => (blank.has(i + 1) ? '' : line)) };
  const original: OriginalFile = { file: input.file, format, byteLength: input.bytes.length, origins: extracted.origins };
  return { source, parsed, normalisations: extracted.normalisations, original, continues: extracted.continues ?? [], diagnostics: extracted.diagnostics };
}

/**
 * Normalises a read file: the normalise stage on the lines to parse, then the paragraph joins the
 * layout shows (PDF), then the reader's own changes merged in, all in line order.
 */
export function normaliseInput(read: ReadInput & { parsed: SourceFile }): NormalisedFile {
  const normalised = normalise(read.parsed);
  const joins: Normalisation[] = [];
  const lines = joinContinuations(normalised.lines, new Set(read.continues), joins);
  const normalisations = [...normalised.normalisations, ...joins, ...read.normalisations].sort((a, b) => a.line - b.line);
  return { ...normalised, lines, normalisations };
}

/** Joins a logical line to the one before when its first physical line continues that paragraph, recording each join. */
function joinContinuations(lines: LogicalLine[], continues: Set<number>, joins: Normalisation[]): LogicalLine[] {
  if (continues.size === 0) return lines;
  const out: LogicalLine[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    if (prev && continues.has(line.lineStart) && !prev.text.includes('\t') && !line.text.includes('\t')) {
      const seam = /[A-Za-z]$/.test(prev.text) && /^[A-Za-z]/.test(line.text) ? ' ' : '';
      joins.push({
        kind: 'wrap-join',
        line: prev.lineEnd,
        before: [...prev.text].slice(-8).join(''),
        after: [...prev.text].slice(-8).join('') + seam + [...line.text].slice(0, 8).join(''),
      });
      const flags = prev.flags || line.flags ? { flags: [...new Set([...(prev.flags ?? []), ...(line.flags ?? [])])] } : {};
      out[out.length - 1] = { text: prev.text + seam + line.text, lineStart: prev.lineStart, lineEnd: line.lineEnd, ...flags };
    } else out.push(line);
  }
  return out;
}

function unsupported(file: string): Diagnostic {
  const known = Object.keys(FORMAT_BY_EXTENSION).join(', ');
  const ext = path.extname(file) || '(none)';
  const hint = /^\.(doc|wps|rtf|odt)$/i.test(ext)
    ? 'Open it in Word or WPS and save it as .docx (or export it as PDF).'
    : `Convert it to one of ${known}, or move it out of the folder.`;
  return {
    severity: 'warning',
    code: 'read/unsupported-format',
    message: `${file}: files of type ${ext} are not read (the build reads ${known})`,
    file,
    line: 0,
    hint,
  };
}
