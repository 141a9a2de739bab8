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
import type { Block, Box, Diagnostic, LogicalLine, Paragraph, Provision, ProvisionKind, Table } from '../model.ts';
import { ANNEX, CLOSING } from '../rules/body.ts';
import { splitArticleLead, splitLead } from './lead.ts';
import { type MarkerMatch, type Token, tokenize } from './lexer.ts';

/** The parsed body of one document. */
export interface ParsedBody {
  /** Blocks before the first numbered provision. */
  preamble: Block[];
  body: Block[];
  diagnostics: Diagnostic[];
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

/** Kinds whose lines carry no lead title: 第五条 is followed by its text (or a bracketed caption). */
const ARTICLE_LIKE = new Set<ProvisionKind>(['article']);

// Entry point ----------------------------------------------------------------

/** Parses one document's body lines (after the notice and title are split off). */
export function parseBody(file: string, lines: LogicalLine[]): ParsedBody {
  const parser = new BodyParser(file);
  for (const token of tokenize(lines)) parser.take(token);
  return parser.finish();
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
    this.ctx = newContext(
      box.children,
      box,
      this.root.stack.map((p) => p.kind),
    );
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
