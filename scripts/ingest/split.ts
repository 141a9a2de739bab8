/**
 * Stage 3: split a normalised seed file into documents.
 *
 * A seed file may hold several documents printed one after another (004 holds
 * sixteen). A new document starts at a notice title (…印发《…》的通知 followed by
 * its 主送 or 发文字号 line) or at a bare document title (an unnumbered short line
 * ending in 计划/方案/措施/… followed by a document start: 主送, 发文字号, a
 * preamble 为…/根据… or 一、). Titles inside a document (numbered headings,
 * table captions, the document's own title under its notice) are not boundaries,
 * and a notice header printed twice inside one document is kept in that
 * document and reported, never turned into a document of its own.
 */
import type { Diagnostic, DocumentChunk, LogicalLine, SourceSpan } from './model.ts';
import { MARKERS } from './rules/markers.ts';
import { CLOSING_SECTION, CONTINUES, HEAD_MARK, HEAD_RULES, PARAGRAPH_END } from './rules/heads.ts';
import { PRINTED_ON } from './rules/joins.ts';
import { isDocNumberLine } from './doc-number.ts';
import { isNumbered, isRecipients, noticeTitleAt, type TitleMatch, titleAt } from './head-lines.ts';
import { isIssuerLike } from './issuers.ts';

/** What `splitDocuments` returns: the chunks in file order and what was noticed on the way. */
export interface SplitResult {
  chunks: DocumentChunk[];
  diagnostics: Diagnostic[];
}

/** At most this many head lines stand above a title. */
const HEAD_LINES_MAX = 8;
/** An unpunctuated line at least this long is a cut paragraph, not a caption. */
const MIN_CUT_LENGTH = 40;

/** True when line `k` opens a document: 主送, 发文字号, a preamble 为…/根据…, or 一、. */
function opensDocument(lines: LogicalLine[], k: number): boolean {
  const text = lines[k]?.text;
  if (text === undefined) return false;
  return isRecipients(text) || isDocNumberLine(text) || HEAD_RULES.preamble.test(text) || MARKERS.sec.test(text);
}

/** After a 版记, a document opens with its head (letterhead, 文号, title, 主送) or its preamble, never a numbered item. */
function startsAfterFooter(lines: LogicalLine[], i: number): boolean {
  const text = lines[i].text;
  if (isNumbered(text)) return false;
  return (
    isRecipients(text) ||
    isIssuerLike(text) ||
    isDocNumberLine(text) ||
    HEAD_MARK.test(text) ||
    HEAD_RULES.preamble.test(text) ||
    titleAt(lines, i) !== null ||
    noticeTitleAt(lines, i) !== null
  );
}

/** A notice title followed within two lines by its 主送 or 发文字号. */
function noticeBoundaryAt(lines: LogicalLine[], i: number): TitleMatch | null {
  const match = noticeTitleAt(lines, i);
  if (!match) return null;
  for (let k = match.next; k < Math.min(lines.length, match.next + 2); k++) {
    const text = lines[k].text;
    if (isRecipients(text) || isDocNumberLine(text)) return match;
  }
  return null;
}

/** A document title followed by a document start. */
function titleBoundaryAt(lines: LogicalLine[], i: number): TitleMatch | null {
  const match = titleAt(lines, i);
  return match && opensDocument(lines, match.next) ? match : null;
}

/** Text compared when looking for a repeat: whitespace does not count. */
function key(line: LogicalLine): string {
  return line.text.replace(/\s+/g, '');
}

/** Span of logical lines `from..to` (inclusive) in physical lines. */
function spanOf(lines: LogicalLine[], from: number, to: number): SourceSpan {
  return { lineStart: lines[from].lineStart, lineEnd: lines[to].lineEnd };
}

/** "line 3" or "lines 3–9", for messages. */
function linesText(span: SourceSpan): string {
  return span.lineStart === span.lineEnd ? `line ${span.lineStart}` : `lines ${span.lineStart}–${span.lineEnd}`;
}

/** Shortens a line for quoting in a message. */
function quote(text: string): string {
  return `"${text.length > 30 ? `${text.slice(0, 30)}…` : text}"`;
}

