/**
 * The precise difference between two copies of one document (the primary text
 * and a copy found in another seed file).
 *
 * Both copies are compared as parsed structure, never as physical lines:
 * - the outline (every provision and box heading, marker + title) is diffed as
 *   a sequence, so a heading missing from one copy shows as exactly that;
 * - the logical text of each part (notice, title, preamble + body, footer) is
 *   diffed character by character as one stream per part. Paragraph breaks and
 *   whitespace are left out of the stream, so hard line wraps, page numbers and
 *   a copy that puts a task in one paragraph where the other uses three cannot
 *   show up as differences; characters equal under NFKC (全角 "（" and half-width
 *   "(") are equal. What remains is what a proof-reader would mark: a dropped
 *   character, a missing marker, a missing footer.
 * jsdiff's array diff (Myers) does the alignment with an NFKC comparator.
 */
import { diffArrays } from 'diff';
import type { Block, Footer, Notice, ParsedDocument, PolicyDocument } from '../ingest/model.ts';
import { enclosingProvision, walkBlocks } from '../../shared/document/walk.ts';
import type { DiffPiece, FieldChange, VersionBlock, VersionDiff, VersionHunk } from '../../shared/compare/model.ts';

/** What the version diff needs of a document or of a parsed copy. */
export interface VersionSource {
  title?: string;
  subtitle: string[];
  notice?: Notice;
  preamble: Block[];
  body: Block[];
  footer?: Footer;
}

/** Characters of shared context shown on each side of a difference. */
const CONTEXT = 12;
/** Differences closer than this many shared characters are shown as one hunk. */
const JOIN_GAP = 8;
/** More character edits than this in one part: not two copies of one text (see charEdits). */
const MAX_EDITS = 2000;

/** Flattens blocks to logical blocks in reading order, each labelled by its provision (boxes keep the label around them). */
function flattenBlocks(blocks: Block[], part: VersionBlock['part'], outside: string, out: VersionBlock[]): void {
  walkBlocks(blocks, (b, ancestors) => {
    const label = enclosingProvision(ancestors)?.label ?? outside;
    if (b.type === 'paragraph') out.push({ part, kind: 'text', text: b.text, label, line: b.lineStart });
    else if (b.type === 'table') {
      for (const row of b.rows) out.push({ part, kind: 'text', text: row.map((c) => c.text).join(' '), label, line: b.lineStart });
    } else if (b.type === 'box') out.push({ part, kind: 'heading', text: `${b.marker} ${b.title}`.trim(), label, line: b.lineStart });
    else out.push({ part, kind: 'heading', text: b.marker + b.title + b.titleSep, label: b.label, line: b.lineStart });
  });
}

/** A document's logical text as blocks: notice, title, preamble, body, footer. */
export function versionBlocks(doc: VersionSource): VersionBlock[] {
  const out: VersionBlock[] = [];
  for (const p of doc.notice?.paragraphs ?? []) out.push({ part: 'notice', kind: 'text', text: p.text, label: '', line: p.lineStart });
  if (doc.title) out.push({ part: 'title', kind: 'heading', text: doc.title, label: '', line: 0 });
  for (const s of doc.subtitle) out.push({ part: 'title', kind: 'text', text: s, label: '', line: 0 });
  flattenBlocks(doc.preamble, 'body', '', out);
  flattenBlocks(doc.body, 'body', '', out);
  for (const p of doc.footer?.paragraphs ?? []) out.push({ part: 'footer', kind: 'text', text: p.text, label: '', line: p.lineStart });
  return out;
}

/** The outline of a document: its heading blocks (provisions and boxes). */
function outlineOf(blocks: VersionBlock[]): VersionBlock[] {
  return blocks.filter((b) => b.kind === 'heading' && b.part === 'body');
}

/** A heading's comparison key: marker and title under NFKC, without the punctuation after the title. */
function headingKey(b: VersionBlock): string {
  return b.text
    .normalize('NFKC')
    .replace(/[\s。．.:：]+$/u, '')
    .replace(/\s+/g, '');
}

/** Headings present in only one of the two outlines. */
export function diffOutline(before: VersionBlock[], after: VersionBlock[]): VersionDiff['outline'] {
  const a = outlineOf(before);
  const b = outlineOf(after);
  const removed: VersionBlock[] = [];
  const added: VersionBlock[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(a.map(headingKey), b.map(headingKey))) {
    const n = change.value.length;
    if (change.removed) removed.push(...a.slice(i, (i += n)));
    else if (change.added) added.push(...b.slice(j, (j += n)));
    else {
      i += n;
      j += n;
    }
  }
  return { removed, added };
}

