/**
 * Ground truth for search, computed from the ingested corpus (not from the
 * site or the index): which documents contain a query, in which tasks, how
 * much they use it, and which departments and concepts the query names.
 * Text is taken block by block (title, paragraph, table cell, heading) like
 * the page shows it, and folded the way search folds, so a query never
 * matches across two blocks here either.
 */
import type { Block, PolicyDocument } from '../ingest/model.ts';
import { foldText, type FoldMap } from '../../shared/search/fold.ts';

/** A block of a document's text, the anchor it sits under (null: the page itself) and what kind of block it is. */
export interface TextBlock {
  anchor: string | null;
  text: string;
  /** The document's title, a section's heading, or running text (paragraphs, cells, units). */
  kind: 'title' | 'heading' | 'text';
}

/**
 * How much a document uses a query, the order results should come in (the
 * same levels as shared/search/rank.ts, computed here from the corpus):
 * 3 in the title, 2 in a section heading, 1 more than once, 0 once.
 */
export type UseLevel = 0 | 1 | 2 | 3;

/** One query of the test set with what it must find. */
export interface QueryCase {
  query: string;
  /** What the query tests. */
  note: string;
  /** Terms as search sees them; a document must contain all of them. */
  terms: string[];
  /** Every document containing the query → the anchors (tasks, boxes, notice) that contain a term. */
  expected: Record<string, string[]>;
  /** How much each of those documents uses the query. */
  levels: Record<string, UseLevel>;
  /** Departments (URL slugs) whose name contains every term: results too. */
  departments: string[];
  /** Concepts (ids) the query names: shown as cards above the results. */
  concepts: string[];
}

/** The file layout of tests/search-queries.json. */
export interface QuerySet {
  generatedBy: string;
  cases: QueryCase[];
}

/** The text blocks of a document, in page order. */
export function documentBlocks(doc: PolicyDocument): TextBlock[] {
  const out: TextBlock[] = [{ anchor: null, text: doc.meta.title.value, kind: 'title' }];
  if (doc.notice && doc.notice.paragraphs.length > 0) {
    // The notice's heading is on the page for screen readers (visually hidden).
    out.push({ anchor: 'notice', text: '印发通知', kind: 'heading' });
    for (const p of doc.notice.paragraphs) out.push({ anchor: 'notice', text: p.text, kind: 'text' });
  }
  for (const s of doc.subtitle) out.push({ anchor: null, text: s, kind: 'text' });
  const walk = (blocks: Block[], anchor: string | null) => {
    for (const b of blocks) {
      if (b.type === 'paragraph') out.push({ anchor, text: b.text, kind: 'text' });
      else if (b.type === 'table') {
        if (b.caption) out.push({ anchor, text: b.caption, kind: 'text' });
        for (const row of b.rows) for (const cell of row) out.push({ anchor, text: cell.text, kind: 'text' });
      } else if (b.type === 'box') {
        out.push({ anchor: b.eid, text: b.marker + (b.title ? ` ${b.title}` : ''), kind: 'heading' });
        walk(b.children, b.eid);
      } else {
        out.push({ anchor: b.eid, text: b.marker + b.title + b.titleSep, kind: 'heading' });
        walk(b.children, b.eid);
        for (const u of b.units) out.push({ anchor: b.eid, text: u.name, kind: 'text' });
      }
    }
  };
  walk(doc.preamble, null);
  walk(doc.body, null);
  for (const p of doc.footer?.paragraphs ?? []) out.push({ anchor: null, text: p.text, kind: 'text' });
  return out;
}

/** Occurrences of `term` in `text`, overlapping ones included (as the index counts them). */
function count(text: string, term: string): number {
  let n = 0;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) n++;
  return n;
}

/** What the corpus says about one query: documents with anchors and use levels. */
export function expectedFor(terms: string[], documents: PolicyDocument[], fold: FoldMap): Pick<QueryCase, 'expected' | 'levels'> {
  const expected: Record<string, string[]> = {};
  const levels: Record<string, UseLevel> = {};
  for (const doc of documents) {
    const blocks = documentBlocks(doc).map((b) => ({ ...b, text: foldText(b.text.replace(/\s+/g, ' ').trim(), fold) }));
    if (!terms.every((t) => blocks.some((b) => b.text.includes(t)))) continue;
    const anchors = new Set<string>();
    for (const b of blocks) if (b.anchor && terms.some((t) => b.text.includes(t))) anchors.add(b.anchor);
    expected[doc.id] = [...anchors].sort();
    const inKind = (kind: TextBlock['kind']) => blocks.some((b) => b.kind === kind && terms.some((t) => b.text.includes(t)));
    const uses = terms.reduce((n, t) => n + blocks.reduce((m, b) => m + count(b.text, t), 0), 0);
    levels[doc.id] = inKind('title') ? 3 : inKind('heading') ? 2 : uses > terms.length ? 1 : 0;
  }
  return { expected, levels };
}

/** Departments whose name contains every term (folded): the ones the query names. */
export function departmentsFor(terms: string[], departments: ReadonlyArray<{ name: string; slug: string }>, fold: FoldMap): string[] {
  return departments
    .filter((d) => terms.every((t) => foldText(d.name, fold).includes(t)))
    .map((d) => d.slug)
    .sort();
}

/**
 * The documents a top five may hold: those of the highest use levels, down to
 * the level that fills five places (all documents when there are five or fewer).
 * A result of a lower level in the top five means a stronger one was left out.
 */
export function topFiveDocuments(levels: Readonly<Record<string, UseLevel>>): Set<string> {
  const sorted = Object.values(levels).sort((a, b) => b - a);
  if (sorted.length === 0) return new Set();
  const cutoff = sorted[Math.min(5, sorted.length) - 1];
  return new Set(
    Object.entries(levels)
      .filter(([, level]) => level >= cutoff)
      .map(([id]) => id),
  );
}