/** The chunk being built while scanning. */
interface OpenChunk {
  start: number;
  reason: DocumentChunk['reason'];
  /** The document's own title has been seen (a bare-title chunk starts with it). */
  titled: boolean;
  /** A 一、 section has been seen: later titles belong to new documents. */
  bodyStarted: boolean;
  /** First index of each line text in this chunk, to recognise a repeat. */
  seen: Map<string, number>;
  repeatedHeader?: SourceSpan;
}

/** Starts a chunk at line index `start`. */
function openChunk(start: number, reason: DocumentChunk['reason']): OpenChunk {
  return { start, reason, titled: reason === 'bare-title', bodyStarted: false, seen: new Map() };
}

/** Splits one file's logical lines into document chunks. */
export function splitDocuments(file: string, lines: LogicalLine[]): SplitResult {
  const diagnostics: Diagnostic[] = [];
  const open: OpenChunk[] = [openChunk(0, 'file-start')];
  let i = 0;
  while (i < lines.length) {
    if (i > open[open.length - 1].start && lines[i - 1].text.endsWith('印发') && PRINTED_ON.test(lines[i - 1].text) && startsAfterFooter(lines, i)) {
      // The 版记's "…印发" line is the last line of a document: what follows it is another, when it opens like one.
      open.push(openChunk(i, 'after-footer'));
    }
    const current = open[open.length - 1];
    const notice = noticeBoundaryAt(lines, i);
    const title = notice ? null : titleBoundaryAt(lines, i);
    const match = notice ?? title;
    const start = match ? headStart(lines, i, current.start) : i;
    if (match && start === current.start) {
      // The file opens with a document: say so instead of 'file-start'.
      current.reason = notice ? 'notice-title' : 'bare-title';
      current.titled ||= title !== null;
    } else if (match) {
      const earlier = current.seen.get(key(lines[i]));
      if (earlier !== undefined) {
        // The same header printed again inside its own document (extraction
        // repeating a page): keep it in this chunk, report it, skip over it.
        const count = repeatLength(lines, earlier, i);
        current.repeatedHeader ??= spanOf(lines, i, i + count - 1);
        diagnostics.push(repeatDiagnostic(file, lines, earlier, i, count));
        i += count;
        continue;
      }
      if (title && !current.titled && !current.bodyStarted) {
        current.titled = true; // the document's own title, under its notice or at the head of the file
      } else if (title && !PARAGRAPH_END.test(lines[start - 1].text)) {
        diagnostics.push(unsureDiagnostic(file, lines[i]));
      } else {
        open.push(openChunk(start, notice ? 'notice-title' : 'bare-title'));
      }
    }
    const chunk = open[open.length - 1];
    const last = match ? match.end : i;
    for (let k = i; k <= last; k++) {
      if (!chunk.seen.has(key(lines[k]))) chunk.seen.set(key(lines[k]), k);
      if (MARKERS.sec.test(lines[k].text)) chunk.bodyStarted = true;
    }
    i = last + 1; // always moves on: the loop consumes at least one line per turn
  }

  const chunks = open.map((c, index) => toChunk(file, lines, c, open[index + 1]?.start ?? lines.length, index)).filter((c) => c.lines.length > 0); // only an empty file leaves an empty chunk
  diagnostics.push(...checkLeading(file, chunks), ...markTruncated(file, chunks));
  return { chunks, diagnostics };
}

/**
 * Where a document starting with its title at `i` really starts: its letterhead,
 * registration number, 发文字号, "文件" or an attachment label ("附件2") printed
 * above the title belong to it. Names alone (a previous document's signature) do not.
 */
function headStart(lines: LogicalLine[], i: number, min: number): number {
  let start = i;
  let marked = false;
  while (start - 1 >= min && start > i - HEAD_LINES_MAX) {
    const text = lines[start - 1].text;
    const strong = isDocNumberLine(text) || HEAD_MARK.test(text);
    if (!strong && !isIssuerLike(text)) break;
    marked ||= strong;
    start--;
  }
  return marked ? start : i;
}