/** One part's text as characters (whitespace dropped), each with the block it came from. */
interface Stream {
  chars: string[];
  block: VersionBlock[];
}

function streamOf(blocks: VersionBlock[]): Stream {
  const chars: string[] = [];
  const block: VersionBlock[] = [];
  for (const b of blocks) {
    for (const ch of b.text) {
      if (/\s/u.test(ch)) continue;
      chars.push(ch);
      block.push(b);
    }
  }
  return { chars, block };
}

const nfkc = new Map<string, string>();
function sameChar(x: string, y: string): boolean {
  if (x === y) return true;
  const nx = nfkc.get(x) ?? nfkc.set(x, x.normalize('NFKC')).get(x)!;
  const ny = nfkc.get(y) ?? nfkc.set(y, y.normalize('NFKC')).get(y)!;
  return nx === ny;
}

/** An edit found by the character diff: a run deleted from `before` and/or inserted from `after`. */
interface Edit {
  /** Position in before/after where the edit starts. */
  i: number;
  j: number;
  deleted: number;
  inserted: number;
}

/**
 * The character edits turning stream a into stream b. Myers' diff costs
 * (length × edits); past MAX_EDITS the texts are not two copies of one text,
 * and the edits are taken block by block instead (whole paragraphs).
 */
function charEdits(a: Stream, b: Stream): Edit[] {
  const changes =
    (minimumEdits(a, b) <= MAX_EDITS ? diffArrays(a.chars, b.chars, { comparator: sameChar, maxEditLength: MAX_EDITS }) : undefined) ?? blockChanges(a, b);
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const n = change.value.length;
    if (!change.added && !change.removed) {
      i += n;
      j += n;
      continue;
    }
    const last = edits[edits.length - 1];
    const open = last && last.i + last.deleted === i && last.j + last.inserted === j;
    const edit = open ? last : { i, j, deleted: 0, inserted: 0 };
    if (!open) edits.push(edit);
    if (change.removed) {
      edit.deleted += n;
      i += n;
    } else {
      edit.inserted += n;
      j += n;
    }
  }
  return edits;
}

/** The stream's text from `from` to `to`, with "\n" where one block ends and the next begins. */
function textOf(s: Stream, from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) out += (k > from && s.block[k] !== s.block[k - 1] ? '\n' : '') + s.chars[k];
  return out;
}

/** A lower bound of the edits between two streams: characters one has more of than the other (instant, unlike Myers). */
function minimumEdits(a: Stream, b: Stream): number {
  const count = new Map<string, number>();
  for (const ch of a.chars) count.set(ch, (count.get(ch) ?? 0) + 1);
  for (const ch of b.chars) count.set(ch, (count.get(ch) ?? 0) - 1);
  let edits = 0;
  for (const n of count.values()) edits += Math.abs(n);
  return edits;
}

/** Paragraph-level changes as character runs, for texts too different to diff by character. */
function blockChanges(a: Stream, b: Stream): Array<{ added?: boolean; removed?: boolean; value: string[] }> {
  const runs = (s: Stream) => {
    const out: Array<{ key: string; chars: string[] }> = [];
    s.chars.forEach((ch, k) => {
      if (k === 0 || s.block[k] !== s.block[k - 1]) out.push({ key: '', chars: [] });
      const run = out[out.length - 1];
      run.chars.push(ch);
      run.key += ch.normalize('NFKC');
    });
    return out;
  };
  const ra = runs(a);
  const rb = runs(b);
  const out: Array<{ added?: boolean; removed?: boolean; value: string[] }> = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(
    ra.map((r) => r.key),
    rb.map((r) => r.key),
  )) {
    const n = change.value.length;
    const from = change.added ? rb.slice(j, (j += n)) : ra.slice(i, (i += n));
    if (!change.added && !change.removed) j += n;
    out.push({ added: change.added, removed: change.removed, value: from.flatMap((r) => r.chars) });
  }
  return out;
}

