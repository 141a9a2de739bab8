/**
 * From match positions to what a result shows: the sections (tasks) that
 * contain the matches, best first, and excerpts with the matches marked.
 * Grouping needs only the page's structure; excerpts need the text around
 * each shown match, which the engine loads chunk by chunk (see textWindow).
 * Positions index the page's text (folding keeps lengths equal).
 */
import { BLOCK_BREAK } from './bigrams.ts';
import type { PageStructure, SectionInfo } from './types.ts';

/** A match: [start, end) in the page text. */
export interface Span {
  start: number;
  end: number;
}

/** A piece of an excerpt; `mark` pieces are matches. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** Matches inside one section of a page. */
export interface SectionHit {
  /** Index into the page's sections, or -1 for text outside any anchored section. */
  section: number;
  info?: SectionInfo;
  spans: Span[];
  /** True when the section's heading itself contains a match. */
  inHeading: boolean;
  /** The match the excerpt is centred on: the first one after the heading (the heading is shown anyway), else the first. */
  focus: Span;
  /** Filled for the sections a result shows (the engine loads their text). */
  excerpt: ExcerptPart[];
}

/** Sections a result lists with an excerpt; the rest are counted ("另有 N 个条款…"). */
export const SECTIONS_SHOWN = 3;

/** Characters of context shown before the first match (twice as many after it). */
export const EXCERPT_RADIUS = 36;

/** The section index (or -1) that position `pos` belongs to, by binary search over the segments. */
export function sectionAt(structure: Pick<PageStructure, 'segments'>, pos: number): number {
  const { segments } = structure;
  let lo = 0;
  let hi = segments.length / 2 - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid * 2] <= pos) {
      found = segments[mid * 2 + 1];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The text range an excerpt around `focus` may read: the window itself plus
 * one character on each side, so the excerpt can tell whether its block goes on.
 */
export function textWindow(focus: Span, length: number, radius = EXCERPT_RADIUS): Span {
  return { start: Math.max(0, focus.start - radius - 1), end: Math.min(length, focus.end + radius * 2 + 1) };
}

/**
 * Text around `focus` within its block, with every span that falls inside
 * marked. `text` may be sparse (BLOCK_BREAK outside the loaded chunks) as
 * long as it is real within textWindow(focus).
 */
export function excerpt(text: string, spans: Span[], focus: Span, radius = EXCERPT_RADIUS): ExcerptPart[] {
  const blockStart = text.lastIndexOf(BLOCK_BREAK, focus.start - 1) + 1;
  const blockEndAt = text.indexOf(BLOCK_BREAK, focus.end);
  const blockEnd = blockEndAt < 0 ? text.length : blockEndAt;
  const from = Math.max(blockStart, focus.start - radius);
  const to = Math.min(blockEnd, focus.end + radius * 2);
  const parts: ExcerptPart[] = [];
  if (from > blockStart) parts.push({ text: '…', mark: false });
  let at = from;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.end <= at || s.start >= to) continue;
    const start = Math.max(s.start, at);
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    const end = Math.min(s.end, to);
    parts.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), mark: false });
  if (to < blockEnd) parts.push({ text: '…', mark: false });
  return parts;
}

/** Merges overlapping spans (two terms, or a term inside another) so marks never nest. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Where a section's heading sits: its first segment starts with the heading text. */
export function headingSpan(structure: PageStructure, section: number): Span | undefined {
  const info = structure.sections[section];
  for (let i = 0; i < structure.segments.length; i += 2) {
    if (structure.segments[i + 1] === section) return { start: structure.segments[i], end: structure.segments[i] + info.heading.length };
  }
  return undefined;
}

/**
 * Groups matches by section and orders them: sections whose heading matches,
 * then by number of matches, then in reading order. Text outside anchored
 * sections (title, preamble) comes last, as the page itself. Excerpts are
 * left empty for the caller to fill.
 */
export function sectionHits(structure: PageStructure, spans: Span[]): SectionHit[] {
  const groups = new Map<number, Span[]>();
  for (const span of mergeSpans(spans)) {
    const section = sectionAt(structure, span.start);
    const list = groups.get(section);
    if (list) list.push(span);
    else groups.set(section, [span]);
  }
  const hits: SectionHit[] = [...groups].map(([section, list]) => {
    const heading = section >= 0 ? headingSpan(structure, section) : undefined;
    const inside = (s: Span) => heading !== undefined && heading.start <= s.start && s.end <= heading.end;
    const focus = list.find((s) => !inside(s)) ?? list[0];
    return { section, info: structure.sections[section], spans: list, inHeading: list.some(inside), focus, excerpt: [] };
  });
  return hits.sort(
    (a, b) =>
      Number(b.section >= 0) - Number(a.section >= 0) ||
      Number(b.inHeading) - Number(a.inHeading) ||
      b.spans.length - a.spans.length ||
      a.spans[0].start - b.spans[0].start,
  );
}

/** The chunks (of `chunkSize` characters) that cover the given ranges. */
export function chunksFor(ranges: Span[], chunkSize: number): number[] {
  const out = new Set<number>();
  for (const r of ranges) for (let k = Math.floor(r.start / chunkSize); k * chunkSize < r.end; k++) out.add(k);
  return [...out].sort((a, b) => a - b);
}

/** A text of `length` characters holding the loaded chunks and BLOCK_BREAK everywhere else. */
export function sparseText(length: number, chunkSize: number, chunks: ReadonlyMap<number, string>): string {
  let out = '';
  const chunkCount = Math.ceil(length / chunkSize);
  for (let k = 0; k < chunkCount; k++) {
    const size = Math.min(chunkSize, length - k * chunkSize);
    out += chunks.get(k) ?? BLOCK_BREAK.repeat(size);
  }
  return out;
}

/** The hits a result shows with an excerpt: the first anchored ones, or else the page-level one. */
export function shownSections(hits: SectionHit[], max = SECTIONS_SHOWN): SectionHit[] {
  const anchored = hits.filter((h) => h.info);
  return anchored.length > 0 ? anchored.slice(0, max) : hits.slice(0, 1);
}
