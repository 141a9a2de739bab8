/**
 * Stage 4: parses a document's body lines into the tree of provisions,
 * paragraphs, tables and 专栏 boxes.
 *
 * Nesting follows the marker styles as the document uses them, not a fixed
 * depth: a marker style already open on the stack makes a sibling (so a style
 * may sit at different depths in different parts); a style not open nests
 * under the innermost open provision unless both the order in which styles
 * first appeared in this document and the usual order (一、 > （一） > 1. > （1）)
 * say the innermost one cannot hold it. Text is kept exactly: for every
 * provision, marker + title + titleSep (+ the first paragraph when it came from
 * the same line) reproduces its logical line.
 */
import type { Block, Box, Diagnostic, LogicalLine, Paragraph, Provision, ProvisionKind, Table } from './model.ts';
import { chineseToInt, MARKER_START, MARKERS, TOC_ENTRY } from './rules.ts';
import { parseTable } from './table.ts';
import { CLOSING_CLAUSE_WORDS, kindWordsPattern } from '../../shared/document/kind-words.ts';

/** The parsed body of one document. */
export interface ParsedBody {
  /** Blocks before the first numbered provision. */
  preamble: Block[];
  body: Block[];
  diagnostics: Diagnostic[];
}

/** A numbered-provision marker read at the start of a line. */
export interface MarkerMatch {
  kind: ProvisionKind;
  num: number;
  /** The marker exactly as written, e.g. "（二）", "10.". */
  marker: string;
}

// Stage rules ----------------------------------------------------------------

/** The usual depth of each marker style; used only to break ties. */
const CANONICAL: Record<ProvisionKind, number> = {
  chapter: -3,
  section: -2,
  article: -1,
  sec: 0,
  subsec: 1,
  item: 2,
  point: 3,
  clause: 4,
};

/** The MARKERS rules in the order they are tried (sec before item: 一、 vs 1、), with the kind each gives. */
const MARKER_RULES: Array<[keyof typeof MARKERS, ProvisionKind]> = [
  ['chapter', 'chapter'],
  ['section', 'section'],
  ['article', 'article'],
  ['sec', 'sec'],
  ['subsec', 'subsec'],
  ['item', 'item'],
  ['point', 'point'],
  ['pointSign', 'point'],
  ['clause', 'clause'],
];

/** Kinds whose lines carry no lead title: 第五条 is followed by its text (or a bracketed caption). */
const ARTICLE_LIKE = new Set<ProvisionKind>(['article']);

/** A caption printed right after 第X条: "第一条　（目的和依据）". */
const ARTICLE_CAPTION = /^[（(][^（）()。；]{1,20}[）)]/;


/** A lead title is at most this long; longer first sentences are body text. */
const TITLE_MAX = 40;

/** Characters that end a lead title (besides a "." that is not a decimal point). */
const TITLE_SEPS = '。：:．';

/** Brackets and quotes inside which a title separator does not count. */
const OPEN = '“‘《（(〔「『【';
// An ASCII '"' closes: copies often close a “ with it (“园区"), and as a closer it never opens a span.
const CLOSE = '”’》）)〕」』】"';

/** A closing clause of the whole document: "本方案自…施行", "本措施所称…". */
const CLOSING = new RegExp(`^本${kindWordsPattern(CLOSING_CLAUSE_WORDS)}(?:自|所称|由|有效期)`);

/** The title of a closing section that holds the closing clauses itself. */
const ANNEX = /附则/;

/** A caption line right above a table: short, mentions 表, no sentence end. */
const CAPTION = /表/;
const CAPTION_MAX = 60;

// Entry point ----------------------------------------------------------------

/** Parses one document's body lines (after the notice and title are split off). */
export function parseBody(file: string, lines: LogicalLine[]): ParsedBody {
  const parser = new BodyParser(file);
  for (const token of tokenize(lines)) parser.take(token);
  return parser.finish();
}

/**
 * The full text of a block in order (marker + title + titleSep + children),
 * logical lines joined by "\n", table cells by "\t"; for checks and search.
 */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'table':
      return [block.caption, ...block.rows.map((r) => r.map((c) => c.text).join('\t'))]
        .filter((t) => t !== undefined)
        .join('\n');
    case 'box':
      return [block.marker + block.title, ...block.children.map(blockText)].join('\n');
    case 'provision': {
      const head = block.marker + block.title + block.titleSep;
      const [first, ...rest] = block.children;
      // The first paragraph came from the heading's own line: no break between them.
      if (first?.type === 'paragraph' && first.lineStart === block.lineStart) {
        return [head + first.text, ...rest.map(blockText)].join('\n');
      }
      return [head, ...block.children.map(blockText)].join('\n');
    }
  }
}