/** Groups nearby edits into hunks with shared context around them. */
function hunksOf(part: VersionBlock['part'], a: Stream, b: Stream, edits: Edit[]): VersionHunk[] {
  const groups: Edit[][] = [];
  for (const e of edits) {
    const group = groups[groups.length - 1];
    const prev = group?.[group.length - 1];
    if (prev && e.i - (prev.i + prev.deleted) < JOIN_GAP) group.push(e);
    else groups.push([e]);
  }
  return groups.map((group) => {
    const first = group[0];
    const pieces: DiffPiece[] = [];
    const from = Math.max(0, first.i - CONTEXT);
    if (from < first.i) pieces.push({ op: 'equal', text: textOf(a, from, first.i) });
    group.forEach((e, n) => {
      if (e.deleted) pieces.push({ op: 'delete', text: textOf(a, e.i, e.i + e.deleted) });
      if (e.inserted) pieces.push({ op: 'insert', text: textOf(b, e.j, e.j + e.inserted) });
      const end = e.i + e.deleted;
      const next = group[n + 1];
      const to = next ? next.i : Math.min(a.chars.length, end + CONTEXT);
      if (to > end) pieces.push({ op: 'equal', text: textOf(a, end, to) });
    });
    const at = first.deleted ? a.block[first.i] : (a.block[first.i] ?? a.block[first.i - 1]);
    const atAfter = first.inserted ? b.block[first.j] : (b.block[first.j] ?? b.block[first.j - 1]);
    return { part, label: at?.label ?? '', lineBefore: at?.line ?? 0, lineAfter: atAfter?.line ?? 0, pieces };
  });
}

/** Every textual difference between two documents' blocks, part by part. */
export function diffText(before: VersionBlock[], after: VersionBlock[]): { hunks: VersionHunk[]; charCount: VersionDiff['charCount'] } {
  const parts: Array<VersionBlock['part']> = ['notice', 'title', 'body', 'footer'];
  const hunks: VersionHunk[] = [];
  const charCount = { before: 0, after: 0 };
  for (const part of parts) {
    const a = streamOf(before.filter((x) => x.part === part));
    const b = streamOf(after.filter((x) => x.part === part));
    charCount.before += a.chars.length;
    charCount.after += b.chars.length;
    hunks.push(...hunksOf(part, a, b, charEdits(a, b)));
  }
  return { hunks, charCount };
}

/** Metadata the notice states, compared field by field. */
function noticeFields(doc: VersionSource): Record<string, string | null> {
  return {
    通知标题: doc.notice?.title ?? null,
    发文字号: doc.notice?.number ?? null,
    发文机关: doc.notice?.issuers.join('、') || null,
    主送: doc.notice?.recipients ?? null,
    成文日期: doc.notice?.date ?? null,
  };
}

/** Notice fields whose values differ (compared under NFKC). */
export function diffFields(before: VersionSource, after: VersionSource): FieldChange[] {
  const a = noticeFields(before);
  const b = noticeFields(after);
  const norm = (v: string | null) => (v === null ? null : v.normalize('NFKC').replace(/\s+/g, ''));
  return Object.keys(a)
    .filter((field) => norm(a[field]) !== norm(b[field]))
    .map((field) => ({ field, before: a[field], after: b[field] }));
}

/** The primary text of a document as a VersionSource (with its title as shown). */
export function primarySource(doc: PolicyDocument): VersionSource {
  return { ...doc, title: doc.meta.title.value };
}

/** The id of a document's copy number `copy` (1-based), as used in compare URLs: "<id>.copy1". */
export function copyId(id: string, copy: number): string {
  return `${id}.copy${copy}`;
}

/** The difference between a document and its copy number `copy` (1-based). */
export function versionDiff(doc: PolicyDocument, copy = 1): VersionDiff {
  const entry = doc.copies[copy - 1];
  if (!entry) throw new Error(`document "${doc.id}" has no copy ${copy} (it has ${doc.copies.length})`);
  const parsed: ParsedDocument = entry.parsed;
  const before = versionBlocks(primarySource(doc));
  const after = versionBlocks(parsed);
  const primary = doc.sources[0];
  return {
    id: doc.id,
    copy,
    source: { file: entry.source.file, lineStart: entry.source.lineStart, lineEnd: entry.source.lineEnd },
    primarySource: { file: primary.file, lineStart: primary.lineStart, lineEnd: primary.lineEnd },
    outline: diffOutline(before, after),
    ...diffText(before, after),
    fields: diffFields(primarySource(doc), parsed),
  };
}
