/**
 * The ingest pipeline, as a table of contents:
 * read → normalise → split → front matter → body → anchors → extract →
 * metadata → merge copies. Each stage is a pure function in its own module;
 * only `loadCurated`, `ingestFolder` and `ingestDirectory` touch the file system.
 * PDF, Word and HTML files are read into the same lines first (formats/).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Corpus, Diagnostic, DocumentChunk, LogicalLine, Normalisation, ParsedDocument, PolicyDocument } from './model.ts';
import { listSeedFiles } from './read.ts';
import { normaliseInput, readInput, readInputFolder, type InputFile } from './formats/index.ts';
import { splitDocuments } from './split.ts';
import { parseFrontMatter } from './frontmatter.ts';
import { parseBody } from './hierarchy.ts';
import { assignAnchors } from './anchors.ts';
import { extractDocument } from './extract.ts';
import { readMetadata } from './metadata.ts';
import { mergeCopies } from './merge.ts';
import { limitDiagnostics } from './diagnostics.ts';
import { loadCuratedData, type CuratedData } from '../contract/curated-files.ts';

/**
 * Appends items one by one: `push(...items)` overflows the call stack when a
 * huge seed yields hundreds of thousands of diagnostics or records.
 */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Curated data that supplies what the text does not say (content/curated/, checked by its schemas). */
export type { CuratedData };

/** A seed file's name and bytes (and, for PDF, Word and HTML, its extracted text). */
export type SeedInput = InputFile;

/** Parses one chunk into a document: front matter, body, anchors, extraction. */
export function parseChunk(chunk: DocumentChunk): ParsedDocument {
  const front = parseFrontMatter(chunk);
  const { kept, repeated } = setAsideRepeatedHeader(chunk, front.bodyLines);
  const parsed = parseBody(chunk.file, kept);
  const anchored = assignAnchors(parsed.body, chunk.file);
  const diagnostics = [...front.diagnostics, ...parsed.diagnostics, ...anchored.diagnostics];
  append(diagnostics, extractDocument({ file: chunk.file, title: front.title, subtitle: front.subtitle, titleSpan: front.titleSpan, preamble: parsed.preamble, body: anchored.body }));
  const first = chunk.lines[0];
  const last = chunk.lines.at(-1);
  return {
    file: chunk.file,
    chunkIndex: chunk.index,
    span: { lineStart: first?.lineStart ?? 1, lineEnd: last?.lineEnd ?? 1 },
    notice: front.notice,
    title: front.title,
    subtitle: front.subtitle,
    titleSpan: front.titleSpan,
    preamble: parsed.preamble,
    body: anchored.body,
    footer: front.footer,
    truncated: chunk.truncated,
    normalisations: repeated,
    diagnostics,
  };
}

/**
 * A notice header printed twice (the 精细化工 document in 004) is parsed once:
 * the repeated lines are set aside and recorded as normalisations, so the
 * original-text page still shows them and the faithfulness check accounts for them.
 */
function setAsideRepeatedHeader(chunk: DocumentChunk, lines: LogicalLine[]): { kept: LogicalLine[]; repeated: Normalisation[] } {
  const span = chunk.repeatedHeader;
  if (!span) return { kept: lines, repeated: [] };
  const inSpan = (l: LogicalLine) => l.lineStart >= span.lineStart && l.lineEnd <= span.lineEnd;
  return {
    kept: lines.filter((l) => !inSpan(l)),
    repeated: lines.filter(inSpan).map((l) => ({ kind: 'repeated-header', line: l.lineStart, before: l.text, after: '' })),
  };
}

