/**
 * Stage 4a — lex a document body: each logical line becomes a token (a numbered-provision marker, a
 * 专栏 box, a table with its caption, or text), one tokenizer per construct, tried in order.
 */
import type { LogicalLine, ProvisionKind, Table } from '../model.ts';
import { CAPTION } from '../rules/body.ts';
import { chineseToInt, MARKER_START, MARKERS, TOC_ENTRY } from '../rules/markers.ts';
import { parseTable } from '../table.ts';

/** A numbered-provision marker read at the start of a line. */
export interface MarkerMatch {
  kind: ProvisionKind;
  num: number;
  /** The marker exactly as written, e.g. "（二）", "10.". */
  marker: string;
}

/** Reads one construct at the start of a line: its match, or null. */
type MarkerTokenizer = (text: string) => MarkerMatch | null;

/** A tokenizer for the marker construct `rule` matches, giving provisions of `kind`. */
function markerTokenizer(rule: RegExp, kind: ProvisionKind): MarkerTokenizer {
  return (text) => {
    const m = rule.exec(text);
    if (!m) return null;
    const num = chineseToInt(m[1]);
    // "2024年" and "10%" never match (rules/markers.ts); a bare number run-in with
    // text such as "3个驻外招商服务中心" has no punctuation, so also no match.
    return Number.isNaN(num) ? null : { kind, num, marker: m[0] };
  };
}

/** One tokenizer per marker construct, in the order they are tried (sec before item: 一、 vs 1、). */
const MARKER_TOKENIZERS: readonly MarkerTokenizer[] = [
  markerTokenizer(MARKERS.chapter, 'chapter'), // 第一章
  markerTokenizer(MARKERS.section, 'section'), // 第一节
  markerTokenizer(MARKERS.article, 'article'), // 第一条
  markerTokenizer(MARKERS.sec, 'sec'), // 一、
  markerTokenizer(MARKERS.subsec, 'subsec'), // （一）
  markerTokenizer(MARKERS.item, 'item'), // 1.
  markerTokenizer(MARKERS.point, 'point'), // （1）
  markerTokenizer(MARKERS.pointSign, 'point'), // ⑴
  markerTokenizer(MARKERS.clause, 'clause'), // ①
];

/** A table caption is at most this long. */
const CAPTION_MAX = 60;

/** Reads a numbered-provision marker at the start of a line, if there is one. */
export function readMarker(text: string): MarkerMatch | null {
  if (!MARKER_START.test(text)) return null;
  if ((text.includes('.') || text.includes('…') || text.includes('．') || text.includes('·')) && TOC_ENTRY.test(text)) return null;
  for (const tokenizer of MARKER_TOKENIZERS) {
    const match = tokenizer(text);
    if (match) return match;
  }
  return null;
}

/** One line (or a run of table lines) read by the lexer. */
export type Token =
  | { type: 'marker'; line: LogicalLine; match: MarkerMatch }
  | { type: 'box'; line: LogicalLine; marker: string; num: number }
  | { type: 'table'; table: Table }
  | { type: 'text'; line: LogicalLine };

/**
 * The lexer loop: reads the lines in order, one token per line, or one table token for a run of table
 * lines (taking the caption token before it). Every turn consumes at least one line.
 */
export function tokenize(lines: LogicalLine[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < lines.length) {
    const end = tableRunEnd(lines, i);
    if (end > i + 1) {
      tokens.push(tableToken(lines.slice(i, end), tokens));
      i = end;
    } else {
      tokens.push(boxToken(lines[i]) ?? markerToken(lines[i]) ?? { type: 'text', line: lines[i] });
      i++;
    }
  }
  return tokens;
}

/** A table: a run of table lines, with the caption line before it when the last token is one (taken off the list). */
function tableToken(run: LogicalLine[], tokens: Token[]): Token {
  const prev = tokens.at(-1);
  const caption = prev?.type === 'text' && isCaption(prev.line.text) ? [prev.line] : [];
  if (caption.length) tokens.pop();
  return { type: 'table', table: parseTable([...caption, ...run]) };
}

/** A 专栏 box opening: 专栏1, 专栏一. */
function boxToken(line: LogicalLine): Token | null {
  const box = MARKERS.box.exec(line.text);
  return box ? { type: 'box', line, marker: box[0], num: chineseToInt(box[1]) } : null;
}

/** A numbered provision: 第X章/第X节/第X条, 一、, （一）, 1., （1）, ⑴, ①. */
function markerToken(line: LogicalLine): Token | null {
  const match = readMarker(line.text);
  return match ? { type: 'marker', line, match } : null;
}

/**
 * Index after the run of table lines starting at `start` (start itself when
 * none). A run starts at a clear row; inside it, a line with only a leading tab
 * ("\t培育物流业制造业融合") is a row too, and a tab-less line between rows is a
 * cell broken across lines.
 */
function tableRunEnd(lines: LogicalLine[], start: number): number {
  if (!isRow(lines[start])) return start;
  const hasTab = (l: LogicalLine | undefined) => l?.text.includes('\t') ?? false;
  let end = start + 1;
  while (end < lines.length) {
    if (hasTab(lines[end])) end++;
    else if (hasTab(lines[end + 1]) && !readMarker(lines[end].text)) end += 2;
    else break;
  }
  return end;
}

/** A clear table row: two tabs, or one between cells (a lone leading tab may be indentation). */
function isRow(line: LogicalLine | undefined): boolean {
  if (line === undefined) return false;
  return (line.text.match(/\t/g)?.length ?? 0) >= 2 || /\S\t+\S/.test(line.text);
}

/** A table caption: short, mentions 表, no sentence end, no marker. */
function isCaption(text: string): boolean {
  return CAPTION.test(text) && text.length <= CAPTION_MAX && !/[。；;：:]$/.test(text) && !readMarker(text);
}