/** How many lines from `i` repeat, line for line, the lines from `earlier` (at least 1). */
function repeatLength(lines: LogicalLine[], earlier: number, i: number): number {
  let m = 1;
  while (i + m < lines.length && earlier + m < i && key(lines[earlier + m]) === key(lines[i + m])) m++;
  return m;
}

/** The info diagnostic for `count` lines from `i` repeating those from `earlier`. */
function repeatDiagnostic(file: string, lines: LogicalLine[], earlier: number, i: number, count: number): Diagnostic {
  const span = spanOf(lines, i, i + count - 1);
  return {
    severity: 'info',
    code: 'split/repeated-header',
    file,
    line: span.lineStart,
    message:
      `${file}:${span.lineStart}: ${linesText(span)} repeat ` +
      `${linesText(spanOf(lines, earlier, earlier + count - 1))} of the same document ` +
      `(${quote(lines[earlier].text)}); kept in one document and marked as a repeat`,
  };
}

/** The warning for a title-like line that was not taken as a boundary. */
function unsureDiagnostic(file: string, line: LogicalLine): Diagnostic {
  return {
    severity: 'warning',
    code: 'split/unsure-boundary',
    file,
    line: line.lineStart,
    message:
      `${file}:${line.lineStart}: ${quote(line.text)} looks like a document title, ` +
      `but the line before it does not end a sentence, so no new document was started`,
    hint: 'If a new document starts here, end the previous paragraph in the seed or report the wrap.',
  };
}

/** Builds the chunk for lines `c.start..end-1`. */
function toChunk(file: string, lines: LogicalLine[], c: OpenChunk, end: number, index: number): DocumentChunk {
  const chunk: DocumentChunk = { file, index, lines: lines.slice(c.start, end), reason: c.reason };
  if (c.repeatedHeader) chunk.repeatedHeader = c.repeatedHeader;
  return chunk;
}

/** Warns when text before the first recognised document was kept as a chunk of its own. */
function checkLeading(file: string, chunks: DocumentChunk[]): Diagnostic[] {
  const first = chunks[0];
  if (!first || chunks.length < 2 || first.reason !== 'file-start') return [];
  if (first.lines.some((l) => MARKERS.sec.test(l.text))) return [];
  const span = spanOf(first.lines, 0, first.lines.length - 1);
  return [
    {
      severity: 'warning',
      code: 'split/leading-fragment',
      file,
      line: span.lineStart,
      message:
        `${file}:${span.lineStart}: the text at ${linesText(span)}, before the first recognised ` +
        `document, has no numbered sections; it is kept as a document of its own`,
      hint: 'Check whether these lines belong to the next document (its title may be unusual) or are stray text.',
    },
  ];
}

/**
 * Marks the file's last chunk as truncated when it stops mid-sentence, on a
 * bare heading, or on a numbered item of a section that cannot close a document.
 */
function markTruncated(file: string, chunks: DocumentChunk[]): Diagnostic[] {
  const chunk = chunks.at(-1);
  const last = chunk?.lines.at(-1);
  if (!chunk || !last) return [];
  const text = last.text;
  const section = chunk.lines.findLast((l) => MARKERS.sec.test(l.text));
  let why: string | undefined;
  if (CONTINUES.test(text) || (!PARAGRAPH_END.test(text) && text.length >= MIN_CUT_LENGTH)) why = 'it stops mid-sentence';
  else if (section === last) why = 'it stops on a section heading with nothing under it';
  else if (isNumbered(text) && section && !CLOSING_SECTION.test(section.text))
    why = `it stops on a numbered item under ${quote(section.text)}, which is not a closing section`;
  if (!why) return [];
  chunk.truncated = true;
  return [
    {
      severity: 'warning',
      code: 'split/truncated',
      file,
      line: last.lineEnd,
      message: `${file}:${last.lineEnd}: the last document looks cut off: ${why} (${quote(text)})`,
      hint: 'Find the complete document and replace the seed, or keep it and let the site show it as partial.',
    },
  ];
}