/** Ingests seed files into the corpus: every document, its sources and the build report. */
export function ingest(seeds: SeedInput[], curated: CuratedData): Corpus {
  const diagnostics: Diagnostic[] = [];
  const sources: Corpus['sources'] = {};
  const originals: NonNullable<Corpus['originals']> = {};
  const parsedLines: Record<string, string[]> = {};
  const normalisations: Corpus['normalisations'] = {};
  const parsed: ParsedDocument[] = [];
  for (const seed of seeds) {
    const read = readInput(seed);
    append(diagnostics, read.diagnostics);
    if (!read.source || !read.parsed || !read.original) continue;
    sources[seed.file] = read.source.lines;
    originals[seed.file] = read.original;
    parsedLines[seed.file] = read.parsed.lines;
    const normalised = normaliseInput({ ...read, parsed: read.parsed });
    normalisations[seed.file] = normalised.normalisations;
    append(diagnostics, normalised.diagnostics);
    const split = splitDocuments(seed.file, normalised.lines);
    append(diagnostics, split.diagnostics);
    for (const chunk of split.chunks) {
      const doc = parseChunk(chunk);
      append(diagnostics, doc.diagnostics);
      append(normalised.normalisations, doc.normalisations ?? []);
      parsed.push(doc);
    }
  }
  const withMeta = parsed.map((doc) => {
    const head = (parsedLines[doc.file] ?? []).slice(doc.span.lineStart - 1, doc.span.lineStart + 40).join('');
    const meta = readMetadata(doc, curated.documents, curated.places, head.replace(/\s+/g, ''));
    append(diagnostics, meta.diagnostics);
    if (!doc.body.some((b) => b.type === 'provision')) diagnostics.push(noStructure(doc, meta.meta.kind.value));
    return { doc, meta };
  });
  append(diagnostics, unusedCurated(curated, new Set(withMeta.map(({ meta }) => meta.curated))));
  const merged = mergeCopies(withMeta);
  append(diagnostics, merged.diagnostics);
  return { documents: merged.documents, sources, originals, normalisations, diagnostics: limitDiagnostics(diagnostics) };
}

/** A document without numbered provisions is shown as paragraphs; say so (a note for news articles). */
function noStructure(doc: ParsedDocument, kind: string): Diagnostic {
  return {
    severity: kind === '新闻报道' ? 'info' : 'warning',
    code: 'parse/no-structure',
    message: 'no numbered sections or tasks found; the document is shown as paragraphs',
    file: doc.file,
    line: doc.span.lineStart,
    hint: 'check that this file is a policy document; numbering such as 一、 （一） 1. starts a section or task',
  };
}

/**
 * A curated record that matched no document: a warning, not a failure, because the same curated
 * files serve every folder of documents (SEEDS_DIR, or seeds/ without the example documents).
 */
function unusedCurated(curated: CuratedData, used: ReadonlySet<unknown>): Diagnostic[] {
  const source = curated.documentsSource;
  return curated.documents.flatMap((record, i) =>
    used.has(record)
      ? []
      : [{
          severity: 'warning' as const,
          code: 'curated/no-document',
          message: `curated record ${record.id ? `"${record.id}" ` : ''}matches no document of this folder (${record.match.title !== undefined ? `title ${JSON.stringify(record.match.title)}` : `text ${JSON.stringify(record.match.textIncludes)}`})`,
          file: source?.file ?? 'documents.json',
          line: source?.lines[i] ?? 0,
          hint: 'nothing to do if the document is simply not in this folder; otherwise check that match.title is the printed title, or match.textIncludes a phrase of its first lines',
        }],
  );
}

/** Reads content/curated/*.json, checked against their schemas (scripts/contract/). */
export function loadCurated(dir: string): CuratedData {
  return loadCuratedData(dir);
}

/** Ingests every file of `dir` in any format read (.txt, .pdf, .docx, .html): what the build uses. */
export async function ingestFolder(dir: string, curatedDir: string): Promise<Corpus> {
  return ingest(await readInputFolder(dir), loadCurated(curatedDir));
}

/** Ingests every *.txt in `seedsDir`, synchronously (for text-only folders; `ingestFolder` reads every format). */
export function ingestDirectory(seedsDir: string, curatedDir: string): Corpus {
  const seeds = listSeedFiles(seedsDir).map((file) => ({
    file: path.basename(file),
    bytes: fs.readFileSync(file),
  }));
  return ingest(seeds, loadCurated(curatedDir));
}

export type { PolicyDocument };
