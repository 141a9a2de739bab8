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
import { MARKER_START, MARKERS } from './rules.ts';
import { isDocNumberLine } from './doc-number.ts';
import { isIssuerLike } from './issuers.ts';
import { kindWordsPattern, TITLE_KIND_WORDS } from '../../shared/document/kind-words.ts';

/** What `splitDocuments` returns: the chunks in file order and what was noticed on the way. */
export interface SplitResult {
  chunks: DocumentChunk[];
  diagnostics: Diagnostic[];
}

/** Lines of a title found at a position: title lines `start..end`, the document starts at `next`. */
export interface TitleMatch {
  /** Index of the first title line. */
  start: number;
  /** Index of the last title line (a title may be broken over two lines). */
  end: number;
  /** Index of the first line after the title and its bracketed status/period lines. */
  next: number;
}

/**
 * Line shapes that mark the head of a document; front-matter parsing (stage 4)
 * reads the same shapes, so they live here, next to the splitter that defines them.
 */
export const HEAD_RULES = {
  /** …关于印发《…》的通知 / …印发…的通知 / …转发…的通知 (one line, maybe after joining two). */
  noticeTitle: /(?:印发|转发)[^。；;]*的通知$/,
  /** A document title ends in its kind, maybe followed by （2024—2026年） or （修订版）. */
  docKindEnd: new RegExp(`${kindWordsPattern(TITLE_KIND_WORDS)}(?:[（(][^（）()]{1,20}[）)])*$`),
  /** A status or period on a line of its own: （征求意见稿）, (2024—2026年), （修订版）. */
  periodLine: /^[（(](?![^（）()]*号[）)]$)[^（）()]*(?:\d{4}|年|稿|版|试行|暂行|草案|修订)[^（）()]*[）)]$/,
  /** A preamble opens with its purpose or basis. */
  preamble: /^(?:为|根据|按照|依据|依照)/,
  /** Punctuation that never occurs inside a document title. */
  titleStop: /[。；;：:，,！!？?\t]/,
  /** 成文日期 on a line of its own, Arabic or Chinese numerals. */
  date: /^(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/,
} as const;

/** The 版记's last line: "济南市工业和信息化局办公室 2022年3月10日印发". */
const PRINTED_ON = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/;
/** Head lines that mark a document's start: registration number, "文件", an attachment label. */
const HEAD_MARK = /^(?:[A-Z]{2,8}\s*[—–\-－]+\s*\d{4}\s*[—–\-－]+\s*\d{2,10}|文\s*件|附件\s*\d{0,2}\s*[：:]?|.{2,30}号附件)$/;
/** At most this many head lines stand above a title. */
const HEAD_LINES_MAX = 8;
/** A title longer than this is a sentence, not a title. */
const MAX_TITLE_LENGTH = 80;
/** The first half of a title broken over two lines is shorter than this. */
const MAX_FRAGMENT_LENGTH = 40;
/**
 * A line that closes a paragraph; a bare title only follows such a line. Wider
 * than rules.ts SENTENCE_END: some web extractions end sentences with a
 * half-width "." (004, lines 395–417).
 */
const PARAGRAPH_END = /[。！？；：.!?;:…”’」』）)】\]]$/;
/** Section headings that may close a document (its last 一、 section). */
const CLOSING_SECTION = /保障|组织|附则|工作要求|实施要求|监督|考核|其他/;
/** A line ending like this stops mid-sentence. */
const CONTINUES = /[，、,（(《“‘—-]$/;
/** An unpunctuated line at least this long is a cut paragraph, not a caption. */
const MIN_CUT_LENGTH = 40;

/** True when the line opens with a provision marker (一、 （一） 1. （1） 专栏1 第一章). */
export function isNumbered(text: string): boolean {
  // Cheap first: every marker starts with one of a few characters (measured: this test runs on every line, several times).
  if (!MARKER_START.test(text)) return false;
  return (
    MARKER_LIST.some((re) => re.test(text)) ||
    /^第[一二三四五六七八九十百零〇\d]+[章节条部分]/.test(text) ||
    /^[—–-]{2}/.test(text)
  );
}

const MARKER_LIST = Object.values(MARKERS);

/** True when the line alone reads as a document title (…计划, …方案（2024—2026年）). */
export function isTitleLine(text: string): boolean {
  return (
    text.length >= 4 &&
    text.length <= MAX_TITLE_LENGTH &&
    // Cheap first: a title ends in a kind word, maybe with brackets after it (measured: 1% of the ingest otherwise).
    KIND_LAST.has(lastBeforeBrackets(text)) &&
    !isNumbered(text) &&
    !/^特此/.test(text) &&
    // Punctuation inside quotes is the quoted title's (民政部对“关于…，…的建议”的答复).
    !HEAD_RULES.titleStop.test(withoutQuotes(text)) &&
    !HEAD_RULES.periodLine.test(text) &&
    HEAD_RULES.docKindEnd.test(text)
  );
}

/** The last characters of the kind words docKindEnd accepts. */
const KIND_LAST = new Set('划案施制见法则定策要南引点例知告复录单'.split(''));

/** The last character before trailing bracketed parts ("办法（试行）" → "法"). */
function lastBeforeBrackets(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '）' || text[end - 1] === ')')) {
    const open = Math.max(text.lastIndexOf('（', end - 1), text.lastIndexOf('(', end - 1));
    if (open < 0) break;
    end = open;
  }
  return text[end - 1] ?? '';
}

