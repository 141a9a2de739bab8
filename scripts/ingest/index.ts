/**
 * The ingest pipeline, as a table of contents:
 * read → normalise → split → front matter → body → anchors → extract →
 * metadata → merge copies. Each stage is a pure function in its own module;
 * only `loadCurated`, `ingestFolder` and `ingestDirectory` touch the file system.
 * PDF, Word and HTML files are read into the same lines first (formats/).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Corpus, Diagnostic, DocumentChunk, LogicalLine, Normalisation, ParsedDocument, PolicyDocument, SourceSpan } from './model.ts';
import { listSeedFiles } from './read.ts';
import { normaliseInput, readInput, readInputFolder, type InputFile } from './formats/index.ts';
import { setAsideChrome } from './chrome.ts';
import { splitDocuments } from './split.ts';
import { parseFrontMatter } from './frontmatter.ts';
import { parseAttachments } from './attachments.ts';
import { parseBody } from './hierarchy/parse-body.ts';
import { assignAnchors } from './anchors.ts';
import { extractDocument } from './extract.ts';
import { readMetadata } from './metadata.ts';
import { mergeCopies, titleKey } from './merge.ts';
import { limitDiagnostics } from './diagnostics.ts';
import { foldToSimplified, isTraditional, type Restorer, restorer } from './script.ts';
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
  const attached = parseAttachments(chunk.file, front.attachments);
  const diagnostics = [...front.diagnostics, ...parsed.diagnostics, ...anchored.diagnostics, ...attached.diagnostics];
  // A title printed twice at the head (an export's heading line) is shown once.
  for (const line of front.repeated) repeated.push({ kind: 'repeated-header', line: line.lineStart, before: line.text, after: '' });
  append(
    diagnostics,
    extractDocument({
      file: chunk.file,
      title: front.title,
      subtitle: front.subtitle,
      titleSpan: front.titleSpan,
      preamble: parsed.preamble,
      body: anchored.body,
    }),
  );
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
    ...(front.closing && { closing: front.closing }),
    ...(attached.attachments.length > 0 && { attachments: attached.attachments }),
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

/**
 * What one seed file gives before metadata and merging: its documents as parsed, its lines and what the
 * reader changed. Plain JSON data, so the build can keep it per file between builds (scripts/steps/ingest-step.ts).
 */
export interface FileIngest {
  file: string;
  diagnostics: Diagnostic[];
  /** Absent when the file cannot be read. */
  read?: {
    sourceLines: Corpus['sources'][string];
    original: NonNullable<Corpus['originals']>[string];
    /** The lines parsed, as printed (before folding Traditional script). */
    parsedLines: string[];
    normalisations: Normalisation[];
    /** The documents, parsed from the lines folded to Simplified when `traditional`. */
    docs: ParsedDocument[];
    traditional: boolean;
  };
}

/** Reads, normalises, splits and parses one seed file (pure). */
export function ingestFile(seed: SeedInput): FileIngest {
  const diagnostics: Diagnostic[] = [];
  const read = readInput(seed);
  append(diagnostics, read.diagnostics);
  if (!read.source || !read.parsed || !read.original) return { file: seed.file, diagnostics };
  // Traditional script is parsed folded to Simplified and given back its printed characters afterwards.
  const traditional = isTraditional(read.parsed.lines);
  const parsedSource = traditional ? { ...read.parsed, lines: read.parsed.lines.map(foldToSimplified) } : read.parsed;
  const restore = traditional ? restorer(read.parsed.lines, parsedSource.lines) : undefined;
  const normalised = normaliseInput({ ...read, parsed: parsedSource });
  append(diagnostics, normalised.diagnostics);
  const chrome = setAsideChrome(seed.file, normalised.lines);
  append(normalised.normalisations, chrome.normalisations);
  append(diagnostics, chrome.diagnostics);
  const split = splitDocuments(seed.file, chrome.lines);
  append(diagnostics, split.diagnostics);
  const docs = split.chunks.map(parseChunk);
  for (const doc of docs) {
    append(diagnostics, doc.diagnostics);
    append(normalised.normalisations, doc.normalisations ?? []);
  }
  if (docs[0]) docs[0].fields = chrome.fields;
  shareIssuingNotice(docs);
  coverSetAside(docs, chrome.spans);
  // Records added after normalise's own (chrome, a repeated title) go back into line order.
  if (chrome.normalisations.length > 0 || docs.some((d) => d.normalisations?.length)) normalised.normalisations.sort((a, b) => a.line - b.line);
  if (restore) diagnostics.push(traditionalDiagnostic(seed.file));
  return {
    file: seed.file,
    diagnostics,
    read: {
      sourceLines: read.source.lines,
      original: read.original,
      parsedLines: read.parsed.lines,
      normalisations: restore ? restore.value(normalised.normalisations) : normalised.normalisations,
      docs,
      traditional,
    },
  };
}

