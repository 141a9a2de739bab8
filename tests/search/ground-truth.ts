/**
 * Ground truth for search, computed from the ingested corpus (not from the
 * site or the index): which documents contain a query, and in which tasks.
 * Text is taken block by block (title, paragraph, table cell, heading) like
 * the page shows it, and folded the way search folds, so a query never
 * matches across two blocks here either.
 */
import type { Block, PolicyDocument } from '../../scripts/ingest/model.ts';
import { foldText, type FoldMap } from '../../src/lib/search/fold.ts';

/** A block of a document's text and the anchor it sits under (null: the page itself). */
export interface TextBlock {
  anchor: string | null;
  text: string;
}

/** One query of the test set with what it must find. */
export interface QueryCase {
  query: string;
  /** Why the query is in the set (what it exercises). */
  note: string;
  /** Terms as search sees them; a document must contain all of them. */
  terms: string[];
  /** Every document containing the query → the anchors (tasks, boxes, notice) that contain a term. */
  expected: Record<string, string[]>;
}

/** The file layout of tests/search-queries.json. */
export interface QuerySet {
  generatedBy: string;
  cases: QueryCase[];
}

/** The text blocks of a document, in page order. */
export function documentBlocks(doc: PolicyDocument): TextBlock[] {
  const out: TextBlock[] = [{ anchor: null, text: doc.meta.title.value }];
  for (const p of doc.notice?.paragraphs ?? []) out.push({ anchor: 'notice', text: p.text });
  for (const s of doc.subtitle) out.push({ anchor: null, text: s });
  const walk = (blocks: Block[], anchor: string | null) => {
    for (const b of blocks) {
      if (b.type === 'paragraph') out.push({ anchor, text: b.text });
      else if (b.type === 'table') {
        if (b.caption) out.push({ anchor, text: b.caption });
        for (const row of b.rows) for (const cell of row) out.push({ anchor, text: cell.text });
      } else if (b.type === 'box') {
        out.push({ anchor: b.eid, text: b.marker + (b.title ? ` ${b.title}` : '') });
        walk(b.children, b.eid);
      } else {
        out.push({ anchor: b.eid, text: b.marker + b.title + b.titleSep });
        walk(b.children, b.eid);
        for (const u of b.units) out.push({ anchor: b.eid, text: u.name });
      }
    }
  };
  walk(doc.preamble, null);
  walk(doc.body, null);
  for (const p of doc.footer?.paragraphs ?? []) out.push({ anchor: null, text: p.text });
  return out;
}

/** Documents containing every term, each with the anchors whose blocks contain a term. */
export function expectedFor(terms: string[], documents: PolicyDocument[], fold: FoldMap): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const doc of documents) {
    const blocks = documentBlocks(doc).map((b) => ({ anchor: b.anchor, text: foldText(b.text.replace(/\s+/g, ' ').trim(), fold) }));
    if (!terms.every((t) => blocks.some((b) => b.text.includes(t)))) continue;
    const anchors = new Set<string>();
    for (const b of blocks) if (b.anchor && terms.some((t) => b.text.includes(t))) anchors.add(b.anchor);
    out[doc.id] = [...anchors].sort();
  }
  return out;
}