/** The text with quoted spans removed: “…”, "…", 《…》, 「…」. */
function withoutQuotes(text: string): string {
  return text.replace(/“[^“”]*[”"]|"[^"]*"|《[^《》]*》|「[^「」]*」/g, '');
}

/** True when the line may be the first half of a title broken over two lines. */
function isTitleFragment(text: string, maxLength = MAX_FRAGMENT_LENGTH): boolean {
  return (
    text.length >= 2 &&
    text.length <= maxLength &&
    !/^[（(《]/.test(text) &&
    !/^(?:附件|附录|附表)\s*[\d一二三四五六七八九十]*\s*[：:]?$/.test(text) &&
    !isNumbered(text) &&
    !HEAD_RULES.titleStop.test(text) &&
    !HEAD_RULES.periodLine.test(text) &&
    !HEAD_RULES.date.test(text) &&
    !isDocNumberLine(text) &&
    !HEAD_RULES.preamble.test(text)
  );
}

/** True for a 主送 line: "各街道办事处，区政府各部门：" (ends in a colon, no full stop, not numbered). */
export function isRecipients(text: string): boolean {
  return (
    /[：:]$/.test(text) &&
    text.length <= 300 &&
    !/[。；;]/.test(text) &&
    !isNumbered(text) &&
    !HEAD_RULES.preamble.test(text)
  );
}

/**
 * The document title starting at `i` (one line, or a short fragment plus a
 * title line), with the bracketed status/period lines under it; null if none.
 */
export function titleAt(lines: LogicalLine[], i: number): TitleMatch | null {
  const first = lines[i]?.text ?? '';
  let end: number;
  if (isTitleLine(first)) end = i;
  else if (
    i + 1 < lines.length &&
    isTitleFragment(first) &&
    isTitleLine(lines[i + 1].text) &&
    first.length + lines[i + 1].text.length <= MAX_TITLE_LENGTH
  )
    end = i + 1;
  else return null;
  let next = end + 1;
  while (next < lines.length && next - end <= 2 && HEAD_RULES.periodLine.test(lines[next].text)) next++;
  return { start: i, end, next };
}

/** The notice title starting at `i` (one line or two), or null. */
export function noticeTitleAt(lines: LogicalLine[], i: number): TitleMatch | null {
  const first = lines[i]?.text ?? '';
  const second = lines[i + 1]?.text ?? '';
  if (isNumbered(first) || first.startsWith('《') || HEAD_RULES.titleStop.test(first)) return null;
  let end: number;
  if (HEAD_RULES.noticeTitle.test(first) && first.length <= 200) end = i;
  else if (
    isTitleFragment(first, MAX_TITLE_LENGTH) &&
    !HEAD_RULES.titleStop.test(second) &&
    !HEAD_RULES.noticeTitle.test(second) &&
    HEAD_RULES.noticeTitle.test(first + second)
  )
    end = i + 1;
  else return null;
  return { start: i, end, next: end + 1 };
}

/** True when line `k` opens a document: 主送, 发文字号, a preamble 为…/根据…, or 一、. */
function opensDocument(lines: LogicalLine[], k: number): boolean {
  const text = lines[k]?.text;
  if (text === undefined) return false;
  return (
    isRecipients(text) ||
    isDocNumberLine(text) ||
    HEAD_RULES.preamble.test(text) ||
    MARKERS.sec.test(text)
  );
}

/** After a 版记, a document opens with its head (letterhead, 文号, title, 主送) or its preamble, never a numbered item. */
function startsAfterFooter(lines: LogicalLine[], i: number): boolean {
  const text = lines[i].text;
  if (isNumbered(text)) return false;
  return isRecipients(text) || isIssuerLike(text) || isDocNumberLine(text) || HEAD_MARK.test(text) || HEAD_RULES.preamble.test(text) || titleAt(lines, i) !== null || noticeTitleAt(lines, i) !== null;
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

  const chunks = open
    .map((c, index) => toChunk(file, lines, c, open[index + 1]?.start ?? lines.length, index))
    .filter((c) => c.lines.length > 0); // only an empty file leaves an empty chunk
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
  if (CONTINUES.test(text) || (!PARAGRAPH_END.test(text) && text.length >= MIN_CUT_LENGTH))
    why = 'it stops mid-sentence';
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