/** Reads a numbered-provision marker at the start of a line, if there is one. */
export function readMarker(text: string): MarkerMatch | null {
  if (!MARKER_START.test(text)) return null;
  if ((text.includes('.') || text.includes('…') || text.includes('．') || text.includes('·')) && TOC_ENTRY.test(text)) return null;
  for (const [rule, kind] of MARKER_RULES) {
    const m = MARKERS[rule].exec(text);
    if (!m) continue;
    const num = chineseToInt(m[1]);
    if (Number.isNaN(num)) continue;
    // "2024年" and "10%" never match (rules.ts); a bare number run-in with
    // text such as "3个驻外招商服务中心" has no punctuation, so also no match.
    return { kind, num, marker: m[0] };
  }
  return null;
}

/** Splits the text after a marker into lead title, separator and the rest. */
export function splitLead(rest: string): { title: string; titleSep: string; body: string } {
  let depth = 0;
  for (let i = 0; i < rest.length && i <= TITLE_MAX; i++) {
    const ch = rest[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(depth - 1, 0);
    else if (depth === 0 && isTitleSep(rest, i)) {
      return { title: rest.slice(0, i), titleSep: ch, body: rest.slice(i + 1) };
    }
  }
  // No separator: a short line is all heading ("一、总体要求"), a long one all body.
  if (rest.length <= TITLE_MAX) return { title: rest, titleSep: '', body: '' };
  return { title: '', titleSep: '', body: rest };
}

/**
 * An article has no lead title: its text follows the marker. Only a bracketed
 * caption printed right after the marker ("第一条　（目的和依据）") is its title.
 */
export function splitArticleLead(rest: string): { title: string; titleSep: string; body: string } {
  const caption = ARTICLE_CAPTION.exec(rest)?.[0];
  if (caption === undefined) return { title: '', titleSep: '', body: rest };
  const after = rest.slice(caption.length);
  const gap = /^[\s\u3000]*/.exec(after)?.[0] ?? '';
  return { title: caption, titleSep: gap, body: after.slice(gap.length) };
}

/** 。 ： : ． end a lead title, and so does a "." that is not a decimal point. */
function isTitleSep(text: string, i: number): boolean {
  const ch = text[i];
  return TITLE_SEPS.includes(ch) || (ch === '.' && !/\d/.test(text[i + 1] ?? ''));
}

// Tokens ---------------------------------------------------------------------

type Token =
  | { type: 'marker'; line: LogicalLine; match: MarkerMatch }
  | { type: 'box'; line: LogicalLine; marker: string; num: number }
  | { type: 'table'; table: Table }
  | { type: 'text'; line: LogicalLine };

/** Classifies lines, grouping runs of tab-separated lines (and their caption) into tables. */
function tokenize(lines: LogicalLine[]): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < lines.length; i++) {
    const end = tableRunEnd(lines, i);
    if (end > i + 1) {
      const prev = tokens.at(-1);
      const caption = prev?.type === 'text' && isCaption(prev.line.text) ? [prev.line] : [];
      if (caption.length) tokens.pop();
      tokens.push({ type: 'table', table: parseTable([...caption, ...lines.slice(i, end)]) });
      i = end - 1;
      continue;
    }
    tokens.push(classify(lines[i]));
  }
  return tokens;
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

function isCaption(text: string): boolean {
  return CAPTION.test(text) && text.length <= CAPTION_MAX && !/[。；;：:]$/.test(text) && !readMarker(text);
}

function classify(line: LogicalLine): Token {
  const box = MARKERS.box.exec(line.text);
  if (box) return { type: 'box', line, marker: box[0], num: chineseToInt(box[1]) };
  const match = readMarker(line.text);
  return match ? { type: 'marker', line, match } : { type: 'text', line };
}

// Parser ---------------------------------------------------------------------