/** Ingests seed files into the corpus: every document, its sources and the build report. */
export function ingest(seeds: SeedInput[], curated: CuratedData): Corpus {
  return assembleCorpus(seeds.map(ingestFile), curated);
}

/** The corpus from every file's ingest, in file order: metadata (with the curated records), then copies merged. */
export function assembleCorpus(files: readonly FileIngest[], curated: CuratedData): Corpus {
  const diagnostics: Diagnostic[] = [];
  const sources: Corpus['sources'] = {};
  const originals: NonNullable<Corpus['originals']> = {};
  const parsedLines: Record<string, string[]> = {};
  const normalisations: Corpus['normalisations'] = {};
  const parsed: ParsedDocument[] = [];
  const restorers = new Map<ParsedDocument, Restorer>();
  for (const file of files) {
    const { read } = file;
    if (!read) {
      append(diagnostics, file.diagnostics);
      continue;
    }
    sources[file.file] = read.sourceLines;
    originals[file.file] = read.original;
    parsedLines[file.file] = read.parsedLines;
    normalisations[file.file] = read.normalisations;
    append(diagnostics, file.diagnostics);
    append(parsed, read.docs);
    if (read.traditional) {
      const restore = restorer(read.parsedLines, read.parsedLines.map(foldToSimplified));
      for (const doc of read.docs) restorers.set(doc, restore);
    }
  }
  const withMeta = parsed.map((folded) => {
    const head = (parsedLines[folded.file] ?? []).slice(folded.span.lineStart - 1, folded.span.lineStart + 40).join('');
    const read = readMetadata(folded, curated.documents, curated.places, head.replace(/\s+/g, ''));
    const restore = restorers.get(folded);
    const doc = restore ? restore.value(folded) : folded;
    const meta = restore ? { ...read, meta: restore.value(read.meta), diagnostics: restore.value(read.diagnostics) } : read;
    append(diagnostics, meta.diagnostics);
    if (!doc.body.some((b) => b.type === 'provision')) diagnostics.push(noStructure(doc, meta.meta.kind.value));
    return { doc, meta };
  });
  append(diagnostics, unusedCurated(curated, new Set(withMeta.map(({ meta }) => meta.curated))));
  const merged = mergeCopies(withMeta);
  append(diagnostics, merged.diagnostics);
  return { documents: merged.documents, sources, originals, normalisations, diagnostics: limitDiagnostics(diagnostics) };
}

/**
 * Lines set aside around the documents (a page's header and footer) stay on an
 * original-text page: each belongs to the document before it, or to the first.
 */
function coverSetAside(docs: ParsedDocument[], spans: SourceSpan[]): void {
  if (docs.length === 0) return;
  for (const span of spans) {
    const owner = docs.findLast((d) => d.span.lineStart <= span.lineStart) ?? docs[0];
    owner.span = {
      lineStart: Math.min(owner.span.lineStart, span.lineStart),
      lineEnd: Math.max(owner.span.lineEnd, span.lineEnd),
    };
  }
}

/**
 * A notice that issues several documents (印发《甲》《乙》的通知) is printed once, over the
 * first; each later document it names shares it, so its issuer and date are read from it.
 */
function shareIssuingNotice(docs: ParsedDocument[]): void {
  let issuing: { notice: NonNullable<ParsedDocument['notice']>; titles: string[] } | undefined;
  for (const doc of docs) {
    if (doc.notice) {
      const titles = issuedTitles(doc.notice);
      issuing = titles.length >= 2 ? { notice: doc.notice, titles } : undefined;
    } else if (issuing && doc.title && issuing.titles.includes(titleKey(doc.title))) {
      doc.notice = issuing.notice;
    }
  }
}

/** The titles a notice names as what it issues, keyed for comparison. */
function issuedTitles(notice: NonNullable<ParsedDocument['notice']>): string[] {
  const texts = [notice.title ?? '', ...notice.paragraphs.map((p) => p.text)].filter((t) => /印发|转发/.test(t));
  const titles = texts.flatMap((t) => [...t.matchAll(/《([^《》]+)》/g)].map((m) => titleKey(m[1])));
  return [...new Set(titles)];
}

/** The note that a file was read in Traditional script. */
function traditionalDiagnostic(file: string): Diagnostic {
  return {
    severity: 'info',
    code: 'read/traditional',
    message: `${file}: Traditional script; parsed as Simplified and shown as printed`,
    file,
    line: 0,
  };
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
      : [
          {
            severity: 'warning' as const,
            code: 'curated/no-document',
            message: `curated record ${record.id ? `"${record.id}" ` : ''}matches no document of this folder (${record.match.title !== undefined ? `title ${JSON.stringify(record.match.title)}` : `text ${JSON.stringify(record.match.textIncludes)}`})`,
            file: source?.file ?? 'documents.json',
            line: source?.lines[i] ?? 0,
            hint: 'nothing to do if the document is simply not in this folder; otherwise check that match.title is the printed title, or match.textIncludes a phrase of its first lines',
          },
        ],
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