/** Where new blocks go: the document root, or a 专栏 box with its own stack. */
interface Context {
  children: Block[];
  stack: Provision[];
  /** Order in which marker styles first appeared in this context. */
  seen: ProvisionKind[];
  /** Last number per style, to accept numbering that runs on across parents. */
  lastNum: Partial<Record<ProvisionKind, number>>;
  box?: Box;
  /** Kinds open around the box: a marker of one of them closes the box. */
  outer?: ProvisionKind[];
}

function newContext(children: Block[], box?: Box, outer?: ProvisionKind[]): Context {
  return { children, stack: [], seen: [], lastNum: {}, box, outer };
}

class BodyParser {
  private readonly file: string;
  private readonly preamble: Block[] = [];
  private readonly body: Block[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly root: Context;
  private ctx: Context;
  private started = false;

  constructor(file: string) {
    this.file = file;
    this.root = newContext(this.body);
    this.ctx = this.root;
  }

  take(token: Token): void {
    if (token.type === 'marker') return this.openProvision(token.line, token.match);
    if (token.type === 'box') return this.openBox(token.line, token.marker, token.num);
    if (token.type === 'table') return this.placeTable(token.table);
    this.placeText(token.line);
  }

  finish(): ParsedBody {
    moveTrailingClosers(this.body, this.diagnostics, this.file);
    for (const block of [...this.preamble, ...this.body]) fixSpan(block);
    return { preamble: this.preamble, body: this.body, diagnostics: this.diagnostics };
  }

  private openProvision(line: LogicalLine, match: MarkerMatch): void {
    this.started = true;
    // Inside a 专栏 box, a marker of the style around the box ends the box.
    if (this.ctx.outer && closesBox(this.ctx.outer, match.kind, this.root.seen)) this.ctx = this.root;
    const ctx = this.ctx;
    const rest = line.text.slice(match.marker.length);
    const { title, titleSep, body } = ARTICLE_LIKE.has(match.kind) ? splitArticleLead(rest) : splitLead(rest);
    const p: Provision = {
      type: 'provision',
      kind: match.kind,
      num: match.num,
      marker: match.marker,
      title,
      titleSep,
      eid: '',
      label: '',
      isTask: false,
      units: [],
      targets: [],
      children: [],
      lineStart: line.lineStart,
      lineEnd: line.lineEnd,
    };
    if (body !== '') p.children.push(paragraph(line, body));

    const same = ctx.stack.findLastIndex((q) => q.kind === p.kind);
    if (same >= 0) ctx.stack.length = same;
    else while (ctx.stack.length && !canContain(ctx.seen, ctx.stack.at(-1)!.kind, p.kind)) ctx.stack.pop();
    if (!ctx.seen.includes(p.kind)) ctx.seen.push(p.kind);

    const siblings = ctx.stack.at(-1)?.children ?? ctx.children;
    this.checkNumber(ctx, siblings, p);
    siblings.push(p);
    ctx.stack.push(p);
    ctx.lastNum[p.kind] = p.num;
  }

  private openBox(line: LogicalLine, marker: string, num: number): void {
    this.started = true;
    if (this.ctx.box) this.ctx = this.root;
    const title = line.text.slice(marker.length).trim();
    const box: Box = { type: 'box', marker, title, eid: `box_${num}`, children: [], ...span(line) };
    (this.root.stack.at(-1)?.children ?? this.root.children).push(box);
    this.ctx = newContext(box.children, box, this.root.stack.map((p) => p.kind));
  }

  private placeTable(table: Table): void {
    if (!this.started) return void this.preamble.push(table);
    const ctx = this.ctx;
    // A captioned table after a list entry is an exhibit of the list, not part
    // of the entry's text, unless the entry introduces it ("如下表：").
    const leaf = ctx.stack.at(-1);
    const intro = leaf?.children.at(-1);
    const introduces = intro?.type === 'paragraph' ? /[：:]$/.test(intro.text) : /[：:]$/.test(leaf?.titleSep ?? '');
    if (table.caption && leaf && ctx.stack.length > 1 && !leaf.children.some(isProvision) && !introduces) {
      ctx.stack.pop();
    }
    (ctx.stack.at(-1)?.children ?? ctx.children).push(table);
  }

  private placeText(line: LogicalLine): void {
    const p = paragraph(line, line.text);
    if (!this.started) return void this.preamble.push(p);
    // Inside an article every paragraph is the article's ("本办法所称…" defines a term of it).
    if (CLOSING.test(line.text) && !this.ctx.stack.some((p) => p.kind === 'article')) {
      const stack = this.root.stack;
      const annex = stack.length === 1 && ANNEX.test(stack[0].title);
      if (!annex || this.ctx.box) {
        // "本措施自…起施行" belongs to the whole document, not its last item
        // (but stays in a "八、附则" section written for it).
        this.ctx = this.root;
        stack.length = 0;
      }
    }
    const ctx = this.ctx;
    (ctx.stack.at(-1)?.children ?? ctx.children).push(p);
  }

  private checkNumber(ctx: Context, siblings: Block[], p: Provision): void {
    const prev = siblings.findLast((b): b is Provision => b.type === 'provision' && b.kind === p.kind);
    const runOn = (ctx.lastNum[p.kind] ?? 0) + 1;
    const ok = prev ? p.num === prev.num + 1 : p.num === 1 || p.num === runOn;
    if (ok) return;
    const message = prev
      ? `"${p.marker}" follows "${prev.marker}" in the same list; expected ${prev.num + 1}`
      : `"${p.marker}" opens a list; expected ${runOn === 1 ? '1' : `1 or ${runOn} (numbering run on)`}`;
    this.diagnostics.push({
      severity: 'warning',
      code: 'parse/numbering',
      message,
      file: this.file,
      line: p.lineStart,
      hint: 'Check the source for a missing, repeated or misnumbered provision; it is kept with the number as printed.',
    });
  }
}

// Helpers --------------------------------------------------------------------

function span(line: LogicalLine): { lineStart: number; lineEnd: number } {
  return { lineStart: line.lineStart, lineEnd: line.lineEnd };
}

function paragraph(line: LogicalLine, text: string): Paragraph {
  return { type: 'paragraph', text, ...span(line) };
}

function isProvision(b: Block): b is Provision {
  return b.type === 'provision';
}

/** Whether an open provision of style `outer` may hold a new one of style `inner`. */
function canContain(seen: ProvisionKind[], outer: ProvisionKind, inner: ProvisionKind): boolean {
  const rank = (k: ProvisionKind) => (seen.includes(k) ? seen.indexOf(k) : Number.POSITIVE_INFINITY);
  return rank(outer) < rank(inner) || CANONICAL[outer] < CANONICAL[inner];
}

/** A marker closes a 专栏 box when its style is open around the box or could not nest inside it. */
function closesBox(outer: ProvisionKind[], kind: ProvisionKind, seen: ProvisionKind[]): boolean {
  const innermost = outer.at(-1);
  return outer.includes(kind) || (innermost !== undefined && !canContain(seen, innermost, kind));
}

/**
 * Moves paragraphs that trail the document's last provision to the top level
 * when every other provision of that style has fewer: a closing paragraph
 * ("各级党委和政府要加强组织领导…") printed after the last item, not part of it.
 */
function moveTrailingClosers(body: Block[], diagnostics: Diagnostic[], file: string): void {
  let last = body.at(-1);
  while (last?.type === 'provision' && last.children.at(-1)?.type === 'provision') last = last.children.at(-1);
  if (last?.type !== 'provision' || !last.children.every((b) => b.type === 'paragraph')) return;
  const kind = last.kind;
  const others: Provision[] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type !== 'provision') continue;
      if (b.kind === kind && b !== last) others.push(b);
      walk(b.children);
    }
  };
  walk(body);
  if (others.length < 3 || !others.every((o) => o.children.every((c) => c.type === 'paragraph'))) return;
  const m = others[0].children.length;
  if (!others.every((o) => o.children.length === m) || last.children.length <= m) return;
  const moved = last.children.splice(m);
  for (const block of moved) body.push(block);
  diagnostics.push({
    severity: 'info',
    code: 'parse/closing-paragraph',
    message: `${moved.length} paragraph(s) after "${last.marker}${last.title}" placed at document level: every other ${kind} has ${m}`,
    file,
    line: moved[0].lineStart,
    hint: 'Nothing to do if it closes the whole document; if it belongs to the last provision, report the misplacement.',
  });
}

/** Extends a block's span over its children (after moves), bottom-up. */
function fixSpan(block: Block): void {
  if (block.type !== 'provision' && block.type !== 'box') return;
  for (const child of block.children) fixSpan(child);
  block.lineEnd = Math.max(block.lineEnd, ...block.children.map((c) => c.lineEnd));
}
